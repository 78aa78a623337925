package jp.sitesign.server.contracts;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.signature.PadesExtender;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.timestamp.ArchiveTimestamps;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.SignedVersionCheck;
import jp.sitesign.server.config.ServerConfig;

/**
 * The server's side of accepting a signed version: its trust anchors and TSA from the configuration (or,
 * where that names none, from the {@link SignatureDefaults}).
 * Whether a version is acceptable is common-model's {@link SignedVersionCheck}; when the last party has
 * signed, the server adds the validation data and a document timestamp (B-LTA) if a TSA is configured.
 */
final class SignatureAcceptance {
    private final SignedVersionCheck check;
    private final PadesExtender archiver;
    private final List<X509Certificate> anchors;
    private final URI tsaUrl;

    private SignatureAcceptance(SignedVersionCheck check, PadesExtender archiver, List<X509Certificate> anchors,
            URI tsaUrl) {
        this.check = check;
        this.archiver = archiver;
        this.anchors = List.copyOf(anchors);
        this.tsaUrl = tsaUrl;
    }

    /** The TSA the server timestamps with ({@code tsa.url}, else the default's), for clients to use too; or null. */
    URI tsaUrl() {
        return tsaUrl;
    }

    /** The certificates signatures must chain to: what clients verify their own signatures against. */
    List<X509Certificate> anchors() {
        return anchors;
    }

    /** From the settings; where {@code trust.anchors} or {@code tsa.url} is empty, {@code defaults} fill in. */
    static SignatureAcceptance from(ServerConfig config, Clock clock, SignatureDefaults defaults) {
        List<X509Certificate> anchors = defaults.trustAnchors(config);
        TimestampSource tsa = defaults.timestamps(config);
        RevocationFetcher revocation = defaults.http() == null ? new RevocationFetcher(clock)
                : new RevocationFetcher(defaults.http(), clock, RevocationFetcher.DEFAULT_OCSP_MAX_AGE);
        PadesExtender archiver = tsa == null ? null : new PadesExtender(revocation, tsa, clock);
        return new SignatureAcceptance(new SignedVersionCheck(new PadesVerifier(anchors, clock, config.pdfLimits())),
                archiver, anchors, defaults.timestampUrl(config));
    }

    /** Refuses, saying why, unless {@code signed} is {@code base} plus one valid signature (common-model decides). */
    SignatureReport check(byte[] base, byte[] signed) {
        return check.check(base, signed);
    }

    /** The completed contract's final form: B-LTA when a TSA is configured, else as signed. */
    byte[] archive(byte[] signed) {
        if (archiver == null) {
            return signed;
        }
        try {
            return archiver.addArchiveTimestamp(archiver.addValidationData(signed));
        } catch (SigningException e) {
            throw ContractMessage.LTV_FAILED.exception(e.messageJa(), e.messageEn());
        }
    }

    /** Whether a TSA is configured, so completed contracts are archived (B-LTA) and their archives renewed. */
    boolean archives() {
        return archiver != null;
    }

    /**
     * An archived PDF with its archive timestamp renewed: validation data for what is not yet covered (the
     * previous document timestamp's TSA chain), then a new document timestamp over everything.
     */
    byte[] renewArchive(byte[] archived) {
        if (archiver == null) {
            throw new IllegalStateException("no TSA is configured");
        }
        try {
            return archiver.addArchiveTimestamp(archived);
        } catch (SigningException e) {
            throw ContractMessage.ARCHIVE_RENEWAL_FAILED.exception(e.messageJa(), e.messageEn());
        }
    }

    /** When the TSA certificate of the PDF's newest document timestamp expires; empty without one. */
    static Optional<Instant> archiveExpiry(byte[] pdf) {
        try {
            return ArchiveTimestamps.tsaCertificateExpiry(pdf);
        } catch (SigningException e) {
            throw ContractMessage.ARCHIVE_UNREADABLE.exception(e.messageJa(), e.messageEn());
        }
    }
}
