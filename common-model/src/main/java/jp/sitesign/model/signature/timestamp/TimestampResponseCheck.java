package jp.sitesign.model.signature.timestamp;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.cert.CertificateException;
import java.util.Collection;

/**
 * Checks a TSA's response against the request that asked for it: granted status, same nonce, same
 * message imprint, the TSA's certificate included as requested, that certificate marked (critically)
 * for time stamping only, and the token's signature valid under it. Whether the TSA is trusted is the
 * verifier's question, not this one's.
 */
final class TimestampResponseCheck {
    private TimestampResponseCheck() {
    }

    static TimeStampToken check(TimeStampRequest request, TimeStampResponse response) throws TimestampRejectedException {
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampRejectedException("status " + response.getStatus() + " "
                    + (response.getStatusString() != null ? response.getStatusString() : "(no token)"), null);
        }
        try {
            // Bouncy Castle compares status, nonce, message imprint, policy and certReq.
            response.validate(request);
        } catch (TSPException e) {
            throw new TimestampRejectedException("the response does not match the request: " + e.getMessage(), e);
        }
        X509CertificateHolder tsaCertificate = tsaCertificate(token);
        requireTimeStampingOnly(tsaCertificate);
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new TimestampRejectedException("the token's signature does not verify: " + e.getMessage(), e);
        }
        return token;
    }

    private static X509CertificateHolder tsaCertificate(TimeStampToken token) throws TimestampRejectedException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TimestampRejectedException("the TSA did not include its certificate", null);
        }
        return matches.iterator().next();
    }

    private static void requireTimeStampingOnly(X509CertificateHolder certificate) throws TimestampRejectedException {
        Extension extension = certificate.getExtension(Extension.extendedKeyUsage);
        if (extension == null || !extension.isCritical()) {
            throw new TimestampRejectedException("the TSA certificate " + certificate.getSubject()
                    + " has no critical extended key usage", null);
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(extension.getParsedValue());
        if (!usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping) || usage.size() != 1) {
            throw new TimestampRejectedException("the TSA certificate " + certificate.getSubject()
                    + " is not for time stamping only", null);
        }
    }
}
