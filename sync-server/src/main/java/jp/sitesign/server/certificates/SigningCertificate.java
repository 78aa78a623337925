package jp.sitesign.server.certificates;

import java.time.Instant;
import java.util.List;

/**
 * 電子証明書 as the API shows it: the subject (company, department, title), validity and state now,
 * the users it is bound to, and, in the details only, the certificate as PEM.
 */
public record SigningCertificate(String number, String companyId, String organization, String department,
        String title, String commonName, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
        String sha256, CertificateState state, String stateLabel, Instant revokedAt, String registeredBy,
        Instant registeredAt, List<Binding> bindings, String pem) {

    static SigningCertificate of(StoredCertificate s, List<Binding> bindings, Instant now, boolean withPem) {
        CertificateSubject subject = CertificateSubject.of(s.certificate());
        CertificateState state = s.stateAt(now);
        return new SigningCertificate(s.number(), s.companyId().value(), subject.organization(),
                subject.department(), subject.title(), subject.commonName(),
                s.certificate().getIssuerX500Principal().getName(), s.serialHex(), s.notBefore(), s.notAfter(),
                s.sha256(), state, state.labelJa(), s.revokedAt(), s.registeredBy(), s.registeredAt(), bindings,
                withPem ? CertificateFile.pem(s.certificate()) : null);
    }

    /** A user bound to the certificate: who bound them and when. */
    public record Binding(String userId, String boundBy, Instant boundAt) {
    }
}
