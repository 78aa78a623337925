package jp.sitesign.model.signature.verify;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Orders the certificates at hand into a path from an end entity up to (not including) a trust
 * anchor, by issuer name and a signature that verifies. It stops at the first certificate an anchor
 * issued, at a self-issued certificate, or where no issuer is at hand. Whether the path is good is
 * {@link IdentityCheck}'s question (through the JDK's PKIX validator).
 */
final class ChainAssembler {
    private static final int MAX_DEPTH = 10;

    private ChainAssembler() {
    }

    /**
     * @param path   end entity first, anchors excluded
     * @param anchor the anchor that issued the path's last certificate, if one did
     */
    record Assembled(List<X509Certificate> path, Optional<X509Certificate> anchor) {
    }

    static Assembled assemble(X509Certificate endEntity, Collection<X509Certificate> pool,
                              Collection<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = endEntity;
        while (true) {
            path.add(current);
            Optional<X509Certificate> anchor = issuerIn(current, anchors);
            if (anchor.isPresent() || path.size() == MAX_DEPTH || selfIssued(current)) {
                return new Assembled(path, anchor);
            }
            Optional<X509Certificate> issuer = issuerIn(current, pool);
            if (issuer.isEmpty() || path.contains(issuer.get())) {
                return new Assembled(path, Optional.empty());
            }
            current = issuer.get();
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static Optional<X509Certificate> issuerIn(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && verifies(certificate, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
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
