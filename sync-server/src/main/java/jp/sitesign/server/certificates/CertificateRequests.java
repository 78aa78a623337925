package jp.sitesign.server.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import jp.sitesign.model.error.SiteSignException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** PKCS#10 certificate requests (made on the holder's token), read from PEM and checked for proof of possession. */
final class CertificateRequests {
    private CertificateRequests() {
    }

    /** The public key of a well-formed, correctly self-signed request; anything else is a 400. */
    static PublicKey publicKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (!(read instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest request)) {
                throw invalid("not a PEM certificate request");
            }
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
            PublicKey key = jca.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw invalid("its signature does not verify");
            }
            return key;
        } catch (IOException | OperatorCreationException | PKCSException | java.security.GeneralSecurityException
                | RuntimeException e) {
            if (e instanceof SiteSignException s) {
                throw s;
            }
            throw invalid(e.getMessage());
        }
    }

    private static SiteSignException invalid(String why) {
        return CertificateMessage.CSR_UNREADABLE.exception(why);
    }
}
