package jp.sitesign.model.signature.ltv;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * Fetches a CRL from a distribution point and checks it: issued and signed by the certificate's
 * issuer, not past its next update. Whether it lists the certificate is part of the answer; anything
 * that goes wrong names the distribution point.
 */
final class CrlClient {
    private final RevocationHttp http;
    private final Clock clock;

    CrlClient(RevocationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The checked CRL, DER-encoded, and the certificate's entry in it ({@code null}: not listed). */
    record Answer(byte[] encoded, Revocation revocation) {
    }

    Answer fetch(URI url, X509Certificate certificate, X509Certificate issuer) throws RevocationFetchException {
        String server = "CRL " + url;
        byte[] encoded = http.get("CRL", url);
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new RevocationFetchException(server, "not a CRL signed by the issuer (" + e.getMessage() + ")", e);
        }
        if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
            throw new RevocationFetchException(server, "the CRL is from another issuer: " + crl.getIssuerX500Principal(), null);
        }
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant())) {
            throw new RevocationFetchException(server, "the CRL is past its next update " + crl.getNextUpdate().toInstant(), null);
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        return new Answer(encoded, entry == null ? null : Revocation.of(entry.getRevocationDate(), entry.getRevocationReason()));
    }
}
