package jp.sitesign.model.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class PdfCheckTest {
    private final PdfCheck check = new PdfCheck();

    @Test
    void aGoodPdfPassesWithItsPageCount() {
        assertThat(check.check(TestPdfs.multiPage(3))).isEqualTo(3);
    }

    @Test
    void somethingElseIsNotAPdf() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        assertRefused(png, ErrorCode.INVALID_DOCUMENT, "PDF ファイルではありません");
        assertRefused("hello, world %%EOF".getBytes(StandardCharsets.US_ASCII), ErrorCode.INVALID_DOCUMENT,
                "PDF ファイルではありません");
        assertRefused(new byte[0], ErrorCode.INVALID_DOCUMENT, "空");
    }

    @Test
    void aTruncatedPdfIsRefusedEvenThoughItCouldBeRepaired() {
        byte[] pdf = TestPdfs.multiPage(3);
        assertRefused(Arrays.copyOf(pdf, pdf.length / 2), ErrorCode.INVALID_DOCUMENT, "途中で切れて");
    }

    @Test
    void aDamagedPdfIsRefused() {
        byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertRefused(damaged, ErrorCode.INVALID_DOCUMENT, "読み取れません");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws IOException {
        assertRefused(protect("open-sesame"), ErrorCode.INVALID_DOCUMENT, "パスワード");
    }

    @Test
    void aPermissionProtectedPdfWithoutOpenPasswordIsRefusedToo() throws IOException {
        assertRefused(protect(""), ErrorCode.INVALID_DOCUMENT, "保護");
    }

    @Test
    void aPdfWithoutPagesIsRefused() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            assertRefused(out.toByteArray(), ErrorCode.INVALID_DOCUMENT, "ページ");
        }
    }

    @Test
    void aPdfOverTheLimitIsRefusedAsTooLarge() {
        byte[] pdf = TestPdfs.multiPage(2);
        assertThat(new PdfCheck(pdf.length).check(pdf)).isEqualTo(2);
        assertThatThrownBy(() -> new PdfCheck(pdf.length - 1).check(pdf)).isInstanceOf(SiteSignException.class)
                .satisfies(e -> assertThat(((SiteSignException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    private void assertRefused(byte[] pdf, ErrorCode code, String japanese) {
        assertThatThrownBy(() -> check.check(pdf)).isInstanceOf(SiteSignException.class).satisfies(e -> {
            SiteSignException s = (SiteSignException) e;
            assertThat(s.code()).isEqualTo(code);
            assertThat(s.messageJa()).contains(japanese);
            assertThat(s.messageEn()).isNotBlank();
        });
    }

    private static byte[] protect(String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
