package jp.sitesign.model.signature.verify;

import jp.sitesign.model.time.JapanTime;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a {@link VerificationReport} in words a non-expert follows: one line per signature with
 * the verdicts, then one line per change after it and per document-level finding, then the overall
 * verdict. Japanese unless the locale is English; the words are in {@code VerificationMessages*.properties}.
 */
final class ReportText {
    private static final String SEPARATOR = " / ";

    private final ResourceBundle words;

    ReportText(Locale locale) {
        Locale chosen = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
        this.words = ResourceBundle.getBundle(ReportText.class.getPackageName() + ".VerificationMessages", chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String write(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        for (SignatureReport signature : report.signatures()) {
            signature(text, signature);
        }
        for (DocumentFinding finding : report.documentFindings()) {
            text.append(word("finding." + finding.kind(), finding.what(), finding.revision())).append('\n');
        }
        text.append(word(report.allValid() ? "verdict.valid" : "verdict.invalid")).append('\n');
        return text.toString();
    }

    private void signature(StringBuilder text, SignatureReport signature) {
        boolean timestamp = signature.kind() == SignatureKind.DOCUMENT_TIMESTAMP;
        text.append(word(timestamp ? "header.timestamp" : "header.signature", signature.number(), signature.fieldName()))
                .append(": ").append(word("integrity." + signature.integrity().status()))
                .append(SEPARATOR).append(word(timestamp ? "label.tsa" : "label.signer")).append(": ")
                .append(commonName(signature.identity().subject()))
                .append(SEPARATOR).append(word("label.trusted")).append(": ")
                .append(word("trust." + signature.identity().status()))
                .append(SEPARATOR).append(word("label.timestamp")).append(": ").append(timestamp(signature.timestamp()))
                .append(SEPARATOR).append(word("label.changes")).append(": ").append(changes(signature.coverage()))
                .append('\n');
        text.append("  ").append(word("label.claimed")).append(": ").append(time(signature.signingTime().claimed()))
                .append(SEPARATOR).append(word("label.best")).append(": ").append(time(signature.signingTime().best()))
                .append(" (").append(word("source." + signature.signingTime().source())).append(')')
                .append(SEPARATOR).append(word("label.revocation")).append(": ")
                .append(revocationSummary(signature.revocation()))
                .append('\n');
        Instant signedAt = signature.signingTime().best();
        revocation(text, signature.revocation(), "revocation.line", signedAt);
        if (!timestamp && signature.timestamp() != null) {
            revocation(text, signature.timestamp().tsaRevocation(), "revocation.line.tsa", signedAt);
        }
        for (Change change : signature.coverage().changes()) {
            text.append("  ・").append(change(change)).append('\n');
        }
    }

    /** One change in words, with whether it is allowed. */
    String change(Change change) {
        return word("change." + change.kind(), change.what(), change.page())
                + word(change.allowed() ? "change.allowed" : "change.disallowed");
    }

    private String timestamp(TimestampReport timestamp) {
        if (timestamp == null) {
            return word("timestamp.none");
        }
        if (timestamp.status() != TimestampStatus.VALID) {
            return word("timestamp.failed", word("timestamp." + timestamp.status()));
        }
        if (timestamp.tsaRevocation().anyRevoked()) {
            return word("timestamp.revoked", time(timestamp.time()));
        }
        return word(timestamp.provesTime() ? "timestamp.verified" : "timestamp.untrusted", time(timestamp.time()));
    }

    /** The chain in one phrase: the worst status of its certificates. */
    private String revocationSummary(RevocationReport revocation) {
        List<RevocationStatus> statuses = revocation.certificates().stream().map(CertificateRevocation::status).toList();
        String summary;
        if (statuses.contains(RevocationStatus.REVOKED)) {
            summary = "REVOKED";
        } else if (statuses.contains(RevocationStatus.REVOKED_AFTER_SIGNING)) {
            summary = "REVOKED_AFTER_SIGNING";
        } else if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s == RevocationStatus.GOOD)) {
            summary = "GOOD";
        } else if (statuses.stream().allMatch(s -> s == RevocationStatus.NOT_CHECKED)) {
            summary = "NOT_CHECKED";
        } else {
            summary = "PARTIAL";
        }
        return word("revocation.summary." + summary);
    }

    /**
     * One line per certificate, and one per item of untrusted data; nothing when nothing at all was
     * embedded. A good answer older than {@code signedAt} is flagged: it does not show the certificate
     * was still good when it was used.
     */
    private void revocation(StringBuilder text, RevocationReport revocation, String lineKey, Instant signedAt) {
        boolean nothing = revocation.certificates().stream()
                .allMatch(c -> c.status() == RevocationStatus.NOT_CHECKED && c.ignored().isEmpty());
        if (nothing) {
            return;
        }
        for (CertificateRevocation certificate : revocation.certificates()) {
            text.append("  ・").append(word(lineKey, commonName(certificate.subject()), status(certificate, signedAt)))
                    .append('\n');
            for (IgnoredRevocation ignored : certificate.ignored()) {
                text.append("    ！").append(word("revocation.ignored", ignored.kind(), ignored.source(),
                        word("ignored." + ignored.reason()))).append('\n');
            }
        }
    }

    private String status(CertificateRevocation certificate, Instant signedAt) {
        RevocationEvidence evidence = certificate.evidence();
        if (evidence == null) {
            return word("revocation." + certificate.status());
        }
        String reason = evidence.reason() == null ? word("reason.none") : word("reason." + evidence.reason().name());
        String said = word("revocation." + certificate.status(), evidence.kind(), time(evidence.issuedAt()),
                time(evidence.revokedAt()), reason, time(certificate.judgedAt()));
        boolean predates = certificate.status() == RevocationStatus.GOOD && evidence.issuedAt().isBefore(signedAt);
        return predates ? said + word("revocation.predates", time(signedAt)) : said;
    }

    private String changes(Coverage coverage) {
        return switch (coverage.status()) {
            case WHOLE_DOCUMENT -> word("changes.none");
            case ALLOWED_ADDITIONS_ONLY -> word("changes.allowed");
            case DISALLOWED_MODIFICATION -> word("changes.disallowed", coverage.disallowedChanges().size());
            case UNKNOWN -> word("changes.unknown");
        };
    }

    private String time(Instant instant) {
        return instant == null ? word("time.none") : JapanTime.display(instant);
    }

    private String commonName(String subject) {
        if (subject == null) {
            return word("signer.unknown");
        }
        try {
            RDN[] names = new X500Name(BCStyle.INSTANCE, subject).getRDNs(BCStyle.CN);
            return names.length == 0 ? subject : names[0].getFirst().getValue().toString();
        } catch (IllegalArgumentException e) {
            return subject;
        }
    }

    private String word(String key, Object... arguments) {
        String pattern = words.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, words.getLocale()).format(arguments);
    }
}
