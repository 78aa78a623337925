package jp.sitesign.server.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.crypto.PasswordHasher;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.policy.Resource;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.storage.Database;

/**
 * Login, sessions, logout and password changes. Tokens are 256-bit random values handed to the client
 * once; the database keeps their SHA-256 only. Sessions end after an idle period and after an absolute
 * lifetime, and at once when the user or the company can no longer use the service.
 */
public final class AuthService {
    /** last_seen_at is written at most this often, so most requests only read. */
    private static final long TOUCH_SECONDS = 30;

    private final Database db;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Passwords passwords;
    private final AuthSettings settings;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    public AuthService(Database db, UserRepository users, CompanyRepository companies, SessionRepository sessions,
            AuditLog audit, Passwords passwords, AuthSettings settings, Clock clock) {
        this.db = db;
        this.users = users;
        this.companies = companies;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.throttle = new LoginThrottle(settings.addressMaxFailures(), settings.addressWindow(), clock);
    }

    /**
     * Logs in on the password threads; every outcome is recorded in the login log. An address with too many
     * recent failures is refused (429) before any password work, a full password queue with 503.
     */
    public CompletableFuture<LoginResult> login(String userIdText, char[] password, String clientIp) {
        try {
            throttle.check(clientIp);
            return passwords.pool().submit(() -> loginNow(userIdText, password, clientIp));
        } catch (RuntimeException e) {
            PasswordHasher.wipe(password);
            throw e;
        }
    }

    private LoginResult loginNow(String userIdText, char[] password, String clientIp) {
        try {
            Optional<Candidate> found = UserId.isValid(userIdText) ? db.read(c -> candidate(c, new UserId(userIdText)))
                    : Optional.empty();
            if (found.isEmpty()) {
                passwords.hasher().burn(password);
                audit.append(new AuditLog.Entry(userIdText == null ? "" : userIdText, null, AuditAction.LOGIN_FAILED,
                        null, AuditOutcome.FAILURE, clientIp, "unknown user id"));
                throw new SiteSignException(ErrorCode.LOGIN_FAILED);
            }
            Candidate cand = found.get();
            User user = cand.user();
            Instant now = clock.instant();
            if (user.isLockedAt(now)) {
                auditLogin(user, AuditAction.LOGIN_FAILED, AuditOutcome.DENIED, clientIp, "account locked");
                throw new SiteSignException(ErrorCode.ACCOUNT_LOCKED);
            }
            if (!passwords.hasher().verify(password, cand.passwordHash())) {
                throw wrongPassword(user, now, clientIp);
            }
            Decision d = AccessPolicy.decide(Guard.actor(user, cand.companyStatus(), false), Action.LOGIN,
                    Resource.none());
            if (!d.allowed()) {
                auditLogin(user, AuditAction.LOGIN_FAILED, AuditOutcome.DENIED, clientIp, d.code());
                throw new SiteSignException(ErrorCode.ACCOUNT_UNAVAILABLE, d.reasonJa(), d.reasonEn());
            }
            String token = newToken();
            db.inTransaction(c -> {
                users.recordLoginState(c, user.id(), 0, null);
                sessions.insert(c, tokenHash(token), user.id(), now);
                audit.append(c, new AuditLog.Entry(user.id().value(), user.companyId().value(), AuditAction.LOGIN,
                        null, AuditOutcome.SUCCESS, clientIp, null));
                return null;
            });
            return new LoginResult(token, user, cand.companyName(), now.plus(settings.idleTimeout()));
        } catch (SiteSignException refused) {
            throttle.recordFailure(clientIp);
            throw refused;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    private SiteSignException wrongPassword(User user, Instant now, String clientIp) {
        int failures = user.failedLogins() + 1;
        boolean lock = failures >= settings.maxFailures();
        db.inTransaction(c -> {
            users.recordLoginState(c, user.id(), lock ? 0 : failures, lock ? now.plus(settings.lockDuration()) : null);
            audit.append(c, new AuditLog.Entry(user.id().value(), user.companyId().value(), AuditAction.LOGIN_FAILED,
                    null, AuditOutcome.FAILURE, clientIp, "wrong password (" + failures + ")"));
            if (lock) {
                sessions.deleteForUser(c, user.id(), null);
                audit.append(c, new AuditLog.Entry(user.id().value(), user.companyId().value(),
                        AuditAction.ACCOUNT_LOCKED, user.id().value(), AuditOutcome.SUCCESS, clientIp,
                        "locked for " + settings.lockDuration().toMinutes() + " min"));
            }
            return null;
        });
        return new SiteSignException(lock ? ErrorCode.ACCOUNT_LOCKED : ErrorCode.LOGIN_FAILED);
    }

    private Optional<Candidate> candidate(Connection c, UserId id) throws SQLException {
        Optional<User> user = users.find(c, id);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        jp.sitesign.model.company.Company company = companies.find(c, user.get().companyId()).orElseThrow();
        return Optional.of(new Candidate(user.get(), company.status(), company.name(),
                users.passwordHash(c, id).orElseThrow()));
    }

    /** The caller behind a bearer token, or UNAUTHENTICATED / SESSION_EXPIRED. */
    public Caller authenticate(String token, String clientIp) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
        }
        String hash = tokenHash(token);
        Instant now = clock.instant();
        SessionRepository.Found s = db.read(c -> sessions.find(c, hash))
                .orElseThrow(() -> new SiteSignException(ErrorCode.UNAUTHENTICATED));
        boolean expired = settings.sessionEnded(s.lastSeenAt(), s.createdAt(), now);
        Decision d = AccessPolicy.decide(Guard.actor(s.user(), s.companyStatus(), false), Action.LOGIN,
                Resource.none());
        if (expired || !d.allowed()) {
            db.inTransaction(c -> {
                sessions.delete(c, hash);
                return null;
            });
            throw new SiteSignException(expired ? ErrorCode.SESSION_EXPIRED : ErrorCode.UNAUTHENTICATED);
        }
        if (s.lastSeenAt().plusSeconds(TOUCH_SECONDS).isBefore(now)) {
            db.inTransaction(c -> {
                sessions.touch(c, hash, now);
                return null;
            });
        }
        return new Caller(s.user(), s.companyStatus(), hash, clientIp);
    }

