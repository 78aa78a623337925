package jp.sitesign.server.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;
import jp.sitesign.model.company.CompanyId;

/** A registered certificate as kept in the database. */
public record StoredCertificate(long id, CompanyId companyId, X509Certificate certificate, String sha256,
        String serialHex, Instant notBefore, Instant notAfter, String registeredBy, Instant registeredAt,
        Instant revokedAt) {

    public String number() {
        return CertificateNumber.of(id);
    }

    public CertificateState stateAt(Instant now) {
        return CertificateState.at(now, notBefore, notAfter, revokedAt);
    }
}
