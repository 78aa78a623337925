package jp.sitesign.server.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method a user with a one-time password may call (who am I, change password, logout);
 * every other method answers PASSWORD_CHANGE_REQUIRED until the password is changed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedBeforePasswordChange {
}
