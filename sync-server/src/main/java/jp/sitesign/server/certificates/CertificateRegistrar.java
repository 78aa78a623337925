package jp.sitesign.server.certificates;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
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
            throw invalid("この証明書は有効期限が切れています。有効な証明書を登録してください。",
                    "This certificate has expired. Register a valid one.");
        }
        String companyName = companies.find(c, company).map(Company::name).orElse("");
        String organization = CertificateSubject.of(certificate).organization();
        if (organization == null || !organization.strip().equals(companyName.strip())) {
            throw invalid("証明書の組織名（O）「" + organization + "」が企業名「" + companyName
                            + "」と一致しません。自社の電子証明書を登録してください。",
                    "The certificate's organisation (O) \"" + organization + "\" is not the company's name \""
                            + companyName + "\". Register a certificate of your own company.");
        }
        if (certificates.existsWithSha256(c, Digests.sha256Hex(CertificateRepository.der(certificate)))) {
            throw CertificateMessage.ALREADY_REGISTERED.exception();
        }
        return certificates.insert(c, company, certificate, by, now);
    }

    private static void requireSigningCertificate(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            throw invalid("認証局（CA）の証明書は登録できません。署名用の電子証明書を登録してください。",
                    "A CA certificate cannot be registered. Register the signing certificate itself.");
        }
        boolean[] usage = certificate.getKeyUsage();
        // digitalSignature (0) or nonRepudiation (1); no key usage extension at all allows every use.
        if (usage != null && !usage[0] && !usage[1]) {
            throw invalid("この証明書は署名に使えません（鍵用途に digitalSignature / nonRepudiation がありません）。",
                    "This certificate is not for signing (its key usage has neither digitalSignature nor"
                            + " nonRepudiation).");
        }
    }

    private static SiteSignException invalid(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_FIELD, ja, en);
    }
}
