package jp.sitesign.model.signature.ltv;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Orders certificates into a chain from an end entity upwards, by issuer name and a signature that
 * verifies. It stops at a self-issued certificate, or where no issuer is at hand (then the last
 * certificate's revocation data cannot be fetched, which {@link RevocationFetcher} reports).
 */
final class ChainBuilder {
    private static final int MAX_DEPTH = 10;

    private ChainBuilder() {
    }

    static List<X509Certificate> build(X509Certificate endEntity, Collection<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = endEntity;
        chain.add(current);
        while (chain.size() < MAX_DEPTH
                && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
            X509Certificate issuer = issuerOf(current, pool);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static X509Certificate issuerOf(X509Certificate certificate, Collection<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && verifies(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
