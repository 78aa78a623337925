package jp.sitesign.server.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.integration.AllowedAddresses;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.ApplicationGrant;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.user.User;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.ApiKeyAuthenticator;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.auth.LoginThrottle;
import jp.sitesign.server.http.Cidrs;
import jp.sitesign.server.storage.Database;

/**
 * The integration API's applications: an admin applies, the operator reviews, the admin takes the key (once;
 * taking it again rotates it), and every call made with the key is authenticated here: known key, approved
 * application, client address in its allow-list, within its rate limit. Keys never reach the log or the
 * audit log; only their SHA-256 is stored.
 */
public final class IntegrationService implements ApiKeyAuthenticator {
    private static final int MAX_NAME = 100;
    private static final int MAX_TEXT = 2000;

    private final Database db;
    private final IntegrationRepository applications;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final AuditLog audit;
    private final Guard guard;
    private final RateLimits rateLimits;
    private final LoginThrottle unknownKeys;
    private final Clock clock;
    private final ApiKeys keys = new ApiKeys();
    private final SecureRandom random = new SecureRandom();

    public IntegrationService(Database db, IntegrationRepository applications, UserRepository users,
            CompanyRepository companies, AuditLog audit, Guard guard, RateLimits rateLimits, LoginThrottle unknownKeys,
            Clock clock) {
        this.unknownKeys = unknownKeys;
        this.db = db;
        this.applications = applications;
        this.users = users;
        this.companies = companies;
        this.audit = audit;
        this.guard = guard;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** What an admin applies with. */
    public record Request(String name, String purpose, List<String> scopes, List<String> allowedAddresses,
            String contact) {
    }

    public IntegrationApplication apply(Caller caller, Request request) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own), null);
        if (request == null) {
            throw new SiteSignException(ErrorCode.BAD_REQUEST);
        }
        text(request.name(), MAX_NAME, "name", IntegrationMessage.APPLICATION_NAME);
        text(request.purpose(), MAX_TEXT, "purpose", IntegrationMessage.PURPOSE);
        text(request.contact(), MAX_NAME, "contact", IntegrationMessage.CONTACT);
        Set<ApiScope> scopes = scopes(request.scopes());
        List<String> addresses = addresses(request.allowedAddresses());
        Instant now = clock.instant();
        IntegrationApplication created = db.inTransaction(c -> {
            String id = newId(c);
            IntegrationApplication a = new IntegrationApplication(id, own.value(), caller.getName(), now,
                    request.name().strip(), request.purpose().strip(), request.contact().strip(), scopes, addresses,
                    ApplicationStatus.PENDING, null, null, null);
            applications.insert(c, a);
            audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(),
                    AuditAction.API_APPLICATION_APPLIED, id, AuditOutcome.SUCCESS, caller.clientIp(),
                    "scopes=" + String.join(",", scopes.stream().map(ApiScope::wireName).toList())
                            + " addresses=" + String.join(",", addresses)));
            return a;
        });
        return get(caller, created.id());
    }

    public List<IntegrationApplication> list(Caller caller) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own));
        return db.read(c -> applications.list(c, own));
    }

    /** One of the caller's company's applications; another company's is NOT_FOUND, as if it did not exist. */
    public IntegrationApplication get(Caller caller, String id) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own));
        return db.read(c -> applications.find(c, id)).filter(a -> a.companyId().equals(own.value()))
                .orElseThrow(IntegrationService::notFound);
    }

    /**
     * A new key for an approved application, returned once; the previous key stops working in the same commit.
     * Refused (409) before approval and after suspension or revocation.
     */
    public String issueKey(Caller caller, String id) {
        IntegrationApplication a = get(caller, id);
        guard.requireForChange(caller, Action.APPLY_FOR_API_USE, new CompanyResource(caller.user().companyId()), id);
        if (a.status() != ApplicationStatus.APPROVED) {
            throw new SiteSignException(ErrorCode.API_APPLICATION_NOT_APPROVED);
        }
        String key = keys.next();
        Instant now = clock.instant();
        db.inTransaction(c -> {
            if (!applications.setKey(c, id, ApiKeys.hash(key), now)) {
                throw new SiteSignException(ErrorCode.API_APPLICATION_NOT_APPROVED);
            }
            audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.API_KEY_ISSUED, id,
                    AuditOutcome.SUCCESS, caller.clientIp(), a.keyIssuedAt() == null ? "first key" : "rotated"));
            return null;
        });
        return key;
    }

    /** Every company's applications, for the operator. */
    public List<IntegrationApplication> all() {
        return db.read(c -> applications.list(c, null));
    }

    /**
     * The operator's review step; which steps apply from which status is the model's ({@link ApplicationStatus}).
     * A reason is required to reject, suspend or revoke: the admin reads it in the app.
     */
    public IntegrationApplication review(String id, ApplicationStatus.Review step, String reason) {
        if (step != ApplicationStatus.Review.APPROVE && (reason == null || reason.isBlank())) {
            throw IntegrationMessage.REASON_REQUIRED.exception();
        }
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            IntegrationApplication a = applications.find(c, id).orElseThrow(IntegrationService::notFound);
            ApplicationStatus to = a.status().after(step).orElseThrow(() -> IntegrationMessage.REVIEW_NOT_ALLOWED.exception(
                    a.status().labelJa(), a.status().labelEn().toLowerCase(), step.name().toLowerCase()));
            if (!applications.review(c, id, a.status(), to, reason == null || reason.isBlank() ? null : reason.strip(),
                    now)) {
                throw new SiteSignException(ErrorCode.CONFLICT);
            }
            audit.append(c, new AuditLog.Entry("operator", a.companyId(), AuditAction.API_APPLICATION_REVIEWED, id,
                    AuditOutcome.SUCCESS, null, a.status() + " -> " + to));
            return applications.find(c, id).orElseThrow();
        });
    }

    /**
     * The caller behind an API key: refused when the key is unknown (401), its application is not approved,
     * or the client address is outside the allow-list (403, audited), or over the rate limit (429); an address
     * that sent too many unknown keys is paused (429, {@code login.address-max-failures} per window).
     */
    @Override
    public boolean isApiKey(String credential) {
        return ApiKeys.looksLikeKey(credential);
    }

    @Override
    public Caller authenticate(String key, String clientIp) {
        // Guessing keys is guessing passwords: an address with many unknown keys is paused like failed logins.
        unknownKeys.check(clientIp);
        Optional<Found> found = db.read(c -> {
            Optional<IntegrationApplication> a = applications.findByKeyHash(c, ApiKeys.hash(key));
            if (a.isEmpty()) {
                return Optional.<Found>empty();
            }
            User applicant = users.find(c, new jp.sitesign.model.user.UserId(a.get().appliedBy())).orElseThrow();
            Company company = companies.find(c, applicant.companyId()).orElseThrow();
            return Optional.of(new Found(a.get(), applicant, company));
        });
        if (found.isEmpty()) {
            unknownKeys.recordFailure(clientIp);
            audit.append(new AuditLog.Entry("-", null, AuditAction.API_CALL_REFUSED, null, AuditOutcome.DENIED,
                    clientIp, "unknown API key"));
            throw new SiteSignException(ErrorCode.API_KEY_INVALID);
        }
        IntegrationApplication a = found.get().application();
        if (!a.status().keyUsable()) {
            refuse(a, clientIp, ErrorCode.API_APPLICATION_INACTIVE, "status " + a.status());
        }
        if (!Cidrs.parse("allowedAddresses", a.allowedAddresses()).contains(clientIp)) {
            refuse(a, clientIp, ErrorCode.API_ADDRESS_NOT_ALLOWED, "address not in allow-list");
        }
        rateLimits.take(a.id());
        return new Caller(found.get().applicant(), found.get().company().status(), null, clientIp,
                new ApplicationGrant(a.id(), a.scopes()));
    }

    private void refuse(IntegrationApplication a, String clientIp, ErrorCode code, String why) {
        audit.append(new AuditLog.Entry(a.id(), a.companyId(), AuditAction.API_CALL_REFUSED, a.id(),
                AuditOutcome.DENIED, clientIp, code.name() + ": " + why));
        throw new SiteSignException(code);
    }

    private record Found(IntegrationApplication application, User applicant, Company company) {
    }

    private String newId(java.sql.Connection c) throws java.sql.SQLException {
        while (true) {
            String id = String.format("A%08d", random.nextInt(100_000_000));
            if (!applications.exists(c, id)) {
                return id;
            }
        }
    }

    private static Set<ApiScope> scopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw IntegrationMessage.SCOPES_REQUIRED.exception();
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : names) {
            scopes.add(ApiScope.fromWire(name).orElseThrow(() -> IntegrationMessage.UNKNOWN_SCOPE.exception(name)));
        }
        return scopes;
    }

    private static List<String> addresses(List<String> entries) {
        return AllowedAddresses.canonical(entries);
    }

    private static void text(String value, int max, String field, IntegrationMessage label) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw IntegrationMessage.TEXT_LENGTH.exception(label.ja(), label.en(), field, max);
        }
    }

    private static SiteSignException notFound() {
        return IntegrationMessage.APPLICATION_NOT_FOUND.exception();
    }
}
