package jp.sitesign.server.auth;

import java.time.Duration;
import jp.sitesign.model.user.PasswordRules;
import jp.sitesign.server.config.ServerConfig;

/** Session lifetimes, lockout and password rules, from the server configuration. */
public record AuthSettings(Duration idleTimeout, Duration absoluteTimeout, int maxFailures, Duration lockDuration,
        PasswordRules passwordRules) {

    public static AuthSettings from(ServerConfig config) {
        return new AuthSettings(config.minutes("session.idle-minutes"), config.minutes("session.absolute-minutes"),
                config.getInt("login.max-failures"), config.minutes("login.lock-minutes"),
                new PasswordRules(config.getInt("password.min-length")));
    }
}
