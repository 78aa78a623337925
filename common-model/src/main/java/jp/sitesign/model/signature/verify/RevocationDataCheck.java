package jp.sitesign.model.signature.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether each certificate of a chain was revoked, by the OCSP responses and CRLs the document embeds
 * (never the network): each item about the certificate is checked by {@link OcspEvidenceCheck} or
 * {@link CrlEvidenceCheck}, untrusted items are set aside and reported, and the trusted answers are
 * judged at the time the chain's signature is proven to have existed. A revocation from any trusted
 * source wins over a good answer from another; the trust anchor (or a self-signed root) needs none.
 */
final class RevocationDataCheck {
    private RevocationDataCheck() {
    }

    /**
     * @param chain         end entity first; when {@code anchorReached}, the last one is the anchor
     * @param anchorReached whether the chain ends at a configured trust anchor
     * @param judgedAt      the time a revocation must be after for the signature to stand
     */
    static RevocationReport report(List<X509Certificate> chain, boolean anchorReached, EmbeddedRevocation embedded,
                                   Instant judgedAt) {
        X509Certificate last = chain.get(chain.size() - 1);
        int needing = anchorReached || (chain.size() > 1 && selfIssued(last)) ? chain.size() - 1 : chain.size();
        List<CertificateRevocation> entries = new ArrayList<>();
        for (int i = 0; i < needing; i++) {
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : null;
            entries.add(certificate(chain.get(i), issuer, embedded, judgedAt));
        }
        boolean all = !entries.isEmpty() && entries.stream().allMatch(e -> e.data() == RevocationData.PRESENT);
        return new RevocationReport(all ? RevocationData.PRESENT : RevocationData.NOT_PRESENT, entries);
    }

    private static CertificateRevocation certificate(X509Certificate certificate, X509Certificate issuer,
                                                     EmbeddedRevocation embedded, Instant judgedAt) {
        List<RevocationOutcome> outcomes = issuer == null ? List.of() : outcomes(certificate, issuer, embedded);
        List<RevocationOutcome> trusted = outcomes.stream().filter(RevocationOutcome::isTrusted).toList();
        List<IgnoredRevocation> ignored = outcomes.stream().filter(o -> !o.isTrusted())
                .map(RevocationOutcome::ignored).toList();
        Set<String> sources = new LinkedHashSet<>();
        trusted.forEach(o -> sources.add(o.evidence().source()));
        Optional<RevocationEvidence> decisive = decisive(trusted);
        RevocationStatus status = decisive.map(e -> status(e, trusted, judgedAt)).orElse(RevocationStatus.NOT_CHECKED);
        return new CertificateRevocation(certificate.getSubjectX500Principal().getName(),
                HexFormat.of().formatHex(certificate.getSerialNumber().toByteArray()),
                trusted.isEmpty() ? RevocationData.NOT_PRESENT : RevocationData.PRESENT, List.copyOf(sources),
                status, judgedAt, decisive.orElse(null), ignored);
    }

    private static List<RevocationOutcome> outcomes(X509Certificate certificate, X509Certificate issuer,
                                                    EmbeddedRevocation embedded) {
        List<RevocationOutcome> outcomes = new ArrayList<>();
        for (EmbeddedRevocation.Ocsp ocsp : embedded.ocsps) {
            OcspEvidenceCheck.about(ocsp, certificate, issuer).ifPresent(outcomes::add);
        }
        for (EmbeddedRevocation.Crl crl : embedded.crls) {
            CrlEvidenceCheck.about(crl, certificate, issuer).ifPresent(outcomes::add);
        }
        return outcomes;
    }

    /** The earliest revocation; else the newest good answer; else the newest "unknown". */
    private static Optional<RevocationEvidence> decisive(List<RevocationOutcome> trusted) {
        Optional<RevocationEvidence> revoked = trusted.stream().filter(o -> o.said() == RevocationStatus.REVOKED)
                .map(RevocationOutcome::evidence).min(Comparator.comparing(RevocationEvidence::revokedAt));
        if (revoked.isPresent()) {
            return revoked;
        }
        for (RevocationStatus said : List.of(RevocationStatus.GOOD, RevocationStatus.UNKNOWN)) {
            Optional<RevocationEvidence> newest = trusted.stream().filter(o -> o.said() == said)
                    .map(RevocationOutcome::evidence).max(Comparator.comparing(RevocationEvidence::issuedAt));
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.empty();
    }

    private static RevocationStatus status(RevocationEvidence decisive, List<RevocationOutcome> trusted, Instant judgedAt) {
        if (decisive.revokedAt() != null) {
            return decisive.revokedAt().isAfter(judgedAt) ? RevocationStatus.REVOKED_AFTER_SIGNING : RevocationStatus.REVOKED;
        }
        return trusted.stream().anyMatch(o -> o.said() == RevocationStatus.GOOD) ? RevocationStatus.GOOD
                : RevocationStatus.UNKNOWN;
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
