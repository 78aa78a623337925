package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing with keys from PKCS#12 files, checked by pdfsig, qpdf and openssl. */
class PadesSignerPkcs12Test {
    private static final String PASSWORD = "p12-secret";
    private static final Instant SIGNING_TIME = Instant.parse("2025-04-01T01:02:03Z");

    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static Path alice;
    static Path bob;

    private final PadesSigner signer = new PadesSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));

    @BeforeAll
    static void createKeysAndTsa() {
        ca = TestCa.create("SiteSign Test P12 CA");
        tsa = TestTsa.start(ca);
        alice = Pkcs12Files.writeValidSince(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice",
                PASSWORD, SIGNING_TIME.minus(Duration.ofDays(1)));
        bob = Pkcs12Files.writeValidSince(dir.resolve("bob.p12"), ca, TestCa.ecKeyPair("secp384r1"), "bob", "Bob",
                PASSWORD, SIGNING_TIME.minus(Duration.ofDays(1)));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Test
    void basicSignatureIsValidForPdfsigAndQpdfAndOnlyAppendsToTheOriginal() throws Exception {
        byte[] original = TestPdfs.multiPage(3);

        byte[] signed = signer.sign(original, new Pkcs12KeySource(alice), password(), SignatureRequest.basic("alice")
                .withInfo(new SignatureAppearanceInfo("Alice", "契約締結のため", "東京")));

        IndependentChecks.assertValid(write("basic.pdf", signed), 1);
        assertThat(Arrays.copyOf(signed, original.length)).as("earlier revision untouched").isEqualTo(original);
    }

    @Test
    void cmsHasThePadesSignedAttributesTheFullChainAndTheTimeOnlyInTheDictionary() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice"));

        byte[] contents = IndependentChecks.signatureContents(signed).get(0);
        SignerInformation info = IndependentChecks.signer(contents);
        assertThat(info.getSignedAttributes().get(CMSAttributes.contentType)).isNotNull();
        assertThat(info.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
        assertThat(IndependentChecks.signedData(contents).getCertificates().getMatches(null)).hasSize(2);
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNING_TIME);
        }
    }

    @Test
    void timestampedSignatureCarriesATokenThatOpensslVerifies() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(2), new Pkcs12KeySource(alice), password(),
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));

        Path pdf = write("bt.pdf", signed);
        IndependentChecks.assertValid(pdf, 1);
        assertThat(IndependentChecks.verifyTimestampWithOpenssl(pdf, 0, dir, tsa.chain().toArray(new java.security.cert.X509Certificate[0])))
                .contains("Verification: OK");
    }

    @Test
    void twoSignersOneAfterTheOtherLeaveBothSignaturesValid() throws Exception {
        byte[] once = signer.sign(TestPdfs.multiPage(2), new Pkcs12KeySource(alice), password(),
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));
        byte[] twice = signer.sign(once, new Pkcs12KeySource(bob), password(),
                SignatureRequest.timestamped("bob", new Rfc3161Client(tsa.url())));

        assertThat(Arrays.copyOf(twice, once.length)).isEqualTo(once);
        IndependentChecks.assertValid(write("two.pdf", twice), 2);
    }

    @Test
    void aFlippedByteInsideTheSignedRangeIsADigestMismatchForPdfsig() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(2), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice"));
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int inPageText = text.indexOf("Construction contract");
        int position = inPageText >= 0 ? inPageText : 20;
        signed[position] ^= 0x01;

        assertThat(IndependentChecks.pdfsigVerdicts(write("flipped.pdf", signed))).containsExactly("Digest Mismatch.");
    }

    @Test
    void rsaPssSignatureIsValidForPdfsig() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice").withPadding(RsaPadding.PSS));

        IndependentChecks.assertValid(write("pss.pdf", signed), 1);
        assertThat(IndependentChecks.signer(IndependentChecks.signatureContents(signed).get(0)).getEncryptionAlgOID())
                .isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
    }

    @Test
    void aTooSmallReservationIsRetriedWithTheRealSize() throws Exception {
        PadesSigner stingy = new PadesSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC), 0);

        byte[] signed = stingy.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));

        IndependentChecks.assertValid(write("retried.pdf", signed), 1);
    }

    @Test
    void wrongPasswordIsAClearError() {
        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice),
                what -> "wrong".toCharArray(), SignatureRequest.basic("alice")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN);
                    assertThat(e.messageJa()).contains("PIN");
                    assertThat(e.messageEn()).contains("incorrect");
                });
    }

    @Test
    void unknownAliasIsAClearError() {
        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("carol")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.KEY_NOT_FOUND);
                    assertThat(e.messageEn()).contains("carol");
                });
    }

    @Test
    void aBlankAliasSignsWithTheOnlyKeyOnTheSource() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(bob), password(),
                SignatureRequest.basic(""));

        IndependentChecks.assertValid(write("only-key.pdf", signed), 1);
        byte[] contents = IndependentChecks.signatureContents(signed).get(0);
        @SuppressWarnings("unchecked")
        java.util.Collection<X509CertificateHolder> certificates = IndependentChecks.signedData(contents)
                .getCertificates().getMatches(IndependentChecks.signer(contents).getSID());
        assertThat(certificates).singleElement()
                .satisfies(holder -> assertThat(holder.getSubject().toString()).contains("CN=Bob"));
    }

    @Test
    void aBlankAliasOnASourceWithSeveralKeysNamesThemInsteadOfGuessing() throws Exception {
        Path both = dir.resolve("both.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Path file : List.of(alice, bob)) {
            KeyStore one = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(file)) {
                one.load(in, PASSWORD.toCharArray());
            }
            String alias = one.aliases().nextElement();
            store.setKeyEntry(alias, one.getKey(alias, PASSWORD.toCharArray()), PASSWORD.toCharArray(),
                    one.getCertificateChain(alias));
        }
        try (var out = Files.newOutputStream(both)) {
            store.store(out, PASSWORD.toCharArray());
        }

        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(both), password(),
                SignatureRequest.basic("")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.KEY_NOT_FOUND);
                    assertThat(e.messageEn()).contains("alice", "bob");
                });
    }

    @Test
    void aCertificateNotValidAtTheSigningTimeIsRefusedBeforeAnythingIsSigned() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Path expired = Pkcs12Files.write(dir.resolve("expired.p12"), keys, ca.issueSigner(keys.getPublic(), "Old",
                SIGNING_TIME.minus(Duration.ofDays(400)), SIGNING_TIME.minus(Duration.ofDays(1))), ca.root(), "old",
                PASSWORD);
        Path future = Pkcs12Files.write(dir.resolve("future.p12"), keys, ca.issueSigner(keys.getPublic(), "New",
                SIGNING_TIME.plus(Duration.ofDays(1)), SIGNING_TIME.plus(Duration.ofDays(400))), ca.root(), "new",
                PASSWORD);

        for (Path file : List.of(expired, future)) {
            assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(file), password(),
                    SignatureRequest.basic("")))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.error()).isEqualTo(SigningError.CERTIFICATE_EXPIRED);
                        assertThat(e.messageJa()).contains("有効期間外");
                        assertThat(e.messageEn()).contains(file == expired ? "CN=Old" : "CN=New");
                    });
        }
    }

    @Test
    void documentCertifiedWithoutChangesIsRefusedBeforeThePinIsAsked() {
        PinCallback mustNotBeAsked = what -> {
            throw new AssertionError("PIN asked for a document that cannot be signed");
        };

        assertThatThrownBy(() -> signer.sign(TestPdfs.certifiedWithPermission(1), new Pkcs12KeySource(alice),
                mustNotBeAsked, SignatureRequest.basic("alice")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.DOCUMENT_LOCKED));
    }

    @Test
    void documentCertifiedForFormFillingAndSigningCanBeSigned() throws Exception {
        byte[] signed = signer.sign(TestPdfs.certifiedWithPermission(2), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice"));

        assertThat(IndependentChecks.pdfsigVerdicts(write("certified-p2.pdf", signed))).containsExactly("Signature is Valid.");
    }

    @Test
    void unreachableTsaFailsTheSigningAndNamesTheTsa() {
        String deadUrl = "http://127.0.0.1:9/tsa";

        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.timestamped("alice", new Rfc3161Client(java.net.URI.create(deadUrl)))))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.TIMESTAMP_FAILED);
                    assertThat(e.messageJa()).contains(deadUrl);
                    assertThat(e.messageEn()).contains(deadUrl);
                });
    }

    private static PinCallback password() {
        return what -> PASSWORD.toCharArray();
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }

}
