package jp.sitesign.server.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out the 締結証明書 (certificate of completion) in Japanese with English beneath, in IPA Gothic (the font the
 * seals and the demo documents use), from an {@link EvidenceStatement}: the contract, its parties, each signature
 * with its certificate and proven time, the document's SHA-256 and the audit trail. The statement itself is
 * embedded as a file, so the seal added afterwards covers the words and the data alike.
 */
final class CertificatePdf {
    private static final Path FONT = VisibleSignature.IPA_GOTHIC;
    private static final float MARGIN = 48;
    private static final float BODY = 8.5f;

    private CertificatePdf() {
    }

    /** The unsealed certificate. */
    static byte[] render(EvidenceStatement s) {
        if (!Files.isReadable(FONT)) {
            throw EvidenceMessage.FONT_MISSING.exception(FONT);
        }
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("締結証明書 / Certificate of Completion " + s.managementNumber());
            info.setCreator("SiteSign");
            info.setCreationDate(calendar(Instant.parse(isoUtc(s.issuedAt()))));
            Writer w = new Writer(doc, PDType0Font.load(doc, FONT.toFile()));
            body(w, s);
            w.close();
            embed(doc, s.toJson());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the certificate", e);
        }
    }

    private static void body(Writer w, EvidenceStatement s) throws IOException {
        w.line("締結証明書", 20);
        w.line("Certificate of Completion", 12);
        w.gap(6);
        EvidenceStatement.Conclusion how = s.conclusion();
        w.text(switch (how) {
            case SIGNED_BY_ALL -> "本書は、下記の契約が SiteSign 上で全当事者の電子署名により締結されたこと、およびその記録を証明します。";
            case SIGNED_AND_ACKNOWLEDGED -> "本書は、下記の契約（送付のみ）が SiteSign 上で送付元の電子署名を付して送付され、"
                    + "受領者が受領を確認したこと、およびその記録を証明します。";
            case SEALED_AND_ACKNOWLEDGED -> "本書は、下記の契約（送付のみ）が送付元の承認を経て SiteSign サーバーの組織の電子印で"
                    + "封印して送付され、受領者が受領を確認したこと、およびその記録を証明します。";
        } + "本書は SiteSign サーバーの封印（電子署名）と時刻認証局のタイムスタンプで保護されています。");
        w.text(switch (how) {
            case SIGNED_BY_ALL -> "This certifies that the contract below was concluded on SiteSign with the electronic"
                    + " signatures of all its parties, and records how.";
            case SIGNED_AND_ACKNOWLEDGED -> "This certifies that the send-only contract below was sent on SiteSign with"
                    + " its sender's electronic signature and that its recipient acknowledged receipt, and records how.";
            case SEALED_AND_ACKNOWLEDGED -> "This certifies that the send-only contract below was approved by its"
                    + " sender, sealed with the SiteSign server's organisation seal and sent, and that its recipient"
                    + " acknowledged receipt, and records how.";
        } + " It is sealed by the SiteSign server and timestamped by a TSA.");
        w.heading("契約 / Contract");
        w.pair("文書管理番号 / Number", s.managementNumber());
        w.pair("契約文書名称 / Title", s.title());
        w.pair("案件 ID / Contract id", s.contractId());
        w.heading("当事者 / Parties");
        for (EvidenceStatement.Party p : s.parties()) {
            w.pair((p.number() == 1 ? "送付元 / Sender" : "当事者 " + p.number() + " / Party " + p.number()),
                    p.name() + "（" + p.companyId() + "）");
        }
        w.heading("文書 / Document");
        w.pair("SHA-256", s.documentSha256());
        w.pair("サイズ / Size", s.documentBytes() + " bytes");
        w.heading("署名とタイムスタンプ / Signatures and timestamps");
        for (EvidenceStatement.StatedSignature sig : s.signatures()) {
            boolean signature = "SIGNATURE".equals(sig.kind());
            w.line((signature ? "署名 / Signature " : "文書タイムスタンプ / Document timestamp ") + sig.number()
                    + "（" + sig.fieldName() + "）", 9.5f);
            w.pair(!signature ? "  時刻認証局 / TSA" : how == EvidenceStatement.Conclusion.SEALED_AND_ACKNOWLEDGED
                    ? "  組織の電子印 / Organisation seal" : "  署名者 / Signer", sig.subject());
            w.pair("  シリアル番号 / Serial", sig.serialNumber());
            w.pair("  発行者 / Issuer", sig.issuer());
            w.pair("  証明された時刻 / Proven time", sig.provenTime() == null ? "—"
                    : display(sig.provenTime()) + "（" + source(sig.timeSource()) + "）");
        }
        w.heading("検証結果 / Verification reports");
        for (Map.Entry<String, String> e : s.entries().entrySet()) {
            w.pair(e.getKey(), "SHA-256 " + e.getValue());
        }
        w.heading("操作履歴（日本時間） / Audit trail (JST)");
        for (EvidenceStatement.StatedEvent e : s.events()) {
            w.text(display(e.time()) + "　" + e.labelJa() + " / " + e.labelEn() + "　" + e.actor()
                    + (e.companyId() == null ? "" : "（" + e.companyId() + "）") + "　"
                    + (e.clientIp() == null ? "—" : e.clientIp()) + "　" + e.outcome() + "　#" + e.sequence());
        }
        w.gap(8);
        w.text("発行 / Issued: " + display(s.issuedAt()) + "　発行先 / Issued for: " + s.issuedFor());
        w.text("この証明書と証拠一式は、SiteSign デスクトップの verify-evidence コマンドでオフラインで検証できます。"
                + " / Verify this certificate and its package offline with the SiteSign desktop's verify-evidence.");
    }

    private static String source(String timeSource) {
        return switch (timeSource) {
            case "SIGNATURE_TIMESTAMP" -> "署名タイムスタンプ / signature timestamp";
            case "DOCUMENT_TIMESTAMP" -> "文書タイムスタンプ / document timestamp";
            default -> timeSource;
        };
    }

    /** "2026-12-07T21:04:05.123+09:00" as "2026-12-07 21:04:05 JST". */
    private static String display(String iso) {
        String t = iso.replace('T', ' ');
        int dot = t.indexOf('.');
        int plus = t.lastIndexOf('+');
        return (dot > 0 ? t.substring(0, dot) : plus > 0 ? t.substring(0, plus) : t) + " JST";
    }

    private static String isoUtc(String jst) {
        return java.time.OffsetDateTime.parse(jst).toInstant().toString();
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar c = new GregorianCalendar(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
        c.setTimeInMillis(at.toEpochMilli());
        return c;
    }

    private static void embed(PDDocument doc, byte[] json) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(EvidenceStatement.ATTACHMENT);
        spec.setFileUnicode(EvidenceStatement.ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("締結証明書の記載データ / the certificate's statement as data");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(EvidenceStatement.ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    /** Writes lines top to bottom, wrapping long text and starting a new A4 page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void heading(String text) throws IOException {
            gap(8);
            line(text, 11);
            gap(2);
        }

        void pair(String label, String value) throws IOException {
            text(label + "：" + (value == null || value.isBlank() ? "—" : value));
        }

        void text(String text) throws IOException {
            for (String part : wrap(printable(text), BODY)) {
                line(part, BODY);
            }
        }

        void line(String text, float size) throws IOException {
            float leading = size * 1.45f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable(text));
            content.endText();
        }

        void gap(float points) {
            y -= points;
        }

        void close() throws IOException {
            content.close();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (current.length() > 0 && font.getStringWidth(current + ch) / 1000 * size > width) {
                    // Latin words break at a space (within the last 30 characters); Japanese anywhere.
                    int space = current.lastIndexOf(" ");
                    boolean word = !ch.isBlank() && space > 0 && current.length() - space < 30
                            && Character.isLetterOrDigit(current.charAt(current.length() - 1));
                    lines.add(word ? current.substring(0, space) : current.toString());
                    String rest = word ? current.substring(space + 1) : "";
                    current.setLength(0);
                    current.append(rest);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
            return lines;
        }

        /** Text the font can show: a character it has no glyph for (or a control character) becomes "?". */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                boolean ok = !Character.isISOControl(cp);
                if (ok) {
                    try {
                        font.encode(ch);
                    } catch (IOException | IllegalArgumentException e) {
                        ok = false;
                    }
                }
                out.append(ok ? ch : "?");
            });
            return out.toString();
        }
    }
}
