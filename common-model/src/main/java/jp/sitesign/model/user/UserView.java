package jp.sitesign.model.user;

import java.time.Instant;

/**
 * A user as the API shows it (never the password hash). {@code signingAuthority} is whether the user has
 * 署名権限 now, as {@code SigningAuthority} decides from the certificate bindings; the two fields after it
 * say who last bound or unbound a certificate for the user, and when.
 */
public record UserView(String id, String companyId, Role role, String roleLabel, UserStatus status,
        String statusLabel, String name, String nameKana, String email, String department, String title,
        boolean mustChangePassword, boolean signingAuthority, String signingAuthoritySetBy,
        Instant signingAuthoritySetAt, boolean locked, long revision, Instant createdAt) {

    /**
     * A colleague as the company directory shows them to users who may not see the full record
     * ({@code Action.VIEW_COMPANY_DIRECTORY}, ADR 10): id, company, name, name kana, department, title and
     * whether they hold 署名権限 — what naming an approver or a signer needs, nothing more. Role, email,
     * who set the signing authority, lock state and dates are left out ({@code null} or {@code false}).
     * Only active users are listed, so the status is always {@link UserStatus#ACTIVE}.
     *
     * @throws IllegalArgumentException for a user who is not active (the directory does not list them)
     */
    public static UserView directoryEntry(User u, boolean signingAuthority) {
        if (u.status() != UserStatus.ACTIVE) {
            throw new IllegalArgumentException("the directory lists active users only: " + u.id().value());
        }
        return new UserView(u.id().value(), u.companyId().value(), null, null, UserStatus.ACTIVE,
                UserStatus.ACTIVE.labelJa(), u.profile().name(), u.profile().nameKana(), null,
                u.profile().department(), u.profile().title(), false, signingAuthority, null, null, false,
                u.revision(), null);
    }

    /** Whether this is a {@link #directoryEntry} rather than the full record (a directory entry has no role). */
    public boolean fromDirectory() {
        return role == null;
    }

    public static UserView of(User u, Instant now, boolean signingAuthority) {
        return new UserView(u.id().value(), u.companyId().value(), u.role(), u.role().labelJa(), u.status(),
                u.status().labelJa(), u.profile().name(), u.profile().nameKana(), u.profile().email(),
                u.profile().department(), u.profile().title(), u.mustChangePassword(), signingAuthority,
                u.signingAuthoritySetBy(), u.signingAuthoritySetAt(), u.isLockedAt(now), u.revision(), u.createdAt());
    }
}
