package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document that cannot be verified says why — encrypted, not a PDF, damaged — so screens can say it in words. */
class UnreadableDocumentTest {
    private final PadesVerifier verifier = new PadesVerifier(List.of(), Clock.systemUTC());

    @Test
    void bytesThatAreNoPdfAreNotPdf() {
        assertReason("not a pdf at all".getBytes(StandardCharsets.US_ASCII), VerificationException.Reason.NOT_PDF);
        assertReason(new byte[0], VerificationException.Reason.NOT_PDF);
    }

    @Test
    void aPdfCutShortIsDamaged() {
        byte[] pdf = TestPdfs.multiPage(1);
        assertReason(Arrays.copyOf(pdf, 40), VerificationException.Reason.DAMAGED);
    }

    @Test
    void aPdfEncryptedWithOrWithoutAnOpenPasswordIsEncrypted() throws Exception {
        assertReason(encrypted(""), VerificationException.Reason.ENCRYPTED);
        assertReason(encrypted("open-me"), VerificationException.Reason.ENCRYPTED);
    }

    private void assertReason(byte[] pdf, VerificationException.Reason reason) {
        assertThatThrownBy(() -> verifier.verify(pdf)).isInstanceOfSatisfying(VerificationException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] encrypted(String userPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(TestPdfs.multiPage(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }
}
