package jp.sitesign.model.signature.verify;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which certificates of a chain have revocation data embedded: an OCSP response about the
 * certificate (same serial, same issuer key and name), or a CRL from its issuer. The trust anchor
 * needs none. What the data says is not evaluated here yet ({@link RevocationStatus#NOT_CHECKED}).
 */
final class RevocationDataCheck {
    private RevocationDataCheck() {
    }

    /**
     * @param chain          end entity first; when {@code anchorReached}, the last one is the anchor
     * @param anchorReached  whether the chain ends at a configured trust anchor
     */
    static RevocationReport report(List<X509Certificate> chain, boolean anchorReached, EmbeddedRevocation embedded) {
        // A root (the anchor, or an untrusted self-signed root above the signer) cannot be revoked.
        X509Certificate last = chain.get(chain.size() - 1);
        int needing = anchorReached || (chain.size() > 1 && selfIssued(last)) ? chain.size() - 1 : chain.size();
        List<CertificateRevocation> entries = new ArrayList<>();
        boolean all = needing > 0;
        for (int i = 0; i < needing; i++) {
            X509Certificate certificate = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : null;
            Set<String> sources = sources(certificate, issuer, embedded);
            RevocationData data = sources.isEmpty() ? RevocationData.NOT_PRESENT : RevocationData.PRESENT;
            all &= !sources.isEmpty();
            entries.add(new CertificateRevocation(certificate.getSubjectX500Principal().getName(), data,
                    List.copyOf(sources), RevocationStatus.NOT_CHECKED));
        }
        return new RevocationReport(all ? RevocationData.PRESENT : RevocationData.NOT_PRESENT, entries);
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static Set<String> sources(X509Certificate certificate, X509Certificate issuer, EmbeddedRevocation embedded) {
        Set<String> sources = new LinkedHashSet<>();
        for (EmbeddedRevocation.Ocsp ocsp : embedded.ocsps) {
            for (SingleResp response : ocsp.response().getResponses()) {
                if (about(response.getCertID(), certificate, issuer)) {
                    sources.add(ocsp.source());
                }
            }
        }
        for (EmbeddedRevocation.Crl crl : embedded.crls) {
            if (crl.crl().getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                sources.add(crl.source());
            }
        }
        return sources;
    }

    private static boolean about(CertificateID id, X509Certificate certificate, X509Certificate issuer) {
        if (!id.getSerialNumber().equals(certificate.getSerialNumber())) {
            return false;
        }
        if (issuer == null) {
            return true;
        }
        try {
            return id.matchesIssuer(new JcaX509CertificateHolder(issuer), new JcaDigestCalculatorProviderBuilder().build());
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            return false;
        }
    }
}
