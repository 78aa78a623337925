package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@link PadesVerifier} found: one {@link SignatureReport} per signature and per document
 * timestamp, in the order they were added, and the findings about the document as a whole.
 *
 * @param verifiedAt the verifier clock's time; the chain of a signature nothing else dates is checked at it
 * @param documentBytes the file's length
 * @param signatures one entry per signature dictionary
 * @param documentFindings e.g. a signature removed in a later revision
 */
public record VerificationReport(Instant verifiedAt, long documentBytes, List<SignatureReport> signatures,
                                 List<DocumentFinding> documentFindings) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
        documentFindings = List.copyOf(documentFindings);
    }

    /**
     * <b>The</b> definition of a validly signed document for the whole system (DESIGN §1: the server
     * accepts a signed version only if this holds, and the client checks it after signing):
     * <ul>
     *   <li>the document has at least one signature (a document timestamp alone is not a signature);</li>
     *   <li>every signature and document timestamp is {@link SignatureReport#valid() valid}: intact,
     *       chained to a configured trust anchor and valid at its best-known signing time, followed
     *       only by later signatures, {@code /DSS} and document timestamps, with no certificate of its
     *       chain revoked at or before that time by the OCSP responses and CRLs the document embeds
     *       (a revocation after a proven signing time does not count), and any timestamp it carries is
     *       sound and from a trusted TSA whose certificate was not revoked by then;</li>
     *   <li>there is no document-level finding (such as a signature removed in a later revision).</li>
     * </ul>
     */
    @JsonProperty("allValid")
    public boolean allValid() {
        return signatures.stream().anyMatch(s -> s.kind() == SignatureKind.SIGNATURE)
                && signatures.stream().allMatch(SignatureReport::valid)
                && documentFindings.isEmpty();
    }

    /** The report as JSON (times in JST with {@code +09:00}), for the API and the CLI's {@code --json}. */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** The report in Japanese words a non-expert follows. */
    public String toText() {
        return toText(Locale.JAPANESE);
    }

    /** The report in words a non-expert follows: English for an English locale, Japanese otherwise. */
    public String toText(Locale locale) {
        return new ReportText(locale).write(this);
    }
}
