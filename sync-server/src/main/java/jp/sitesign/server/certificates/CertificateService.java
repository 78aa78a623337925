package jp.sitesign.server.certificates;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.policy.UserResource;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.storage.Database;

/**
 * A company's signing certificates as its owner and admins manage them: register, list, see, and bind
 * or unbind users, which is what gives and takes 署名権限 ({@link SigningAuthority}). A binding change is
 * a change of the user (one revision on, so synced clients pick it up) and is audited with the
 * certificate's management number.
 */
public final class CertificateService {
    private final Database db;
    private final CertificateRepository certificates;
    private final CertificateBindings bindings;
    private final CertificateRegistrar registrar;
    private final UserRepository users;
    private final AuditLog audit;
    private final Guard guard;
    private final Clock clock;

    public CertificateService(Database db, CertificateRepository certificates, CertificateBindings bindings,
            CertificateRegistrar registrar, UserRepository users, AuditLog audit, Guard guard, Clock clock) {
        this.db = db;
        this.certificates = certificates;
        this.bindings = bindings;
        this.registrar = registrar;
        this.users = users;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** Registers a certificate of the caller's company (PEM or DER). */
    public SigningCertificate register(Caller caller, byte[] encoded) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.MANAGE_CERTIFICATES, new CompanyResource(own), null);
        X509Certificate certificate = CertificateFile.read(encoded);
        Instant now = clock.instant();
        long id = db.inTransaction(c -> {
            long newId = registrar.register(c, own, certificate, caller.getName(), now);
            audit.append(c, entry(caller, AuditAction.CERTIFICATE_REGISTERED, CertificateNumber.of(newId),
                    "serial=" + CertificateRepository.serialHex(certificate)));
            return newId;
        });
        return get(caller, CertificateNumber.of(id));
    }

    public List<SigningCertificate> list(Caller caller) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.MANAGE_CERTIFICATES, new CompanyResource(own));
        Instant now = clock.instant();
        return db.read(c -> {
            List<SigningCertificate> out = new ArrayList<>();
            for (StoredCertificate s : certificates.listCompany(c, own)) {
                out.add(SigningCertificate.of(s, bindings.of(c, s.id()), now, false));
            }
            return out;
        });
    }

    public SigningCertificate get(Caller caller, String number) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.MANAGE_CERTIFICATES, new CompanyResource(own));
        long id = CertificateNumber.parse(number);
        return db.read(c -> SigningCertificate.of(load(c, own, id), bindings.of(c, id), clock.instant(), true));
    }

    /**
     * Binds a user of the caller's company to one of its certificates. A certificate not yet valid may be
     * bound ahead (authority starts with its validity); an expired or revoked one may not.
     */
    public User bind(Caller caller, UserId userId, String number) {
        User target = requireAllowed(caller, userId);
        long id = CertificateNumber.parse(number);
        return db.inTransaction(c -> {
            StoredCertificate certificate = load(c, caller.user().companyId(), id);
            CertificateState state = certificate.stateAt(clock.instant());
            if (state == CertificateState.EXPIRED || state == CertificateState.REVOKED) {
                throw CertificateMessage.NOT_BINDABLE.exception(certificate.number(), state.labelJa(),
                        state.labelEn().toLowerCase());
            }
            if (target.status() == UserStatus.DELETED) {
                throw CertificateMessage.DELETED_USER_NOT_BINDABLE.exception();
            }
            bindings.unbind(c, id, userId);
            bindings.bind(c, id, userId, caller.getName(), clock.instant());
            return touch(c, caller, target, "bound certificate=" + certificate.number());
        });
    }

    /** Unbinds a user from one certificate of the caller's company. */
    public User unbind(Caller caller, UserId userId, String number) {
        User target = requireAllowed(caller, userId);
        long id = CertificateNumber.parse(number);
        return db.inTransaction(c -> {
            StoredCertificate certificate = load(c, caller.user().companyId(), id);
            if (!bindings.unbind(c, id, userId)) {
                throw CertificateMessage.USER_NOT_BOUND.exception(userId, certificate.number());
            }
            return touch(c, caller, target, "unbound certificate=" + certificate.number());
        });
    }

    /** Unbinds a user from every certificate of the caller's company (withdraws signing authority). */
    public User unbindAll(Caller caller, UserId userId) {
        User target = requireAllowed(caller, userId);
        return db.inTransaction(c -> {
            List<String> numbers = new ArrayList<>();
            for (StoredCertificate s : certificates.listCompany(c, caller.user().companyId())) {
                if (bindings.unbind(c, s.id(), userId)) {
                    numbers.add(s.number());
                }
            }
            return touch(c, caller, target, "unbound certificate=" + String.join(",", numbers));
        });
    }

    private User requireAllowed(Caller caller, UserId userId) {
        User target = db.read(c -> users.findInCompany(c, caller.user().companyId(), userId))
                .orElseThrow(() -> CertificateMessage.USER_NOT_FOUND.exception(userId));
        guard.requireForChange(caller, Action.SET_SIGNING_AUTHORITY,
                new UserResource(target.id(), target.companyId(), target.role()), userId.value());
        return target;
    }

    /** The user one revision on, with who changed their bindings and when, and the audit event. */
    private User touch(Connection c, Caller caller, User before, String details) throws SQLException {
        User current = users.findInCompany(c, before.companyId(), before.id()).orElseThrow();
        User after = new User(current.id(), current.companyId(), current.role(), current.status(), current.profile(),
                current.mustChangePassword(), caller.getName(), clock.instant(), current.failedLogins(),
                current.lockedUntil(), current.revision() + 1, current.createdAt());
        if (!users.update(c, after)) {
            throw CertificateMessage.USER_CHANGED_CONCURRENTLY.exception();
        }
        audit.append(c, entry(caller, AuditAction.SIGNING_AUTHORITY_CHANGED, after.id().value(), details));
        return after;
    }

    private StoredCertificate load(Connection c, CompanyId own, long id) throws SQLException {
        return certificates.findInCompany(c, own, id)
                .orElseThrow(() -> CertificateMessage.CERTIFICATE_NOT_FOUND.exception(CertificateNumber.of(id)));
    }

    private static AuditLog.Entry entry(Caller caller, AuditAction action, String target, String details) {
        return new AuditLog.Entry(caller.getName(), caller.companyId(), action, target, AuditOutcome.SUCCESS,
                caller.clientIp(), details);
    }
}
