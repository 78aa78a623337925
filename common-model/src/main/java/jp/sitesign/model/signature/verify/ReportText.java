package jp.sitesign.model.signature.verify;

import jp.sitesign.model.time.JapanTime;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.text.MessageFormat;
import java.time.Instant;
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
                .append(word("revocation." + signature.revocation().data()))
                .append('\n');
        for (Change change : signature.coverage().changes()) {
            text.append("  ・").append(word("change." + change.kind(), change.what(), change.page()))
                    .append(word(change.allowed() ? "change.allowed" : "change.disallowed")).append('\n');
        }
    }

    private String timestamp(TimestampReport timestamp) {
        if (timestamp == null) {
            return word("timestamp.none");
        }
        if (timestamp.status() != TimestampStatus.VALID) {
            return word("timestamp.failed", word("timestamp." + timestamp.status()));
        }
        return word(timestamp.provesTime() ? "timestamp.verified" : "timestamp.untrusted", time(timestamp.time()));
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
