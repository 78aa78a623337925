package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an RFC 3161 token over given data: the message imprint against the data's digest, the
 * token's CMS signature over its TSTInfo ({@link CmsSignerCheck}), the signing certificate marked
 * critically for time stamping, and the TSA's chain ({@link IdentityCheck}) and its revocation
 * ({@link RevocationDataCheck}, from the document's and the token's embedded data) at the time the
 * timestamp is proven at.
 */
final class TimestampCheck {
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    private final IdentityCheck identities;
    private final EmbeddedRevocation embedded;

    TimestampCheck(IdentityCheck identities, EmbeddedRevocation embedded) {
        this.identities = identities;
        this.embedded = embedded;
    }

    /** The report, and the TSA's chain when the token carries the TSA certificate. */
    record Checked(TimestampReport report, Optional<IdentityCheck.Result> tsaChain) {
    }

    /**
     * @param token   the token's CMS
     * @param stamped the data the token must be over (its imprint is their digest)
     * @param pool    certificates at hand for the TSA chain
     * @param trustAt when the TSA chain is validated and its revocation judged: the time a later
     *                timestamp proves, or now
     */
    Checked check(CMSSignedData token, byte[] stamped, Collection<X509Certificate> pool, Instant trustAt) {
        List<X509Certificate> chainPool = new ArrayList<>(pool);
        chainPool.addAll(Certificates.all(token));
        Optional<IdentityCheck.Result> chain = tsaCertificate(token).map(c -> identities.check(c, chainPool, trustAt));
        TimestampReport report = report(token, stamped, chain.map(IdentityCheck.Result::identity).orElse(null));
        if (chain.isPresent()) {
            SignerInformation signer = token.getSignerInfos().getSigners().iterator().next();
            report = report.withTsaRevocation(RevocationDataCheck.report(chain.get().chain(), chain.get().anchorReached(),
                    embedded.with(token, signer), trustAt));
        }
        return new Checked(report, chain);
    }

    private static Optional<X509Certificate> tsaCertificate(CMSSignedData token) {
        if (token.getSignerInfos().size() != 1) {
            return Optional.empty();
        }
        return Certificates.signerCertificate(token, token.getSignerInfos().getSigners().iterator().next());
    }

    private static TimestampReport report(CMSSignedData token, byte[] stamped, Identity tsa) {
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(token);
        } catch (TSPException | IOException | IllegalArgumentException e) {
            return new TimestampReport(TimestampStatus.UNREADABLE, null, null, e.getMessage());
        }
        Instant time = parsed.getTimeStampInfo().getGenTime().toInstant();
        SignerInformation signer = token.getSignerInfos().getSigners().iterator().next();
        Optional<X509Certificate> certificate = Certificates.signerCertificate(token, signer);
        if (certificate.isEmpty()) {
            return new TimestampReport(TimestampStatus.TSA_CERTIFICATE_MISSING, time, null,
                    "the token does not carry the TSA certificate");
        }
        Optional<TimestampReport> wrongImprint = imprintProblem(parsed, stamped, tsa);
        if (wrongImprint.isPresent()) {
            return wrongImprint.get();
        }
        Integrity integrity = CmsSignerCheck.check(signer, certificate.get(), (byte[]) token.getSignedContent().getContent());
        if (!integrity.intact()) {
            TimestampStatus status = integrity.status() == IntegrityStatus.UNSUPPORTED_ALGORITHM
                    ? TimestampStatus.UNSUPPORTED_ALGORITHM : TimestampStatus.SIGNATURE_INVALID;
            return new TimestampReport(status, time, tsa, integrity.detail());
        }
        if (!timeStampingCertificate(certificate.get())) {
            return new TimestampReport(TimestampStatus.NOT_A_TSA_CERTIFICATE, time, tsa,
                    certificate.get().getSubjectX500Principal() + " has no critical extended key usage timeStamping");
        }
        return new TimestampReport(TimestampStatus.VALID, time, tsa, null);
    }

    private static Optional<TimestampReport> imprintProblem(TimeStampToken token, byte[] stamped, Identity tsa) {
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        ASN1ObjectIdentifier algorithm = token.getTimeStampInfo().getMessageImprintAlgOID();
        Optional<DigestAlgorithm> digest = SignatureAlgorithms.digest(algorithm);
        if (digest.isEmpty()) {
            return Optional.of(new TimestampReport(TimestampStatus.UNSUPPORTED_ALGORITHM, time, tsa,
                    "imprint digest " + algorithm));
        }
        if (!MessageDigest.isEqual(digest.get().digest(stamped), token.getTimeStampInfo().getMessageImprintDigest())) {
            return Optional.of(new TimestampReport(TimestampStatus.IMPRINT_MISMATCH, time, tsa,
                    "the token's message imprint is not the " + digest.get().jcaName() + " digest of the timestamped data"));
        }
        return Optional.empty();
    }

    private static boolean timeStampingCertificate(X509Certificate certificate) {
        try {
            List<String> usage = certificate.getExtendedKeyUsage();
            return usage != null && usage.contains(TIME_STAMPING)
                    && certificate.getCriticalExtensionOIDs() != null
                    && certificate.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
