package jp.sitesign.server.users;

import java.time.Instant;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserStatus;

/** A user as the API shows it (never the password hash). */
public record UserView(String id, String companyId, Role role, String roleLabel, UserStatus status,
        String statusLabel, String name, String nameKana, String email, String department, String title,
        boolean mustChangePassword, boolean signingAuthority, String signingAuthoritySetBy,
        Instant signingAuthoritySetAt, boolean locked, long revision, Instant createdAt) {

    public static UserView of(User u, Instant now) {
        return new UserView(u.id().value(), u.companyId().value(), u.role(), u.role().labelJa(), u.status(),
                u.status().labelJa(), u.profile().name(), u.profile().nameKana(), u.profile().email(),
                u.profile().department(), u.profile().title(), u.mustChangePassword(), u.signingAuthority(),
                u.signingAuthoritySetBy(), u.signingAuthoritySetAt(), u.isLockedAt(now), u.revision(), u.createdAt());
    }
}
