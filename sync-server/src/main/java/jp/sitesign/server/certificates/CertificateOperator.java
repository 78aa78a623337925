package jp.sitesign.server.certificates;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.ca.CertificateIssuer;
import jp.sitesign.server.storage.Database;

/**
 * The operator's side of certificates (the CLI): list applications and fulfil one, either with a
 * certificate from the embedded DEMO CA or by importing one a real CA issued; and revoke. Each is an
 * audited operator action.
 */
public final class CertificateOperator {
    private static final String OPERATOR = "operator";
    private static final Duration DEMO_VALIDITY = Duration.ofDays(730);

    private final Database db;
    private final CertificateRepository certificates;
    private final CertificateRegistrar registrar;
    private final ApplicationRepository applications;
    private final CompanyRepository companies;
    private final AuditLog audit;
    private final CertificateIssuer demoCa;
    private final Clock clock;

    /** @param demoCa the embedded CA (DEMO), or null where it is disabled */
    public CertificateOperator(Database db, CertificateRepository certificates, CertificateRegistrar registrar,
            ApplicationRepository applications, CompanyRepository companies, AuditLog audit, CertificateIssuer demoCa,
            Clock clock) {
        this.db = db;
        this.certificates = certificates;
        this.registrar = registrar;
        this.applications = applications;
        this.companies = companies;
        this.audit = audit;
        this.demoCa = demoCa;
        this.clock = clock;
    }

    /** Every company's applications, oldest first. */
    public List<CertificateApplication> applications() {
        return db.read(c -> applications.list(c, null));
    }

    /**
     * Fulfils an application from the DEMO CA. The key is the CSR's when the application has one;
     * otherwise a new RSA-2048 key is made and returned, for the operator to hand over as PKCS#12.
     */
    public Issued issueFromDemoCa(long applicationId) {
        if (demoCa == null) {
            throw CertificateMessage.DEMO_CA_DISABLED.exception();
        }
        CertificateApplication application = pending(applicationId);
        KeyPair generated = application.csrPem() == null ? rsaKeyPair() : null;
        PublicKey key = generated != null ? generated.getPublic() : CertificateRequests.publicKey(application.csrPem());
        String companyName = db.read(c -> companies.find(c, new CompanyId(application.companyId())))
                .map(Company::name).orElseThrow();
        CertificateSubject subject = new CertificateSubject(companyName, application.holder().department(),
                application.holder().title(), "DEMO " + companyName);
        X509Certificate certificate = demoCa.issueSigner(key, subject.toX500Name(), DEMO_VALIDITY);
        String number = fulfil(application, certificate, AuditAction.CERTIFICATE_ISSUED, "demo-ca");
        return new Issued(number, certificate, demoCa.certificate(), generated == null ? null : generated.getPrivate());
    }

    /** Fulfils an application with a certificate a real CA issued (PEM or DER). */
    public String importFor(long applicationId, byte[] encoded) {
        CertificateApplication application = pending(applicationId);
        return fulfil(application, CertificateFile.read(encoded), AuditAction.CERTIFICATE_REGISTERED, "imported");
    }

    /** Revokes a certificate: it gives no signing authority from now on, and the demo CA reports it revoked. */
    public void revoke(String number) {
        long id = CertificateNumber.parse(number);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            StoredCertificate s = certificates.find(c, id)
                    .orElseThrow(() -> CertificateMessage.CERTIFICATE_NOT_FOUND.exception(number));
            if (s.revokedAt() != null) {
                throw CertificateMessage.ALREADY_REVOKED.exception(number);
            }
            certificates.markRevoked(c, id, now);
            boolean atDemoCa = demoCa != null && demoCa.issued(s.certificate())
                    && demoCa.revoke(c, s.certificate().getSerialNumber(), now);
            audit.append(c, new AuditLog.Entry(OPERATOR, s.companyId().value(), AuditAction.CERTIFICATE_REVOKED,
                    number, AuditOutcome.SUCCESS, null, atDemoCa ? "demo-ca" : "local"));
            return null;
        });
    }

    private String fulfil(CertificateApplication application, X509Certificate certificate, AuditAction action,
            String how) {
        CompanyId company = new CompanyId(application.companyId());
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            long id = registrar.register(c, company, certificate, OPERATOR, now);
            if (!applications.fulfil(c, application.id(), id, now)) {
                throw alreadyFulfilled(application.id());
            }
            audit(c, company, action, id, "application=" + application.id() + " " + how);
            return CertificateNumber.of(id);
        });
    }

    private void audit(Connection c, CompanyId company, AuditAction action, long id, String details)
            throws SQLException {
        audit.append(c, new AuditLog.Entry(OPERATOR, company.value(), action, CertificateNumber.of(id),
                AuditOutcome.SUCCESS, null, details));
    }

    private CertificateApplication pending(long id) {
        CertificateApplication a = db.read(c -> applications.find(c, id))
                .orElseThrow(() -> CertificateMessage.APPLICATION_NOT_FOUND.exception(id));
        if (a.status() != CertificateApplication.Status.PENDING) {
            throw alreadyFulfilled(id);
        }
        return a;
    }

    private static SiteSignException alreadyFulfilled(long id) {
        return CertificateMessage.APPLICATION_FULFILLED.exception(id);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate the demo CA issued, with its CA, and the private key when the CA made it.
     *
     * @param privateKey null when the application brought a CSR (the key stays on the holder's token)
     */
    public record Issued(String number, X509Certificate certificate, X509Certificate caCertificate,
            PrivateKey privateKey) {
    }
}
