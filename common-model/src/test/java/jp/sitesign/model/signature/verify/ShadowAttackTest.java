package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a signature does not cover cannot pass as an allowed addition: bytes appended after the last
 * {@code %%EOF}, an update that changes nothing this reader sees (it is there for readers that read the file
 * differently), and an object filled in for a reference that was missing when the document was signed.
 */
class ShadowAttackTest {
    private static final String PASSWORD = "p12-secret";
    private static final String APPENDED = "\n4 0 obj\n<< /Length 44 >>\nstream\n"
            + "BT /F1 12 Tf 72 770 Td (99,999,999 yen) Tj ET\nendstream\nendobj\n";

    @TempDir
    static Path dir;
    static TestCa ca;
    static Path alice;
    static Path bob;

    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());
    private final PadesVerifier verifier = new PadesVerifier(List.of(ca.root()), Clock.systemUTC());

    @BeforeAll
    static void createKeys() {
        ca = TestCa.create("SiteSign Test Shadow CA");
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
        bob = Pkcs12Files.write(dir.resolve("bob.p12"), ca, TestCa.ecKeyPair("secp256r1"), "bob", "Bob", PASSWORD);
    }

    @Test
    void anObjectAppendedAfterEofIsUnsignedDataNotAnAllowedAddition() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice");
        assertThat(verifier.verify(signed).allValid()).isTrue();

        VerificationReport report = verifier.verify(ShadowUpdates.appended(signed, APPENDED));

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().intact()).as("the signed bytes themselves are untouched").isTrue();
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.DISALLOWED_MODIFICATION);
        assertThat(signature.coverage().disallowedChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.UNSIGNED_DATA);
            assertThat(change.what()).contains("after the end of the last revision");
        });
        assertThat(report.allValid()).isFalse();
        assertThat(report.toText(Locale.JAPANESE)).contains("どの署名にも含まれないデータ");
    }

    @Test
    void anAppendedRevisionThatChangesNothingThisReaderSeesIsUnsignedData() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice");

        SignatureReport signature = verifier.verify(ShadowUpdates.appended(signed, APPENDED + "%%EOF\n"))
                .signatures().get(0);

        assertThat(signature.coverage().disallowedChanges()).extracting(Change::kind)
                .containsExactly(ChangeKind.UNSIGNED_DATA);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void whiteSpaceAfterTheLastEofIsHarmless() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice");

        assertThat(verifier.verify(ShadowUpdates.appended(signed, "\r\n  \n")).allValid()).isTrue();
    }

    @Test
    void anObjectMissingWhenSignedAndFilledInUnderALaterSignatureIsAChangeToTheSignedPage() throws Exception {
        byte[] signed = sign(ShadowUpdates.pageWithMissingContent(999), alice, "alice");
        assertThat(verifier.verify(signed).allValid()).as("a missing object reads as nothing").isTrue();
        byte[] filled = ShadowUpdates.withObject(signed, 999,
                "<< /Length 43 >>\nstream\nBT /F1 12 Tf 72 740 Td (Paid in full.) Tj ET\nendstream");

        VerificationReport report = verifier.verify(sign(filled, bob, "bob"));

        SignatureReport first = report.signatures().get(0);
        assertThat(first.integrity().intact()).isTrue();
        assertThat(first.coverage().disallowedChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.OBJECT_CHANGED);
            assertThat(change.what()).contains("object 999 0").contains("missing when signed");
        });
        assertThat(report.signatures().get(1).valid()).as("the later signer signed what they saw").isTrue();
        assertThat(report.allValid()).isFalse();
    }

    private byte[] sign(byte[] pdf, Path keys, String alias) throws Exception {
        return signer.sign(pdf, new Pkcs12KeySource(keys), what -> PASSWORD.toCharArray(), SignatureRequest.basic(alias));
    }
}
