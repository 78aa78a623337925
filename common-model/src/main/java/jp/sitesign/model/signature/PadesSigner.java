package jp.sitesign.model.signature;

import jp.sitesign.model.signature.cms.CadesSignature;
import jp.sitesign.model.signature.cms.CadesSignatureBuilder;
import jp.sitesign.model.signature.cms.SignatureStep;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.ltv.ValidationDataStep;
import jp.sitesign.model.signature.pdf.DocumentStep;
import jp.sitesign.model.signature.pdf.IncrementalSignature;
import jp.sitesign.model.signature.timestamp.DocumentTimestampStep;
import jp.sitesign.model.signature.timestamp.SignatureTimestampStep;
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.SigningKey;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.model.time.JapanTime;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs a PDF at a PAdES level: parses the document once and checks it may be signed, and fixes the signing time
 * (and with it the new {@code /ID}) before the PIN is asked; then, in one token session, prepares the
 * incremental update with {@code /Contents} sized from the real chain, builds the CAdES signature,
 * applies the level's steps (B-T: signature timestamp) and embeds the result — preparing again with
 * more room if it did not fit. The token is logged out as soon as the signature is embedded,
 * whatever happened. The key is the request's alias, or the source's only key when the alias is blank, and
 * its certificate must be valid at the signing time. Then the steps on the signed PDF follow: B-LT adds the validation data to
 * {@code /DSS}, B-LTA also a document timestamp (the same steps {@link PadesExtender} offers).
 *
 * <p>Nothing is returned unless every step of the requested level succeeded. One signer may serve several
 * threads (a batch): only the key operation itself is taken in turn, so PDF preparation, timestamps and
 * validation data of different documents overlap.
 */
public final class PadesSigner {
    /** Room for a timestamp token with a TSA chain of two or three certificates. */
    public static final int DEFAULT_TIMESTAMP_RESERVE = 8192;
    private static final int MAX_ATTEMPTS = 3;

    private final Clock clock;
    private final ContentsReservation reservation;
    private final RevocationFetcher revocation;
    private final CadesSignatureBuilder cades = new CadesSignatureBuilder();
    /** One key operation at a time per signer: a token signs serially, while preparation and timestamps overlap. */
    private final Object keyOperation = new Object();

    public PadesSigner(Clock clock) {
        this(clock, DEFAULT_TIMESTAMP_RESERVE);
    }

    /** @param timestampReserve bytes kept in {@code /Contents} for the timestamp token */
    public PadesSigner(Clock clock, int timestampReserve) {
        this(clock, timestampReserve, new RevocationFetcher(clock));
    }

    /** @param revocation fetches OCSP responses and CRLs for B-LT and B-LTA */
    public PadesSigner(Clock clock, int timestampReserve, RevocationFetcher revocation) {
        this.clock = clock;
        this.reservation = new ContentsReservation(timestampReserve);
        this.revocation = revocation;
    }

    /**
     * @param pdf  the document as it is now; the result starts with exactly these bytes
     * @param keys where the key is; its PIN is asked once through {@code pin}
     * @return the signed document
     * @throws SigningException with the reason; no partial result exists
     */
    public byte[] sign(byte[] pdf, SigningKeySource keys, PinCallback pin, SignatureRequest request)
            throws SigningException {
        byte[] signed;
        try (IncrementalSignature.Parsed parsed = IncrementalSignature.parseSignable(pdf)) {
            Instant signingTime = clock.instant();
            signed = embedSignature(parsed, keys, pin, request, signingTime);
        }
        for (DocumentStep step : documentSteps(request)) {
            signed = step.apply(signed);
        }
        return signed;
    }

    private byte[] embedSignature(IncrementalSignature.Parsed pdf, SigningKeySource keys, PinCallback pin, SignatureRequest request,
                                  Instant signingTime) throws SigningException {
        try (KeySession session = keys.open(pin)) {
            SigningKey key = session.keyOrOnly(request.keyAlias());
            requireValidAt(key.certificate(), signingTime);
            SigningAlgorithm algorithm = SigningAlgorithm.forCertificate(key.certificate(), request.padding());
            int reserved = initialReservation(key, request.level());
            for (int attempt = 1; ; attempt++) {
                try (IncrementalSignature pending = IncrementalSignature.prepare(pdf, request.info(), signingTime,
                        reserved, request.appearance())) {
                    CadesSignature signature;
                    synchronized (keyOperation) {
                        signature = cades.sign(pending.signedContent(), key, algorithm);
                    }
                    for (SignatureStep step : steps(request)) {
                        signature = step.apply(signature);
                    }
                    byte[] cms = signature.encoded();
                    if (pending.fits(cms.length) || attempt == MAX_ATTEMPTS) {
                        return pending.complete(cms);
                    }
                    reserved = reservation.after(cms.length);
                }
            }
        }
    }

    /**
     * Refuses a certificate outside its validity at the signing time before anything is signed: a verifier
     * and the server would reject the signature, and the window and the CLI should say why first.
     */
    private static void requireValidAt(X509Certificate certificate, Instant signingTime) throws SigningException {
        Instant from = certificate.getNotBefore().toInstant();
        Instant until = certificate.getNotAfter().toInstant();
        if (signingTime.isBefore(from) || signingTime.isAfter(until)) {
            throw new SigningException(SigningError.CERTIFICATE_EXPIRED,
                    certificate.getSubjectX500Principal().getName(), JapanTime.display(from), JapanTime.display(until));
        }
    }

    private int initialReservation(SigningKey key, SignatureLevel level) throws SigningException {
        try {
            return reservation.initial(key.chain(), level);
        } catch (CertificateEncodingException e) {
            throw new SigningException(SigningError.KEY_UNSUPPORTED, e, "unreadable certificate");
        }
    }

    /** The steps on the signed PDF from B-T to the requested level, in order. */
    private List<DocumentStep> documentSteps(SignatureRequest request) {
        List<DocumentStep> steps = new ArrayList<>();
        if (request.level().needsValidationData()) {
            steps.add(new ValidationDataStep(revocation, clock));
        }
        if (request.level().needsDocumentTimestamp()) {
            steps.add(new DocumentTimestampStep(request.timestamps(), clock));
        }
        return steps;
    }

    /** The steps on the CMS from B-B to B-T, in order. */
    private static List<SignatureStep> steps(SignatureRequest request) {
        List<SignatureStep> steps = new ArrayList<>();
        if (request.level().needsTimestamp()) {
            steps.add(new SignatureTimestampStep(request.timestamps()));
        }
        return steps;
    }
}
