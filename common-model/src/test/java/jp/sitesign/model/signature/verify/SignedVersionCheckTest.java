package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version signed by upload is its base plus exactly one incremental update that the new signature covers
 * to the last byte and that holds the signature and nothing else a reader would show.
 */
class SignedVersionCheckTest {
    private static final String PASSWORD = "p12-secret";

    @TempDir
    static Path dir;
    static TestCa ca;
    static Path alice;
    static Path bob;

    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());
    private final SignedVersionCheck check = new SignedVersionCheck(new PadesVerifier(List.of(ca.root()),
            Clock.systemUTC()));

    @BeforeAll
    static void createKeys() {
        ca = TestCa.create("SiteSign Test Upload CA");
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
        bob = Pkcs12Files.write(dir.resolve("bob.p12"), ca, TestCa.rsaKeyPair(2048), "bob", "Bob", PASSWORD);
    }

    @Test
    void theBasePlusOneSignatureIsAccepted() throws Exception {
        byte[] base = TestPdfs.multiPage(2);
        byte[] once = sign(base, alice, "alice");

        assertThat(check.check(base, once).identity().subject()).contains("CN=Alice");
        assertThat(check.check(once, sign(once, bob, "bob")).identity().subject()).contains("CN=Bob");
    }

    @Test
    void bytesAppendedAfterTheNewSignatureAreRefused() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = ShadowUpdates.appended(sign(base, alice, "alice"), "\n7 0 obj\n(unsigned)\nendobj\n");

        assertRefused(base, signed, ErrorCode.INVALID_SIGNATURE, "文書全体を覆っていません");
    }

    @Test
    void aSecondUpdateAfterTheSignatureUpdateIsRefusedEvenIfItLooksHarmless() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = sign(base, alice, "alice");
        byte[] rewritten;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ShadowUpdates.pageTextRewritten("Contract amount: 99,999,999 yen").apply(document);
            document.saveIncremental(out);
            rewritten = out.toByteArray();
        }

        assertRefused(base, rewritten, ErrorCode.INVALID_SIGNATURE, "1 回だけ");
    }

    @Test
    void theFirstSignatureCannotBringAChangedPageWithItInItsOwnUpdate() {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signedAndChanged = ShadowUpdates.signedWithin(base, alice, PASSWORD, "alice",
                ShadowUpdates.pageTextRewritten("Contract amount: 99,999,999 yen"));

        assertRefused(base, signedAndChanged, ErrorCode.INVALID_SIGNATURE, "署名以外の変更");
        assertThatThrownBy(() -> check.check(base, signedAndChanged)).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.messageEn()).contains("the content of page 1 was changed"));
    }

    @Test
    void aVersionTooComplexToReadIsRefusedAsSuch() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = sign(base, alice, "alice");
        SignedVersionCheck hurried = new SignedVersionCheck(new PadesVerifier(List.of(ca.root()), Clock.systemUTC(),
                PdfLimits.DEFAULT.withTimeout(Duration.ZERO)));

        assertThatThrownBy(() -> hurried.check(base, signed)).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX));
    }

    private void assertRefused(byte[] base, byte[] signed, ErrorCode code, String japanese) {
        assertThatThrownBy(() -> check.check(base, signed)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageJa()).contains(japanese);
            assertThat(e.messageEn()).isNotBlank();
        });
    }

    private byte[] sign(byte[] pdf, Path keys, String alias) throws Exception {
        return signer.sign(pdf, new Pkcs12KeySource(keys), what -> PASSWORD.toCharArray(), SignatureRequest.basic(alias));
    }
}
