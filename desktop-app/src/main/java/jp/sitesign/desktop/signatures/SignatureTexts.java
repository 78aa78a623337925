package jp.sitesign.desktop.signatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.signature.verify.CertificateRevocation;
import jp.sitesign.model.signature.verify.Change;
import jp.sitesign.model.signature.verify.ChangeKind;
import jp.sitesign.model.signature.verify.Coverage;
import jp.sitesign.model.signature.verify.CoverageStatus;
import jp.sitesign.model.signature.verify.DocumentFinding;
import jp.sitesign.model.signature.verify.Identity;
import jp.sitesign.model.signature.verify.RevocationStatus;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.TimestampReport;
import jp.sitesign.model.signature.verify.TimestampStatus;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The one place that turns the verifier's verdicts ({@link SignatureReport} and its enums) into sentences
 * a non-expert follows, in the bundle's language (keys {@code signatures.*}). It judges nothing itself:
 * validity is {@link SignatureReport#valid()}; the traffic light only sorts the other cases into "cannot be
 * confirmed" (yellow) and "cannot be relied on" (red).
 */
final class SignatureTexts {
    private final ResourceBundle bundle;
    private final jp.sitesign.desktop.ui.DateDisplay dates;

    /** Dates as 西暦 (2026/12/07 10:02:03+09:00). */
    SignatureTexts(ResourceBundle bundle) {
        this(bundle, jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI,
                jp.sitesign.desktop.ui.Language.of(bundle)));
    }

    /** Dates in the style {@code dates} holds at each call (the user's 西暦 or 和暦, as everywhere in the app). */
    SignatureTexts(ResourceBundle bundle, jp.sitesign.desktop.ui.DateDisplay dates) {
        this.bundle = bundle;
        this.dates = dates;
    }

    /** One signature or document timestamp as the panel shows it. */
    SignatureEntry entry(SignatureReport s) {
        boolean stamp = s.kind() == SignatureKind.DOCUMENT_TIMESTAMP;
        SignatureLight light = light(s);
        List<String> lines = new ArrayList<>();
        lines.add(integrity(s));
        lines.addAll(trust(s));
        lines.add(timestamp(s));
        lines.addAll(changes(s.coverage()));
        return new SignatureEntry(s.number(), stamp, light, text("signatures.light." + light), heading(s), when(s),
                lines);
    }

    static SignatureLight light(SignatureReport s) {
        if (s.valid()) {
            return SignatureLight.GREEN;
        }
        TimestampReport t = s.timestamp();
        boolean broken = !s.integrity().intact()
                || s.coverage().status() == CoverageStatus.DISALLOWED_MODIFICATION
                || s.coverage().status() == CoverageStatus.UNKNOWN
                || s.revocation().anyRevoked()
                || (t != null && (t.status() != TimestampStatus.VALID || t.tsaRevocation().anyRevoked()));
        return broken ? SignatureLight.RED : SignatureLight.YELLOW;
    }

    /** The line above the entries: no signatures yet, all valid, or some need attention. */
    String summary(VerificationReport report) {
        if (report.signatures().isEmpty()) {
            return text("signatures.none");
        }
        if (report.allValid()) {
            return format("signatures.summary.valid", report.signatures().size());
        }
        return text("signatures.summary.invalid");
    }

    /**
     * Why the document could not be verified at all, in the bundle's language: encrypted, not a PDF, damaged
     * (the verifier's reason), or a file this computer could not read; anything else with its own message.
     */
    String failure(Throwable cause) {
        if (cause instanceof VerificationException v) {
            return text("signatures.failed." + v.reason());
        }
        if (cause instanceof java.io.UncheckedIOException || cause instanceof java.io.IOException) {
            return text("signatures.failed.UNREADABLE");
        }
        return format("signatures.failed", String.valueOf(cause.getMessage()));
    }

    /** A finding about the whole document, or null when the summary already says it (no signatures). */
    String finding(DocumentFinding finding) {
        return switch (finding.kind()) {
            case NO_SIGNATURES -> text("signatures.finding.NO_SIGNATURES");
            case SIGNATURE_REMOVED -> format("signatures.finding.SIGNATURE_REMOVED",
                    finding.what() == null ? "" : finding.what());
        };
    }

    /**
     * Who signed: the person's name from the certificate, then the company ({@code 署名 1: 山田 太郎（山田建設）}).
     * A company certificate, whose common name is the company's own name ("DEMO 山田建設"), names the company
     * once; its holder's given and family names are used as the person where the certificate carries them.
     */
    String heading(SignatureReport s) {
        String subject = s.identity().subject();
        String name = subject == null ? text("signatures.unknownSigner") : attribute(subject, BCStyle.CN);
        if (s.kind() == SignatureKind.DOCUMENT_TIMESTAMP) {
            return format("signatures.heading.timestamp", s.number(), name);
        }
        String company = subject == null ? null : attribute(subject, BCStyle.O);
        if (company == null || company.equals(subject)) {
            return format("signatures.heading.signature", s.number(), name);
        }
        if (name.contains(company)) {
            String person = person(subject);
            return person == null ? format("signatures.heading.signature", s.number(), company)
                    : format("signatures.heading.signatureCompany", s.number(), person, company);
        }
        return format("signatures.heading.signatureCompany", s.number(), name, company);
    }

    /** The holder's family and given name (SURNAME, GIVENNAME), or null when the certificate names neither. */
    private static String person(String subject) {
        String family = attributeOrNull(subject, BCStyle.SURNAME);
        String given = attributeOrNull(subject, BCStyle.GIVENNAME);
        if (family == null && given == null) {
            return null;
        }
        return family == null ? given : given == null ? family : family + " " + given;
    }

    private static String attributeOrNull(String name, ASN1ObjectIdentifier type) {
        try {
            RDN[] rdns = new X500Name(BCStyle.INSTANCE, name).getRDNs(type);
            return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String when(SignatureReport s) {
        if (s.kind() == SignatureKind.DOCUMENT_TIMESTAMP) {
            return format("signatures.when.stamp", time(s.timestamp() == null ? null : s.timestamp().time()));
        }
        return format("signatures.when." + s.signingTime().source(), time(s.signingTime().claimed()),
                time(s.signingTime().best()));
    }

    String integrity(SignatureReport s) {
        return text("signatures.integrity." + s.integrity().status());
    }

    /** Whether the signer (or the TSA) is trusted, why not, and a revocation after signing if there was one. */
    List<String> trust(SignatureReport s) {
        Identity identity = s.identity();
        String prefix = s.kind() == SignatureKind.DOCUMENT_TIMESTAMP ? "signatures.tsaTrust." : "signatures.trust.";
        String issuer = identity.issuer() == null ? text("signatures.unknownSigner") : attribute(identity.issuer(), BCStyle.CN);
        String checkedAt = time(identity.checkedAt());
        List<String> lines = new ArrayList<>();
        if (s.revocation().anyRevoked()) {
            lines.add(format(prefix + "REVOKED", issuer, checkedAt));
        } else {
            lines.add(format(prefix + identity.status(), issuer, checkedAt));
        }
        boolean revokedLater = s.revocation().certificates().stream().map(CertificateRevocation::status)
                .anyMatch(status -> status == RevocationStatus.REVOKED_AFTER_SIGNING);
        if (revokedLater) {
            lines.add(text("signatures.trust.REVOKED_AFTER_SIGNING"));
        }
        return lines;
    }

    String timestamp(SignatureReport s) {
        TimestampReport t = s.timestamp();
        boolean stamp = s.kind() == SignatureKind.DOCUMENT_TIMESTAMP;
        if (t == null) {
            return s.signingTime().source() == jp.sitesign.model.signature.verify.TimeSource.DOCUMENT_TIMESTAMP
                    ? format("signatures.timestamp.documentProof", time(s.signingTime().best()))
                    : text("signatures.timestamp.none");
        }
        if (t.status() != TimestampStatus.VALID) {
            return format("signatures.timestamp.failed", text("signatures.timestamp.reason." + t.status()));
        }
        String tsa = t.tsa() == null || t.tsa().subject() == null ? text("signatures.unknownSigner")
                : attribute(t.tsa().subject(), BCStyle.CN);
        if (t.tsaRevocation().anyRevoked()) {
            return format("signatures.timestamp.revoked", tsa);
        }
        if (!t.provesTime()) {
            return format("signatures.timestamp.untrusted", tsa);
        }
        return format(stamp ? "signatures.timestamp.documentProven" : "signatures.timestamp.proven", tsa, time(t.time()));
    }

    /** What changed after it: one summary sentence, then one line per change. */
    List<String> changes(Coverage coverage) {
        List<String> lines = new ArrayList<>();
        if (coverage.status() == CoverageStatus.DISALLOWED_MODIFICATION) {
            Set<String> groups = new LinkedHashSet<>();
            for (Change change : coverage.disallowedChanges()) {
                groups.add(text("signatures.changeGroup." + group(change.kind())));
            }
            lines.add(format("signatures.changes.DISALLOWED_MODIFICATION",
                    String.join(text("signatures.changeGroup.separator"), groups)));
        } else {
            lines.add(text("signatures.changes." + coverage.status()));
        }
        for (Change change : coverage.changes()) {
            lines.add(format("signatures.change." + change.kind(), change.what() == null ? "" : change.what(),
                    change.page() == null ? "?" : String.valueOf(change.page())));
        }
        return lines;
    }

    /** The groups a non-expert tells apart: form fill, annotations, the pages themselves, anything else. */
    static String group(ChangeKind kind) {
        return switch (kind) {
            case LATER_SIGNATURE, DOCUMENT_TIMESTAMP, VALIDATION_DATA -> "ALLOWED";
            case FORM_FIELD_CHANGED -> "FORM";
            case ANNOTATION_ADDED, ANNOTATION_CHANGED -> "ANNOTATIONS";
            case PAGE_CONTENT_CHANGED, PAGES_CHANGED -> "PAGES";
            case CATALOG_CHANGED, OBJECT_CHANGED, UNSIGNED_DATA -> "OTHER";
        };
    }

    private String time(Instant instant) {
        return instant == null ? text("signatures.when.unknown") : dates.dateTimeSeconds(instant);
    }

    /** One attribute of an RFC 2253 name (the name itself if it cannot be parsed or lacks it). */
    static String attribute(String name, ASN1ObjectIdentifier type) {
        try {
            RDN[] rdns = new X500Name(BCStyle.INSTANCE, name).getRDNs(type);
            return rdns.length == 0 ? (type.equals(BCStyle.CN) ? name : null) : rdns[0].getFirst().getValue().toString();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private String text(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return I18n.format(bundle, key, args);
    }
}
