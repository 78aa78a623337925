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

    public static UserView of(User u, Instant now, boolean signingAuthority) {
        return new UserView(u.id().value(), u.companyId().value(), u.role(), u.role().labelJa(), u.status(),
                u.status().labelJa(), u.profile().name(), u.profile().nameKana(), u.profile().email(),
                u.profile().department(), u.profile().title(), u.mustChangePassword(), signingAuthority,
                u.signingAuthoritySetBy(), u.signingAuthoritySetAt(), u.isLockedAt(now), u.revision(), u.createdAt());
    }
}
