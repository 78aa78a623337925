package jp.sitesign.server.users;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.policy.NewUserResource;
import jp.sitesign.model.policy.Resource;
import jp.sitesign.model.policy.UserResource;
import jp.sitesign.model.user.ProfileRules;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.auth.Passwords;
import jp.sitesign.server.auth.SessionRepository;
import jp.sitesign.server.certificates.CertificateBindings;
import jp.sitesign.server.storage.Database;

/**
 * Managing a company's users: every change is checked by the access policy, written with an optimistic
 * revision check and recorded in the audit log in the same transaction.
 */
public final class UserService {
    private static final long ANY_REVISION = -1;
    private final Database db;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Guard guard;
    private final Passwords passwords;
    private final CertificateBindings bindings;
    private final Clock clock;

    public UserService(Database db, UserRepository users, SessionRepository sessions, AuditLog audit, Guard guard,
            Passwords passwords, CertificateBindings bindings, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.bindings = bindings;
        this.audit = audit;
        this.guard = guard;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The company's users, for the operator's export of its data (no caller: the operator is not a user). */
    public List<User> ofCompany(jp.sitesign.model.company.CompanyId company) {
        return db.read(c -> users.listCompany(c, company));
    }

    public Page<User> search(Caller caller, UserFilter filter, int offset, int limit) {
        guard.require(caller, Action.VIEW_USERS, new CompanyResource(caller.user().companyId()));
        List<User> all = db.read(c -> users.listCompany(c, caller.user().companyId()));
        List<User> matching = all.stream().filter(filter::matches).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), offset, limit);
    }

    public User get(Caller caller, UserId id) {
        User target = load(caller, id);
        guard.require(caller, Action.VIEW_USERS, new CompanyResource(target.companyId()));
        return target;
    }

    /**
     * Registers an ADMIN or MEMBER, on the password threads (the one-time password is hashed); returns the
     * user and their one-time password, shown once.
     */
    public CompletableFuture<Registered> register(Caller caller, UserProfile profile, Role role) {
        return passwords.pool().submit(() -> registerNow(caller, profile, role));
    }

    private Registered registerNow(Caller caller, UserProfile profile, Role role) {
        CompanyId company = caller.user().companyId();
        guard.requireForChange(caller, Action.REGISTER_USER, new NewUserResource(company, role), null);
        requireValid(profile);
        String oneTime = passwords.oneTime();
        String hash = passwords.hasher().hash(oneTime.toCharArray());
        User created = db.inTransaction(c -> {
            User u = new User(users.freshId(c), company, role, UserStatus.ACTIVE, profile, true, null, null, 0, null,
                    1, clock.instant());
            users.insert(c, u, hash);
            audit.append(c, change(caller, AuditAction.USER_REGISTERED, u.id(), "role=" + role));
            return u;
        });
        return new Registered(created, oneTime);
    }

    public User update(Caller caller, UserId id, long baseRevision, UserProfile profile, Role role) {
        requireValid(profile);
        User target = load(caller, id);
        guard.requireForChange(caller, Action.EDIT_USER,
                new UserResource(target.id(), target.companyId(), target.role(), role), id.value());
        return write(caller, target, baseRevision, AuditAction.USER_UPDATED, with(target, role, target.status(),
                profile));
    }

    public User suspend(Caller caller, UserId id) {
        return change(caller, id, Action.SUSPEND_USER, AuditAction.USER_SUSPENDED,
                u -> with(u, u.role(), UserStatus.SUSPENDED, u.profile()));
    }

    public User resume(Caller caller, UserId id) {
        return change(caller, id, Action.RESUME_USER, AuditAction.USER_RESUMED, u -> {
            if (u.status() == UserStatus.DELETED) {
                throw UserMessage.DELETED_USER_NOT_RESUMABLE.exception();
            }
            return with(u, u.role(), UserStatus.ACTIVE, u.profile());
        });
    }

    /**
     * Deletes a user: personal data is erased and the id kept, so the audit log still names them; their
     * certificate bindings go with it (ADR 3: deleting withdraws signing authority).
     */
    public User delete(Caller caller, UserId id) {
        return change(caller, id, Action.DELETE_USER, AuditAction.USER_DELETED,
                u -> new User(u.id(), u.companyId(), u.role(), UserStatus.DELETED, UserProfile.ERASED,
                        u.mustChangePassword(), caller.getName(), clock.instant(), u.failedLogins(), u.lockedUntil(),
                        u.revision() + 1, u.createdAt()));
    }

    /** A user edits their own name, kana and email; department and title are the admins' to set. */
    public User updateOwnProfile(Caller caller, long baseRevision, String name, String nameKana, String email) {
        User me = load(caller, caller.user().id());
        UserProfile next = new UserProfile(name, nameKana, email, me.profile().department(), me.profile().title());
        requireValid(next);
        guard.requireForChange(caller, Action.EDIT_OWN_PROFILE, Resource.none(), me.id().value());
        return write(caller, me, baseRevision, AuditAction.PROFILE_UPDATED,
                with(me, me.role(), me.status(), next));
    }

    /** A state change (suspend, resume, delete) applies to whatever revision is current. */
    private User change(Caller caller, UserId id, Action action, AuditAction auditAction,
            UnaryOperator<User> edit) {
        User target = load(caller, id);
        guard.requireForChange(caller, action, resource(target), id.value());
        return write(caller, target, ANY_REVISION, auditAction, edit.apply(target));
    }

    private User write(Caller caller, User before, long baseRevision, AuditAction auditAction, User after) {
        if (baseRevision != ANY_REVISION && baseRevision != before.revision()) {
            throw staleRevision();
        }
        return db.inTransaction(c -> {
            if (!users.update(c, after)) {
                throw staleRevision();
            }
            if (after.status() != UserStatus.ACTIVE) {
                sessions.deleteForUser(c, after.id(), null);
            }
            if (after.status() == UserStatus.DELETED) {
                bindings.unbindAll(c, after.id());
            }
            audit.append(c, change(caller, auditAction, after.id(), details(before, after)));
            return after;
        });
    }

    private User load(Caller caller, UserId id) {
        return db.read(c -> users.findInCompany(c, caller.user().companyId(), id))
                .orElseThrow(() -> UserMessage.USER_NOT_FOUND.exception(id));
    }

    private static Resource resource(User u) {
        return new UserResource(u.id(), u.companyId(), u.role());
    }

    private static User with(User u, Role role, UserStatus status, UserProfile profile) {
        return new User(u.id(), u.companyId(), role, status, profile, u.mustChangePassword(),
                u.signingAuthoritySetBy(), u.signingAuthoritySetAt(), u.failedLogins(), u.lockedUntil(),
                u.revision() + 1, u.createdAt());
    }


    private static void requireValid(UserProfile profile) {
        List<ProfileRules.Problem> problems = ProfileRules.check(profile);
        if (!problems.isEmpty()) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD,
                    String.join(" ", problems.stream().map(ProfileRules.Problem::messageJa).toList()),
                    String.join(" ", problems.stream().map(ProfileRules.Problem::messageEn).toList()));
        }
    }

    private static SiteSignException staleRevision() {
        return UserMessage.USER_CHANGED_CONCURRENTLY.exception();
    }

    /** What changed, in codes only: the log is stored in clear and must not hold personal data. */
    private static String details(User before, User after) {
        StringBuilder sb = new StringBuilder();
        if (before.role() != after.role()) {
            sb.append("role=").append(before.role()).append("->").append(after.role()).append(' ');
        }
        if (before.status() != after.status()) {
            sb.append("status=").append(before.status()).append("->").append(after.status()).append(' ');
        }
        if (!before.profile().equals(after.profile())) {
            sb.append("profile changed");
        }
        return sb.toString().strip();
    }

    private static AuditLog.Entry change(Caller caller, AuditAction action, UserId target, String details) {
        return new AuditLog.Entry(caller.getName(), caller.companyId(), action, target.value(), AuditOutcome.SUCCESS,
                caller.clientIp(), details);
    }

    /** A user and the one-time password they were given. */
    public record Registered(User user, String oneTimePassword) {
    }
}
