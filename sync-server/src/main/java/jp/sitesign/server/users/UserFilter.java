package jp.sitesign.server.users;

import java.util.Locale;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserStatus;

/**
 * A search over a company's users. Text fields match case-insensitively anywhere in the value; name
 * matches the name or its kana. Null fields do not filter; deleted users appear only when asked for.
 */
public record UserFilter(String id, String name, String department, String title, Role role, UserStatus status) {

    public boolean matches(User u) {
        if (status == null ? u.status() == UserStatus.DELETED : u.status() != status) {
            return false;
        }
        return (role == null || u.role() == role)
                && contains(u.id().value(), id)
                && (contains(u.profile().name(), name) || contains(u.profile().nameKana(), name))
                && contains(u.profile().department(), department)
                && contains(u.profile().title(), title);
    }

    private static boolean contains(String value, String needle) {
        if (needle == null || needle.isBlank()) {
            return true;
        }
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
    }
}
