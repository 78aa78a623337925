package jp.sitesign.server.certificates;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.accounts.CompanyRepository;

/**
 * What every new company certificate must pass, whoever brings it (an admin's upload, the operator's
 * import or the demo CA): an end-entity certificate for signing, not expired, naming the company in
 * its subject's O, and not registered before.
 */
public final class CertificateRegistrar {
    private final CertificateRepository certificates;
    private final CompanyRepository companies;

    public CertificateRegistrar(CertificateRepository certificates, CompanyRepository companies) {
        this.certificates = certificates;
        this.companies = companies;
    }

    /** Checks and stores; returns the new certificate's row id. */
    long register(Connection c, CompanyId company, X509Certificate certificate, String by, Instant now)
            throws SQLException {
        requireSigningCertificate(certificate);
        if (!now.isBefore(certificate.getNotAfter().toInstant())) {
            throw CertificateMessage.EXPIRED.exception();
        }
        String companyName = companies.find(c, company).map(Company::name).orElse("");
        String organization = CertificateSubject.of(certificate).organization();
        if (organization == null || !organization.strip().equals(companyName.strip())) {
            throw CertificateMessage.ORGANIZATION_MISMATCH.exception(organization, companyName);
        }
        if (certificates.existsWithSha256(c, Digests.sha256Hex(CertificateRepository.der(certificate)))) {
            throw CertificateMessage.ALREADY_REGISTERED.exception();
        }
        return certificates.insert(c, company, certificate, by, now);
    }

    private static void requireSigningCertificate(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            throw CertificateMessage.CA_CERTIFICATE.exception();
        }
        boolean[] usage = certificate.getKeyUsage();
        // digitalSignature (0) or nonRepudiation (1); no key usage extension at all allows every use.
        if (usage != null && !usage[0] && !usage[1]) {
            throw CertificateMessage.NOT_FOR_SIGNING.exception();
        }
    }
}
