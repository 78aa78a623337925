package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.testing.DssContents;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestRevocationServer.Behaviour;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * B-LT and B-LTA with keys from PKCS#12 files, against a CA whose OCSP responder and CRL run on
 * loopback; every result checked by pdfsig, qpdf and openssl, and the {@code /DSS} parsed back.
 */
class LongTermSignaturePkcs12Test {
    private static final String PASSWORD = "p12-secret";

    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static Path alice;
    static Path bob;

    private final Clock clock = Clock.systemUTC();
    private final PadesSigner signer = new PadesSigner(clock);

    @BeforeAll
    static void createCaTsaAndKeys() {
        ca = TestCa.withRevocation("SiteSign Test LTV CA");
        tsa = TestTsa.start(ca);
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
        bob = Pkcs12Files.write(dir.resolve("bob.p12"), ca, TestCa.ecKeyPair("secp256r1"), "bob", "Bob", PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        tsa.close();
        ca.close();
    }

    @AfterEach
    void servicesWorkAgain() {
        ca.revocation().ocspBehaves(Behaviour.CORRECT);
        ca.revocation().crlBehaves(Behaviour.CORRECT);
    }

    @Test
    void longTermSignatureIsValidAndItsDssCoversTheSignerAndTsaChainsWithOcsp() throws Exception {
        byte[] original = TestPdfs.multiPage(2);

        byte[] signed = signer.sign(original, new Pkcs12KeySource(alice), password(), request(SignatureLevel.B_LT, "alice"));

        IndependentChecks.assertValid(write("b-lt.pdf", signed), 1);
        assertThat(Arrays.copyOf(signed, original.length)).isEqualTo(original);
        DssContents dss = DssContents.of(signed);
        X509Certificate signerCertificate = certificate(alice, "alice");
        X509Certificate tsaCertificate = tsa.chain().get(0);
        assertThat(dss.certificateSerials()).contains(signerCertificate.getSerialNumber(),
                tsaCertificate.getSerialNumber(), ca.root().getSerialNumber());
        assertThat(dss.ocspSerials()).containsExactlyInAnyOrder(signerCertificate.getSerialNumber(),
                tsaCertificate.getSerialNumber());
        assertThat(dss.ocspResponses()).allSatisfy(response -> assertThat(response.getResponses())
                .allSatisfy(single -> assertThat(single.getCertStatus()).isNull()));
        String key = DssContents.vriKey(IndependentChecks.signatureContents(signed).get(0));
        assertThat(dss.vri()).containsOnlyKeys(key);
        assertThat(dss.vri().get(key).ocspResponses()).isEqualTo(2);
        assertThat(dss.vri().get(key).certificates()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void archiveLevelAddsADocumentTimestampThatOpensslVerifiesOverTheByteRange() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(3), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LTA, "alice"));

        Path pdf = write("b-lta.pdf", signed);
        IndependentChecks.assertValidWithDocumentTimestamps(pdf, 1, 1, dir, tsaChain());
        assertThat(IndependentChecks.verifyDocumentTimestampWithOpenssl(pdf, 1, dir, tsaChain()))
                .contains("Verification: OK");
        assertThat(IndependentChecks.verifyTimestampWithOpenssl(pdf, 0, dir, tsaChain())).contains("Verification: OK");
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).extracting(PDSignature::getSubFilter)
                    .containsExactly("ETSI.CAdES.detached", "ETSI.RFC3161");
        }
    }

    @Test
    void aByteChangedInTheOriginalRevisionAfterArchivingBreaksBothTheSignatureAndTheDocumentTimestamp() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LTA, "alice"));
        // Well inside the first revision, which both the signature and the document timestamp cover.
        signed[20] ^= 0x01;

        Path pdf = write("tampered-lta.pdf", signed);
        assertThat(IndependentChecks.pdfsigVerdicts(pdf)).first().isEqualTo("Digest Mismatch.");
        ExternalTools.Result openssl = IndependentChecks.opensslDocumentTimestampCheck(pdf, 1, dir, tsaChain());
        assertThat(openssl.exitCode()).isNotZero();
        assertThat(openssl.output()).contains("message imprint mismatch");
    }

    @Test
    void twoPartiesAtBtThenOneArchiveTimestampKeepAllSignaturesValidAndCoverBothSigners() throws Exception {
        byte[] once = signer.sign(TestPdfs.multiPage(2), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_T, "alice"));
        byte[] twice = signer.sign(once, new Pkcs12KeySource(bob), password(), request(SignatureLevel.B_T, "bob"));

        byte[] archived = extender().addArchiveTimestamp(twice);

        assertThat(Arrays.copyOf(archived, twice.length)).isEqualTo(twice);
        IndependentChecks.assertValidWithDocumentTimestamps(write("two-parties-lta.pdf", archived), 2, 1, dir, tsaChain());
        DssContents dss = DssContents.of(archived);
        assertThat(dss.ocspSerials()).contains(certificate(alice, "alice").getSerialNumber(),
                certificate(bob, "bob").getSerialNumber(), tsa.chain().get(0).getSerialNumber());
        List<byte[]> contents = IndependentChecks.signatureContents(twice);
        assertThat(dss.vri()).containsOnlyKeys(DssContents.vriKey(contents.get(0)), DssContents.vriKey(contents.get(1)));
    }

    @Test
    void renewingTheArchiveTimestampAddsValidationDataForThePreviousOneAndANewTimestamp() throws Exception {
        byte[] archived = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LTA, "alice"));

        byte[] renewed = extender().addArchiveTimestamp(archived);

        assertThat(Arrays.copyOf(renewed, archived.length)).isEqualTo(archived);
        Path pdf = write("renewed.pdf", renewed);
        IndependentChecks.assertValidWithDocumentTimestamps(pdf, 1, 2, dir, tsaChain());
        List<byte[]> contents = IndependentChecks.signatureContents(renewed);
        assertThat(DssContents.of(renewed).vri()).containsOnlyKeys(
                DssContents.vriKey(contents.get(0)), DssContents.vriKey(contents.get(1)));
    }

    @Test
    void whenTheOcspResponderIsDownTheCrlFromTheDistributionPointIsUsed() throws Exception {
        ca.revocation().ocspBehaves(Behaviour.HTTP_ERROR);

        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LT, "alice"));

        IndependentChecks.assertValid(write("crl-fallback.pdf", signed), 1);
        DssContents dss = DssContents.of(signed);
        assertThat(dss.ocspResponses()).isEmpty();
        // The signer's and the TSA's certificates each fetch the CRL; issued in different seconds, two
        // copies of the root's CRL may land in the DSS. Both must be the root's.
        assertThat(dss.crls()).isNotEmpty()
                .allSatisfy(crl -> assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.root().getSubjectX500Principal()));
    }

    @Test
    void whenNeitherOcspNorCrlCanBeHadSigningFailsNamingBothServers() {
        ca.revocation().ocspBehaves(Behaviour.HTTP_ERROR);
        ca.revocation().crlBehaves(Behaviour.HTTP_ERROR);

        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LT, "alice")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.REVOCATION_UNAVAILABLE);
                    for (String message : List.of(e.messageJa(), e.messageEn())) {
                        assertThat(message).contains(ca.revocation().ocspUrl().toString(),
                                ca.revocation().crlUrl().toString(), "HTTP 503", "CN=Alice");
                    }
                    assertThat(e.messageJa()).contains("失効情報を取得できませんでした");
                });
    }

    @Test
    void anOcspAnswerToAnotherRequestIsNotUsed() {
        ca.revocation().ocspBehaves(Behaviour.WRONG_NONCE);
        ca.revocation().crlBehaves(Behaviour.HTTP_ERROR);

        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                request(SignatureLevel.B_LT, "alice")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.REVOCATION_UNAVAILABLE);
                    assertThat(e.messageEn()).contains(ca.revocation().ocspUrl().toString(), "nonce");
                });
    }

    @Test
    void aRevokedSignerCertificateFailsLongTermSigningWhetherOcspOrTheCrlSaysSo() {
        Path carol = Pkcs12Files.write(dir.resolve("carol.p12"), ca, TestCa.rsaKeyPair(2048), "carol", "Carol", PASSWORD);
        ca.revoke(certificateUnchecked(carol, "carol"));

        for (Behaviour ocsp : List.of(Behaviour.CORRECT, Behaviour.HTTP_ERROR)) {
            ca.revocation().ocspBehaves(ocsp);
            assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(carol), password(),
                    request(SignatureLevel.B_LT, "carol")))
                    .as("OCSP %s", ocsp)
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.error()).isEqualTo(SigningError.CERTIFICATE_REVOKED);
                        assertThat(e.messageEn()).contains("CN=Carol", "KEY_COMPROMISE", "revoked");
                        assertThat(e.messageJa()).contains("CN=Carol", "失効しています");
                    });
        }
    }

    @Test
    void aCertificateRevokedAfterTheSignatureTimestampDoesNotStopTheArchiveTimestampAndItsStatusIsStoredAsItIs()
            throws Exception {
        Path dave = Pkcs12Files.write(dir.resolve("dave.p12"), ca, TestCa.rsaKeyPair(2048), "dave", "Dave", PASSWORD);
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(dave), password(),
                request(SignatureLevel.B_T, "dave"));
        X509Certificate daveCertificate = certificate(dave, "dave");
        ca.revoke(daveCertificate, java.time.Instant.now().plusSeconds(1));

        byte[] archived = extender().addArchiveTimestamp(signed);

        IndependentChecks.assertValidWithDocumentTimestamps(write("revoked-later.pdf", archived), 1, 1, dir, tsaChain());
        assertThat(DssContents.of(archived).ocspResponses())
                .flatExtracting(response -> List.of(response.getResponses()))
                .filteredOn(single -> single.getCertID().getSerialNumber().equals(daveCertificate.getSerialNumber()))
                .singleElement()
                .satisfies(single -> assertThat(single.getCertStatus())
                        .isInstanceOf(org.bouncycastle.cert.ocsp.RevokedStatus.class));
    }

    @Test
    void aCertificateRevokedBeforeTheSignatureTimestampStopsTheArchiveTimestamp() throws Exception {
        Path erin = Pkcs12Files.write(dir.resolve("erin.p12"), ca, TestCa.rsaKeyPair(2048), "erin", "Erin", PASSWORD);
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(erin), password(),
                request(SignatureLevel.B_T, "erin"));
        ca.revoke(certificate(erin, "erin"), java.time.Instant.now().minusSeconds(3600));

        assertThatThrownBy(() -> extender().addArchiveTimestamp(signed))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.CERTIFICATE_REVOKED));
    }

    @Test
    void extendingAnUnsignedDocumentIsRefused() {
        assertThatThrownBy(() -> extender().addArchiveTimestamp(TestPdfs.multiPage(1)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.NOT_SIGNED));
    }

    private PadesExtender extender() {
        return new PadesExtender(new RevocationFetcher(clock), new Rfc3161Client(tsa.url()), clock);
    }

    private static X509Certificate certificateUnchecked(Path p12, String alias) {
        try {
            return certificate(p12, alias);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignatureRequest request(SignatureLevel level, String alias) {
        return SignatureRequest.at(level, alias, new Rfc3161Client(tsa.url()));
    }

    private static X509Certificate[] tsaChain() {
        return tsa.chain().toArray(new X509Certificate[0]);
    }

    private static X509Certificate certificate(Path p12, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }

    private static PinCallback password() {
        return what -> PASSWORD.toCharArray();
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }
}
