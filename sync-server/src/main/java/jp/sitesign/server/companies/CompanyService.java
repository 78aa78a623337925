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
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Passwords;
import jp.sitesign.server.auth.SessionRepository;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.users.UserRepository;

/** The operator's company commands: sign-up with the company's one OWNER, and termination. */
public final class CompanyService {
    public static final int DEFAULT_RETENTION_YEARS = 10;
    private static final String OPERATOR = "operator";

    private final Database db;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Passwords passwords;
    private final Clock clock;

    public CompanyService(Database db, CompanyRepository companies, UserRepository users, SessionRepository sessions,
            AuditLog audit, Passwords passwords, Clock clock) {
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
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "企業名を入力してください。", "The company name is required.");
        }
        if (r.corporateNumber() != null && !CorporateNumber.isValid(r.corporateNumber())) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "法人番号が正しくありません（13 桁、チェックデジットを確認してください）。",
                    "The corporate number must be 13 digits with a valid check digit.");
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

    /** Ends the company's use of the service: its users can no longer log in and their sessions end now. */
    public void terminate(CompanyId id) {
        db.inTransaction(c -> {
            if (!companies.exists(c, id)) {
                throw new SiteSignException(ErrorCode.NOT_FOUND, "企業 " + id + " は存在しません。",
                        "Company " + id + " does not exist.");
            }
            if (!companies.terminate(c, id, clock.instant())) {
                throw new SiteSignException(ErrorCode.CONFLICT, "企業 " + id + " は既に利用契約終了です。",
                        "Company " + id + " is already terminated.");
            }
            int ended = sessions.deleteForCompany(c, id);
            audit.append(c, new AuditLog.Entry(OPERATOR, id.value(), AuditAction.COMPANY_TERMINATED, id.value(),
                    AuditOutcome.SUCCESS, null, "sessions ended=" + ended));
            return null;
        });
    }


    /** What the operator enters at sign-up. */
    public record Registration(String name, String nameKana, String corporateNumber, String address,
            String representative, UserProfile owner) {
    }

    /** The new company, its owner and the owner's one-time password. */
    public record Created(CompanyId companyId, UserId ownerId, String oneTimePassword) {
    }
}
