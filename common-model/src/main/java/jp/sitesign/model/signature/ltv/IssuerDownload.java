package jp.sitesign.model.signature.ltv;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import jp.sitesign.model.signature.core.ChainAssembler;

/**
 * Downloads a missing issuer certificate from the AIA caIssuers URL (DER, PEM or a PKCS#7 bundle):
 * tokens often hold only the end-entity certificate, yet its issuer is needed both to ask for its
 * revocation status and to validate it later.
 */
final class IssuerDownload {
    private final RevocationHttp http;

    IssuerDownload(RevocationHttp http) {
        this.http = http;
    }

    /** @return the issuer of {@code certificate} from its caIssuers URLs, or {@code null} if none names one */
    X509Certificate issuerOf(X509Certificate certificate) throws RevocationFetchException {
        RevocationFetchException last = null;
        for (URI url : CertificateUrls.caIssuers(certificate)) {
            try {
                byte[] body = http.get("CA certificate", url);
                Collection<? extends Certificate> found = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(body));
                for (Certificate candidate : found) {
                    if (candidate instanceof X509Certificate issuer && ChainAssembler.issues(issuer, certificate)) {
                        return issuer;
                    }
                }
                last = new RevocationFetchException("CA certificate " + url, "no certificate there issued "
                        + certificate.getSubjectX500Principal().getName(), null);
            } catch (GeneralSecurityException e) {
                last = new RevocationFetchException("CA certificate " + url, "unreadable (" + e.getMessage() + ")", e);
            } catch (RevocationFetchException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        return null;
    }

}
