package jp.sitesign.server.companies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.company.CorporateNumber;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.ProfileRules;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Passwords;
import jp.sitesign.server.auth.SessionRepository;
import jp.sitesign.server.storage.Database;

/** The operator's company commands: sign-up with the company's one OWNER, and termination. */
public final class CompanyService {
    public static final int DEFAULT_RETENTION_YEARS = 10;
    /** 電子帳簿保存法: transaction records are kept seven years. */
    public static final int MIN_RETENTION_YEARS = 7;
    private static final String OPERATOR = "operator";

    private final Database db;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Passwords passwords;
    private final Clock clock;
    /** How long a terminated company's owner and admins may still view and export before the purge. */
    private final java.time.Duration grace;

    public CompanyService(Database db, CompanyRepository companies, UserRepository users, SessionRepository sessions,
            AuditLog audit, Passwords passwords, Clock clock, java.time.Duration grace) {
        this.grace = grace;
        this.db = db;
        this.companies = companies;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a company and its owner, who gets a one-time password. */
    public Created create(Registration r) {
        String oneTime = passwords.oneTime();
        return create(r, oneTime, true);
    }

    /**
     * Creates a company and its owner with the given password (the demo data, whose passwords are printed);
     * {@code mustChange} forces a change at the first login.
     */
    public Created create(Registration r, String ownerPassword, boolean mustChange) {
        if (r.name() == null || r.name().isBlank()) {
            throw CompanyMessage.NAME_REQUIRED.exception();
        }
        if (r.corporateNumber() != null && !CorporateNumber.isValid(r.corporateNumber())) {
            throw CompanyMessage.CORPORATE_NUMBER_INVALID.exception();
        }
        List<ProfileRules.Problem> problems = ProfileRules.check(r.owner());
        if (!problems.isEmpty()) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD, problems.get(0).messageJa(), problems.get(0).messageEn());
        }
        String hash = passwords.hasher().hash(ownerPassword.toCharArray());
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            CompanyId id = companies.freshId(c);
            Company company = new Company(id, r.name(), r.nameKana(),
                    r.corporateNumber() == null ? null : new CorporateNumber(r.corporateNumber()), r.address(),
                    r.representative(), CompanyStatus.ACTIVE, DEFAULT_RETENTION_YEARS, now);
            companies.insert(c, company);
            UserId ownerId = users.freshId(c);
            users.insert(c, new User(ownerId, id, Role.OWNER, UserStatus.ACTIVE, r.owner(), mustChange, null, null,
                    0, null, 1, now), hash);
            audit.append(c, new AuditLog.Entry(OPERATOR, id.value(), AuditAction.COMPANY_CREATED, id.value(),
                    AuditOutcome.SUCCESS, null, "owner=" + ownerId));
            return new Created(id, ownerId, ownerPassword);
        });
    }

    /** The operator adds a user to a company (support cases); the user gets a one-time password. */
    public UserId addUser(CompanyId company, Role role, UserProfile profile) {
        return addUser(company, role, profile, passwords.oneTime(), true);
    }

    /** The operator adds a user with the given password (the demo data, whose passwords are printed). */
    public UserId addUser(CompanyId company, Role role, UserProfile profile, String password, boolean mustChange) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("a company has exactly one owner, created with the company");
        }
        String hash = passwords.hasher().hash(password.toCharArray());
        return db.inTransaction(c -> {
            UserId id = users.freshId(c);
            users.insert(c, new User(id, company, role, UserStatus.ACTIVE, profile, mustChange, null, null, 0, null,
                    1, clock.instant()), hash);
            audit.append(c, new AuditLog.Entry(OPERATOR, company.value(), AuditAction.USER_REGISTERED, id.value(),
                    AuditOutcome.SUCCESS, null, "role=" + role));
            return id;
        });
    }

    /**
     * Ends the company's use of the service (ADR 13): every session ends now; its owner and admins may log
     * in again to view and export until the grace period ends, then the purge deletes its data. With
     * {@code purgeNow} (the customer asked) the purge may run at once; a company already terminated has its
     * purge brought forward. Returns when the data will be purged.
     */
    public Instant terminate(CompanyId id, boolean purgeNow) {
        Instant now = clock.instant();
        Instant purgeAfter = purgeNow ? now : now.plus(grace);
        return db.inTransaction(c -> {
            if (!companies.exists(c, id)) {
                throw CompanyMessage.COMPANY_NOT_FOUND.exception(id);
            }
            if (!companies.terminate(c, id, now, purgeAfter)) {
                if (purgeNow && companies.purgeFrom(c, id, now)) {
                    audit.append(c, new AuditLog.Entry(OPERATOR, id.value(), AuditAction.COMPANY_TERMINATED, id.value(),
                            AuditOutcome.SUCCESS, null, "purge brought forward to now"));
                    return now;
                }
                throw CompanyMessage.ALREADY_TERMINATED.exception(id);
            }
            int ended = sessions.deleteForCompany(c, id);
            audit.append(c, new AuditLog.Entry(OPERATOR, id.value(), AuditAction.COMPANY_TERMINATED, id.value(),
                    AuditOutcome.SUCCESS, null, "sessions ended=" + ended + ", data purged after " + purgeAfter));
            return purgeAfter;
        });
    }

    /** Ends the company's use of the service with the configured grace period. */
    public Instant terminate(CompanyId id) {
        return terminate(id, false);
    }

    /**
     * How long the company keeps its contracts: completed ones {@code completedYears} after completion (at
     * least {@value #MIN_RETENTION_YEARS}, what 電子帳簿保存法 asks), unfinished ones {@code unfinishedDays}
     * after their last change.
     */
    public void setRetention(CompanyId id, int completedYears, int unfinishedDays) {
        if (completedYears < MIN_RETENTION_YEARS) {
            throw CompanyMessage.COMPLETED_RETENTION_TOO_SHORT.exception(MIN_RETENTION_YEARS);
        }
        if (unfinishedDays < 1) {
            throw CompanyMessage.UNFINISHED_RETENTION_TOO_SHORT.exception();
        }
        db.inTransaction(c -> {
            if (!companies.setRetention(c, id, completedYears, unfinishedDays)) {
                throw CompanyMessage.COMPANY_NOT_FOUND.exception(id);
            }
            audit.append(c, new AuditLog.Entry(OPERATOR, id.value(), AuditAction.RETENTION_CHANGED, id.value(),
                    AuditOutcome.SUCCESS, null, "completed=" + completedYears + "y, unfinished=" + unfinishedDays + "d"));
            return null;
        });
    }


    /** The company as stored (its status, retention), if it exists. */
    public java.util.Optional<Company> find(CompanyId id) {
        return db.read(c -> companies.find(c, id));
    }

    /** What the operator enters at sign-up. */
    public record Registration(String name, String nameKana, String corporateNumber, String address,
            String representative, UserProfile owner) {
    }

    /** The new company, its owner and the owner's one-time password. */
    public record Created(CompanyId companyId, UserId ownerId, String oneTimePassword) {
    }
}
