package jp.sitesign.model.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.model.time.JapanTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * What a 締結証明書 states, in machine-readable form: the server embeds it as a file in the certificate PDF
 * before sealing it, and lays the visible pages out from the same values, so the seal covers both. The
 * offline check reads it back and compares it with the contract PDF and the reports beside it. Times are
 * written in JST with {@code +09:00} (DESIGN §7), as the reports write them.
 *
 * @param format           {@link #FORMAT}
 * @param contractId       the contract's id
 * @param managementNumber its 文書管理番号
 * @param title            its 契約文書名称
 * @param parties          the parties, sender first
 * @param documentSha256   the SHA-256 (hex) of the contract PDF in the package
 * @param documentBytes    its length
 * @param signatures       each signature and document timestamp of that PDF, in order ({@link #signaturesOf})
 * @param events           the contract's audit events this certificate shows ({@link EvidenceRules#shows})
 * @param entries          the SHA-256 (hex) of each report beside it, by entry name ({@link EvidencePackage#REPORTS})
 * @param issuedAt         when the certificate was made
 * @param issuedFor        the company it was made for (its events are listed in full)
 */
public record EvidenceStatement(String format, String contractId, String managementNumber, String title,
        List<Party> parties, String documentSha256, long documentBytes, List<StatedSignature> signatures,
        List<StatedEvent> events, Map<String, String> entries, String issuedAt, String issuedFor) {
    /** The version of this format. */
    public static final String FORMAT = "sitesign-evidence/1";
    /** The name of the embedded file in the certificate PDF that holds the statement. */
    public static final String ATTACHMENT = "sitesign-evidence.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public EvidenceStatement {
        parties = List.copyOf(parties);
        signatures = List.copyOf(signatures);
        events = List.copyOf(events);
        entries = new TreeMap<>(entries);
    }

    /** A party of the contract. */
    public record Party(int number, String companyId, String name) {
    }

    /**
     * One signature or document timestamp of the contract PDF.
     *
     * @param provenTime when it provably existed: its own timestamp's time, else that of the first document
     *                   timestamp after it; null when nothing proves a time
     * @param timeSource what {@code provenTime} rests on: SIGNATURE_TIMESTAMP, DOCUMENT_TIMESTAMP or NONE
     */
    public record StatedSignature(int number, String kind, String fieldName, String subject, String serialNumber,
            String issuer, String provenTime, String timeSource) {
    }

    /** One audit event: who did what, when (JST), from which address, with what outcome. */
    public record StatedEvent(long sequence, String time, String actor, String companyId, String action,
            String labelJa, String labelEn, String outcome, String clientIp) {
    }

    /**
     * The signatures of a verified PDF as a certificate states them. Only facts of the PDF itself enter — who
     * signed (certificate subject, serial, issuer) and the time its timestamps state — never a trust verdict,
     * which depends on who verifies with which anchors; so the server and an offline check agree on them.
     */
    public static List<StatedSignature> signaturesOf(VerificationReport report) {
        List<StatedSignature> out = new ArrayList<>();
        List<SignatureReport> all = report.signatures();
        for (int i = 0; i < all.size(); i++) {
            SignatureReport s = all.get(i);
            Instant time = null;
            String source = "NONE";
            if (s.timestamp() != null && s.timestamp().time() != null) {
                time = s.timestamp().time();
                source = s.kind() == SignatureKind.SIGNATURE ? "SIGNATURE_TIMESTAMP" : "DOCUMENT_TIMESTAMP";
            } else {
                for (SignatureReport later : all.subList(i + 1, all.size())) {
                    if (later.kind() == SignatureKind.DOCUMENT_TIMESTAMP && later.timestamp() != null
                            && later.timestamp().time() != null) {
                        time = later.timestamp().time();
                        source = "DOCUMENT_TIMESTAMP";
                        break;
                    }
                }
            }
            out.add(new StatedSignature(s.number(), s.kind().name(), s.fieldName(), s.identity().subject(),
                    s.identity().serialNumber(), s.identity().issuer(), time == null ? null : JapanTime.iso(time),
                    source));
        }
        return out;
    }

    /**
     * How the contract was concluded, as its events say: a 送付のみ contract sealed with the server's organisation
     * seal for its sender and acknowledged by its recipient (ADR 34), one signed by its sender and acknowledged, or
     * one every party signed. The certificate's words follow it.
     */
    public Conclusion conclusion() {
        boolean sealed = events.stream().anyMatch(e -> "CONTRACT_SEALED".equals(e.action()));
        boolean acknowledged = events.stream().anyMatch(e -> "RECEIPT_ACKNOWLEDGED".equals(e.action()));
        return sealed ? Conclusion.SEALED_AND_ACKNOWLEDGED
                : acknowledged ? Conclusion.SIGNED_AND_ACKNOWLEDGED : Conclusion.SIGNED_BY_ALL;
    }

    /** How a contract was concluded; see {@link #conclusion()}. */
    public enum Conclusion {
        SIGNED_BY_ALL, SIGNED_AND_ACKNOWLEDGED, SEALED_AND_ACKNOWLEDGED
    }

    /** The statement as the JSON embedded in the certificate. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement is plain data and always serializes", e);
        }
    }

    /** Reads a statement written by {@link #toJson()}. */
    public static EvidenceStatement fromJson(byte[] json) throws IOException {
        EvidenceStatement s = JSON.readValue(json, EvidenceStatement.class);
        if (!FORMAT.equals(s.format())) {
            throw new IOException("not a " + FORMAT + " statement: " + s.format());
        }
        return s;
    }

    /** The statement embedded in a certificate PDF; empty when the PDF embeds none. */
    public static Optional<EvidenceStatement> readFrom(byte[] certificatePdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(certificatePdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> found = files == null ? null : files.getNames();
            PDComplexFileSpecification spec = found == null ? null : found.get(ATTACHMENT);
            PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
            if (file == null) {
                return Optional.empty();
            }
            return Optional.of(fromJson(file.toByteArray()));
        }
    }
}
