package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.DssContents;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the LTV step must cover for each signature: the signer's chain up to its root and the signature
 * timestamp's TSA chain up to the TSA's root, each built from the certificates the CMS structures carry.
 * The signer and the TSA have different CAs, so each root can only come from its own structure.
 */
class SignatureInventoryTest {
    private static final String PASSWORD = "p12-secret";
    @TempDir
    static Path dir;
    static TestCa signerCa;
    static TestCa tsaCa;
    static TestTsa tsa;
    static Path alice;

    @BeforeAll
    static void casAndTsa() {
        signerCa = TestCa.create("Inventory Signer CA");
        tsaCa = TestCa.create("Inventory TSA CA");
        tsa = TestTsa.start(tsaCa);
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), signerCa, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Test
    void aTimestampedSignatureNeedsTheSignerChainAndTheTsaChainBothProvenAtTheTimestamp() throws Exception {
        byte[] signed = sign(SignatureLevel.B_T);

        List<SignatureInventory.Entry> entries = SignatureInventory.read(signed);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).vriKey()).isEqualTo(DssContents.vriKey(contents(signed)));
        List<SignatureInventory.Chain> chains = entries.get(0).chains();
        assertThat(chains).hasSize(2);
        List<X509Certificate> signerChain = chains.get(0).certificates();
        assertThat(signerChain).hasSize(2);
        assertThat(signerChain.get(0).getSubjectX500Principal().getName()).contains("CN=Alice");
        assertThat(signerChain.get(1)).isEqualTo(signerCa.root());
        assertThat(chains.get(1).certificates()).containsExactlyElementsOf(tsa.chain());
        Instant stamped = chains.get(1).provenAt();
        assertThat(stamped).isNotNull();
        assertThat(chains.get(0).provenAt()).isEqualTo(stamped);
    }

    @Test
    void aSignatureWithoutTimestampIsProvenByNothing() throws Exception {
        byte[] signed = sign(SignatureLevel.B_B);

        List<SignatureInventory.Entry> entries = SignatureInventory.read(signed);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).chains()).hasSize(1);
        assertThat(entries.get(0).chains().get(0).provenAt()).isNull();
        assertThat(entries.get(0).chains().get(0).certificates()).hasSize(2);
    }

    @Test
    void aSignatureWhoseCmsCannotBeReadMakesTheDocumentUnreadable() throws Exception {
        byte[] signed = sign(SignatureLevel.B_B);
        // The CMS starts with a SEQUENCE (30 82 ...); an OCTET STRING in its place is no ContentInfo.
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Contents <3082");
        assertThat(at).isPositive();
        byte[] broken = signed.clone();
        broken[at + "/Contents <".length()] = '0';
        broken[at + "/Contents <".length() + 1] = '4';

        assertThatThrownBy(() -> SignatureInventory.read(broken))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.DOCUMENT_UNREADABLE))
                .hasMessageContaining("a signature's CMS cannot be read");
    }

    @Test
    void theCoveredKeysAreThoseOfTheVri() throws Exception {
        byte[] pdf = TestPdfs.multiPage(1);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(SignatureInventory.coveredKeys(document)).isEmpty();
        }
        byte[] withDss;
        try (PDDocument document = DssWriter.load(pdf)) {
            withDss = DssWriter.append(document, Map.of("AAAA", new ValidationData().addCertificate(new byte[] {1}),
                    "BBBB", new ValidationData()), Instant.parse("2026-12-01T00:00:00Z"));
        }
        try (PDDocument document = Loader.loadPDF(withDss)) {
            assertThat(SignatureInventory.coveredKeys(document)).containsExactlyInAnyOrder("AAAA", "BBBB");
        }
    }

    private static byte[] sign(SignatureLevel level) throws SigningException {
        return new PadesSigner(Clock.systemUTC()).sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice),
                what -> PASSWORD.toCharArray(), SignatureRequest.at(level, "alice", new Rfc3161Client(tsa.url())));
    }

    private static byte[] contents(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getLastSignatureDictionary().getContents();
        }
    }
}
