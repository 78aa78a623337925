package jp.sitesign.server.auth;

import java.time.Duration;
import java.time.Instant;
import jp.sitesign.model.user.PasswordRules;
import jp.sitesign.server.config.ServerConfig;

/**
 * Session lifetimes, lockout, password rules, the per-address login throttle and the password-hashing
 * threads, from the server configuration.
 *
 * @param hashThreads threads that hash passwords; {@code login.hash-threads=auto} is half the processors
 *                    (at least one), so a flood of logins leaves CPU for everything else
 */
public record AuthSettings(Duration idleTimeout, Duration absoluteTimeout, int maxFailures, Duration lockDuration,
        PasswordRules passwordRules, int addressMaxFailures, Duration addressWindow, int hashThreads,
        int hashQueue) {

    public static AuthSettings from(ServerConfig config) {
        String threads = config.get("login.hash-threads").strip();
        return new AuthSettings(config.minutes("session.idle-minutes"), config.minutes("session.absolute-minutes"),
                config.getInt("login.max-failures"), config.minutes("login.lock-minutes"),
                new PasswordRules(config.getInt("password.min-length")), config.getPositiveInt("login.address-max-failures"),
                config.minutes("login.address-window-minutes"),
                "auto".equals(threads) ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2)
                        : config.getPositiveInt("login.hash-threads"),
                config.getPositiveInt("login.hash-queue"));
    }

    /** Sessions last used before this have ended (idle). */
    public Instant idleCutoff(Instant now) {
        return now.minus(idleTimeout);
    }

    /** Sessions made before this have ended (absolute lifetime). */
    public Instant absoluteCutoff(Instant now) {
        return now.minus(absoluteTimeout);
    }

    /** The one session-lifetime rule: used for each request and, as the cut-offs above, by the purge. */
    public boolean sessionEnded(Instant lastSeen, Instant created, Instant now) {
        return lastSeen.isBefore(idleCutoff(now)) || created.isBefore(absoluteCutoff(now));
    }
}
