package jp.sitesign.model.signature.core;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one certificate-chain builder, for the signer (which chain to fetch revocation data for) and the
 * verifier (which path to validate), so that both always build the same chain from the same certificates.
 *
 * <p>It orders the certificates at hand into a path from an end entity up to (not including) a trust
 * anchor, by issuer name and a signature that verifies. Where several certificates could be the issuer (a
 * cross-certified CA carries one from each root), each is tried in turn until one leads to an anchor; a
 * path stops at a self-issued certificate, at {@value #MAX_DEPTH} certificates and where it would come back to
 * a certificate already on it, and the search gives up after {@value #MAX_TRIES} issuers tried, so certificates
 * a signer chose cannot make it run long. Without an anchor the first path found by always taking the first
 * issuer is returned, to show how far it got. Whether the path is good is the verifier's
 * {@code IdentityCheck}'s question (through the JDK's PKIX validator). The signer, which knows no anchors,
 * takes that same first path ({@link #towardsRoot}). Whether one certificate issued another is decided here
 * too ({@link #issues}), and only here: an ArchUnit rule keeps it so.
 */
public final class ChainAssembler {
    private static final int MAX_DEPTH = 10;
    private static final int MAX_TRIES = 64;

    private ChainAssembler() {
    }

    /**
     * @param path   end entity first, anchors excluded
     * @param anchor the anchor that issued the path's last certificate, if one did
     */
    public record Assembled(List<X509Certificate> path, Optional<X509Certificate> anchor) {
    }

    /** The path from {@code endEntity} to one of the {@code anchors}, trying every candidate issuer. */
    public static Assembled assemble(X509Certificate endEntity, Collection<X509Certificate> pool,
                              Collection<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>(List.of(endEntity));
        return new Search(pool, anchors).toAnchor(path).orElseGet(() -> firstPath(endEntity, pool));
    }

    /**
     * The chain from {@code endEntity} upwards that always takes the first issuer at hand, up to and including a
     * self-issued certificate, or as far as issuers are at hand: what the signer embeds revocation data for.
     */
    public static List<X509Certificate> towardsRoot(X509Certificate endEntity, Collection<X509Certificate> pool) {
        return firstPath(endEntity, pool).path();
    }

    /** The path that always takes the first issuer at hand: what to show when no path reaches an anchor. */
    private static Assembled firstPath(X509Certificate endEntity, Collection<X509Certificate> pool) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = endEntity;
        while (true) {
            path.add(current);
            if (path.size() == MAX_DEPTH || selfIssued(current)) {
                return new Assembled(path, Optional.empty());
            }
            List<X509Certificate> issuers = issuersIn(current, pool);
            if (issuers.isEmpty() || path.contains(issuers.get(0))) {
                return new Assembled(path, Optional.empty());
            }
            current = issuers.get(0);
        }
    }

    /** A depth-first search for a path to an anchor, with a bounded number of issuers tried. */
    private static final class Search {
        private final Collection<X509Certificate> pool;
        private final Collection<X509Certificate> anchors;
        private int tries;

        Search(Collection<X509Certificate> pool, Collection<X509Certificate> anchors) {
            this.pool = pool;
            this.anchors = anchors;
        }

        Optional<Assembled> toAnchor(List<X509Certificate> path) {
            X509Certificate current = path.get(path.size() - 1);
            List<X509Certificate> anchor = issuersIn(current, anchors);
            if (!anchor.isEmpty()) {
                return Optional.of(new Assembled(List.copyOf(path), Optional.of(anchor.get(0))));
            }
            if (path.size() == MAX_DEPTH || selfIssued(current)) {
                return Optional.empty();
            }
            for (X509Certificate issuer : issuersIn(current, pool)) {
                if (path.contains(issuer) || ++tries > MAX_TRIES) {
                    continue;
                }
                path.add(issuer);
                Optional<Assembled> found = toAnchor(path);
                if (found.isPresent()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
            return Optional.empty();
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static List<X509Certificate> issuersIn(X509Certificate certificate, Collection<X509Certificate> candidates) {
        List<X509Certificate> issuers = new ArrayList<>();
        for (X509Certificate candidate : candidates) {
            if (issues(candidate, certificate)) {
                issuers.add(candidate);
            }
        }
        return issuers;
    }

    /** Whether {@code issuer} issued {@code certificate}: its subject is the issuer name and its key verifies. */
    public static boolean issues(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