    /**
     * Deletes the sessions past their idle or absolute lifetime; they can no longer be used, and would
     * otherwise stay a row per login for ever. Returns how many went.
     */
    public int purgeExpiredSessions() {
        Instant now = clock.instant();
        return db.inTransaction(c -> sessions.deleteExpired(c, settings.idleCutoff(now),
                settings.absoluteCutoff(now)));
    }

    public void logout(Caller caller) {
        db.inTransaction(c -> {
            sessions.delete(c, caller.tokenHash());
            audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.LOGOUT, null,
                    AuditOutcome.SUCCESS, caller.clientIp(), null));
            return null;
        });
    }

    /** The user changes their own password, on the password threads; other sessions of the user end. */
    public CompletableFuture<Void> changePassword(Caller caller, char[] current, String next) {
        try {
            return passwords.pool().submit(() -> {
                changePasswordNow(caller, current, next);
                return null;
            });
        } catch (RuntimeException e) {
            PasswordHasher.wipe(current);
            throw e;
        }
    }

    private void changePasswordNow(Caller caller, char[] current, String next) {
        try {
            String stored = db.read(c -> users.passwordHash(c, caller.user().id())).orElseThrow();
            if (!passwords.hasher().verify(current, stored)) {
                audit.append(new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.PASSWORD_CHANGED,
                        caller.getName(), AuditOutcome.FAILURE, caller.clientIp(), "wrong current password"));
                throw new SiteSignException(ErrorCode.WRONG_CURRENT_PASSWORD);
            }
            passwords.requireAcceptable(next, caller.getName());
            if (passwords.hasher().verify(next.toCharArray(), stored)) {
                throw AuthMessage.PASSWORD_UNCHANGED.exception();
            }
            String hash = passwords.hasher().hash(next.toCharArray());
            db.inTransaction(c -> {
                users.setPassword(c, caller.user().id(), hash, false);
                sessions.deleteForUser(c, caller.user().id(), caller.tokenHash());
                audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.PASSWORD_CHANGED,
                        caller.getName(), AuditOutcome.SUCCESS, caller.clientIp(), null));
                return null;
            });
        } finally {
            PasswordHasher.wipe(current);
        }
    }

    /** The operator issues a new one-time password (e.g. a forgotten password); the account is unlocked. */
    public String resetPassword(UserId id) {
        String oneTime = passwords.oneTime();
        setPassword(id, oneTime, true);
        return oneTime;
    }

    /** Sets a password as the operator (reset, demo data): the account is unlocked and its sessions end. */
    public void setPassword(UserId id, String password, boolean mustChange) {
        String hash = passwords.hasher().hash(password.toCharArray());
        db.inTransaction(c -> {
            User user = users.find(c, id).orElseThrow(() -> AuthMessage.USER_NOT_FOUND.exception(id));
            users.setPassword(c, id, hash, mustChange);
            sessions.deleteForUser(c, id, null);
            audit.append(c, new AuditLog.Entry("operator", user.companyId().value(), AuditAction.PASSWORD_RESET,
                    id.value(), AuditOutcome.SUCCESS, null, null));
            return null;
        });
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String tokenHash(String token) {
        return Digests.sha256Hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void auditLogin(User user, AuditAction action, AuditOutcome outcome, String clientIp, String details) {
        audit.append(new AuditLog.Entry(user.id().value(), user.companyId().value(), action, null, outcome, clientIp,
                details));
    }

    private record Candidate(User user, CompanyStatus companyStatus, String companyName, String passwordHash) {
    }

    /** A new session; the user's company name is for the client's seal text (its own data, so no policy row). */
    public record LoginResult(String token, User user, String companyName, Instant idleExpiry) {
    }
}
