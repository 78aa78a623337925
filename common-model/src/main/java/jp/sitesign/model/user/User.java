package jp.sitesign.model.user;

import java.time.Instant;
import java.util.Objects;
import jp.sitesign.model.company.CompanyId;

/**
 * 利用者: an account of a company.
 *
 * @param profile          the personal data (encrypted at rest on the server)
 * @param signingAuthoritySetBy who last bound or unbound a signing certificate for this user (null when never);
 *                         whether the user has 署名権限 follows from the certificate bindings at the moment
 *                         asked, so it is decided on the server, not stored here
 * @param signingAuthoritySetAt when that was
 * @param failedLogins     consecutive failed logins since the last success
 * @param lockedUntil      the account is locked until this instant, or null
 * @param revision         increases with every change; commands name the revision they were based on
 */
public record User(
        UserId id,
        CompanyId companyId,
        Role role,
        UserStatus status,
        UserProfile profile,
        boolean mustChangePassword,
        String signingAuthoritySetBy,
        Instant signingAuthoritySetAt,
        int failedLogins,
        Instant lockedUntil,
        long revision,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(profile, "profile");
    }

    /** Locked by repeated failed logins at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
