package jp.sitesign.model.signature.verify;

import jp.sitesign.model.document.EncryptedPdfException;
import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.error.SiteSignException;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one verifier of PAdES signatures (DESIGN §1, §6): the client calls it after signing and the
 * server before accepting a signed version; {@link VerificationReport#allValid()} is what "valid" means.
 *
 * <p>It reports every signature and document timestamp separately, with separate verdicts for
 * integrity, coverage, identity, revocation and timestamp. It goes to no network: trust comes from
 * the configured anchors, and revocation only from the OCSP responses and CRLs the document embeds,
 * trusted when signed by the certificate's issuer (or a responder it authorised) and judged at the
 * best-known signing time. Time comes from the clock: a signature that no valid timestamp dates is
 * judged as of now (the claimed {@code /M} is shown, never relied on).
 *
 * <p>The document and each of its revisions are read under one {@link SafePdf} allowance: a document that
 * would pass the {@link PdfLimits} is not verified ({@link VerificationException.Reason#TOO_COMPLEX}).
 *
 * <p>Document timestamps are evaluated from the last to the first, so each one's time can prove when
 * the signatures and timestamps it covers already existed (the PAdES long-term logic).
 */
public final class PadesVerifier {
    private final IdentityCheck identities;
    private final Clock clock;
    private final PdfLimits limits;

    /**
     * @param trustAnchors the certificates a chain must end at (the demo CA, or the configured real CAs);
     *                     with none, every signer is reported as {@link TrustStatus#UNTRUSTED_CHAIN}
     * @param clock        the time of verification
     * @param limits       what reading the document (and each of its revisions) may take
     */
    public PadesVerifier(Collection<X509Certificate> trustAnchors, Clock clock, PdfLimits limits) {
        this.identities = new IdentityCheck(trustAnchors);
        this.clock = clock;
        this.limits = limits;
    }

    /** What reading a document may take. */
    PdfLimits limits() {
        return limits;
    }

    /** A verifier reading under {@link PdfLimits#DEFAULT}. */
    public PadesVerifier(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, clock, PdfLimits.DEFAULT);
    }

    /**
     * @param pdf the document as received
     * @throws VerificationException if it is not a readable PDF, is encrypted, or is too complex to read
     */
    public VerificationReport verify(byte[] pdf) throws VerificationException {
        Instant now = clock.instant();
        SafePdf reading = SafePdf.start(limits);
        try (PDDocument document = reading.open(pdf)) {
            VerificationContext context = new VerificationContext(pdf, document, reading, identities, now);
            VerificationReport report = new VerificationReport(now, pdf.length, signatures(context), findings(context));
            reading.checkLimits();
            return report;
        } catch (EncryptedPdfException e) {
            throw new VerificationException(VerificationException.Reason.ENCRYPTED, "the document is encrypted", e);
        } catch (IOException e) {
            if (reading.limitPassed()) {
                throw new VerificationException(VerificationException.Reason.TOO_COMPLEX, e.getMessage(), e);
            }
            throw new VerificationException(hasPdfHeader(pdf) ? VerificationException.Reason.DAMAGED
                    : VerificationException.Reason.NOT_PDF, "the document cannot be read as PDF: " + e.getMessage(), e);
        } catch (SiteSignException e) {
            // Only SafePdf throws these here: a limit was passed.
            throw new VerificationException(VerificationException.Reason.TOO_COMPLEX, e.messageEn(), e);
        }
    }

    /** Whether {@code %PDF-} starts within the first 1024 bytes, where readers accept it (PDF 32000-1, 7.5.2). */
    private static boolean hasPdfHeader(byte[] pdf) {
        byte[] header = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int start = 0; start <= Math.min(1024, pdf.length) - header.length; start++) {
            if (java.util.Arrays.equals(pdf, start, start + header.length, header, 0, header.length)) {
                return true;
            }
        }
        return false;
    }

    private static List<SignatureReport> signatures(VerificationContext context) {
        List<SignatureField> fields = context.fields;
        SignatureReport[] reports = new SignatureReport[fields.size()];
        List<SignatureReport> provingTimestamps = new ArrayList<>();
        DocumentTimestampEvaluator timestamps = new DocumentTimestampEvaluator(context);
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).kind() == SignatureKind.DOCUMENT_TIMESTAMP) {
                reports[i] = timestamps.evaluate(i + 1, fields.get(i), proof(fields.get(i), provingTimestamps));
                if (reports[i].integrity().intact() && reports[i].timestamp().provesTime()) {
                    provingTimestamps.add(reports[i]);
                }
            }
        }
        SignatureEvaluator signatures = new SignatureEvaluator(context);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).kind() == SignatureKind.SIGNATURE) {
                reports[i] = signatures.evaluate(i + 1, fields.get(i), proof(fields.get(i), provingTimestamps));
            }
        }
        return List.of(reports);
    }

    /** The earliest time a valid later document timestamp proves {@code field}'s revision existed at. */
    private static Optional<Instant> proof(SignatureField field, List<SignatureReport> provingTimestamps) {
        return provingTimestamps.stream()
                .filter(stamp -> stamp.coverage().signedBytes() > field.signedEnd())
                .map(stamp -> stamp.timestamp().time())
                .min(Instant::compareTo);
    }

    private static List<DocumentFinding> findings(VerificationContext context) {
        List<DocumentFinding> findings = new ArrayList<>();
        if (context.fields.stream().noneMatch(f -> f.kind() == SignatureKind.SIGNATURE)) {
            findings.add(new DocumentFinding(DocumentFindingKind.NO_SIGNATURES, null, 0));
        }
        findings.addAll(RemovedSignatureCheck.findings(context));
        return findings;
    }
}
