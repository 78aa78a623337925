package jp.sitesign.model.user;

/**
 * The personal data of an account: customer content, encrypted at rest, never logged.
 *
 * @param department 所属
 * @param title      役職
 */
public record UserProfile(String name, String nameKana, String email, String department, String title) {
    /** What a deleted account keeps: nothing. */
    public static final UserProfile ERASED = new UserProfile("", "", "", "", "");
}
