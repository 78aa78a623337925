package jp.sitesign.model.signature.ltv;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * Who may sign an OCSP response about a certificate (RFC 6960 §4.2.2.2): its issuer itself, or a
 * responder certificate the issuer signed with the OCSPSigning extended key usage.
 */
final class OcspResponderCheck {
    private OcspResponderCheck() {
    }

    static void requireSignedForIssuer(String server, BasicOCSPResp basic, X509Certificate issuer)
            throws RevocationFetchException {
        try {
            if (basic.isSignatureValid(verifier(new JcaX509CertificateHolder(issuer)))) {
                return;
            }
            ContentVerifierProvider issuerKey = verifier(new JcaX509CertificateHolder(issuer));
            for (X509CertificateHolder responder : basic.getCerts()) {
                if (responder.isSignatureValid(issuerKey) && authorisedForOcsp(responder)
                        && basic.isSignatureValid(verifier(responder))) {
                    return;
                }
            }
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException
                 | org.bouncycastle.cert.CertException e) {
            throw new RevocationFetchException(server, "the response signature cannot be checked (" + e.getMessage() + ")", e);
        }
        throw new RevocationFetchException(server, "the response is not signed by the issuer "
                + issuer.getSubjectX500Principal().getName() + " or a responder it authorised", null);
    }

    private static boolean authorisedForOcsp(X509CertificateHolder responder) {
        Extension extension = responder.getExtension(Extension.extendedKeyUsage);
        return extension != null && ExtendedKeyUsage.getInstance(extension.getParsedValue())
                .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
    }

    private static ContentVerifierProvider verifier(X509CertificateHolder certificate) throws OperatorCreationException {
        try {
            return new JcaContentVerifierProviderBuilder().build(certificate);
        } catch (java.security.cert.CertificateException e) {
            throw new OperatorCreationException("unreadable certificate " + certificate.getSubject(), e);
        }
    }
}
