package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.time.JapanTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures made with PKCS#12 keys, verified: intact and trusted, timestamps and their times, two
 * signers, long-term data, an untrusted and an expired signer. Every "valid" is also pdfsig's verdict.
 */
class PadesVerifierPkcs12Test {
    private static final String PASSWORD = "p12-secret";

    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static Path alice;
    static Path bob;

    private final Clock clock = Clock.systemUTC();
    private final PadesSigner signer = new PadesSigner(clock);
    private final PadesVerifier verifier = new PadesVerifier(List.of(ca.root()), clock);

    @BeforeAll
    static void createKeysAndTsa() {
        ca = TestCa.withRevocation("SiteSign Test Verify CA");
        tsa = TestTsa.start(ca);
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
        bob = Pkcs12Files.write(dir.resolve("bob.p12"), ca, TestCa.ecKeyPair("secp256r1"), "bob", "Bob", PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        tsa.close();
        ca.close();
    }

    @Test
    void basicSignatureIsIntactTrustedAndCoversTheWholeDocument() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(2), alice, "alice", SignatureRequest.basic("alice"));

        VerificationReport report = verifier.verify(signed);

        assertThat(report.signatures()).hasSize(1);
        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.kind()).isEqualTo(SignatureKind.SIGNATURE);
        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.INTACT);
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(signature.identity().subject()).contains("CN=Alice");
        assertThat(signature.identity().chain()).hasSize(2);
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.WHOLE_DOCUMENT);
        assertThat(signature.coverage().revision()).isEqualTo(signature.coverage().revisions()).isEqualTo(2);
        assertThat(signature.timestamp()).isNull();
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.VERIFICATION_TIME);
        assertThat(signature.signingTime().claimed()).isNotNull();
        assertThat(signature.revocation().data()).isEqualTo(RevocationData.NOT_PRESENT);
        assertThat(report.allValid()).isTrue();
        assertThat(IndependentChecks.pdfsigVerdicts(write("basic.pdf", signed))).containsExactly("Signature is Valid.");
    }

    @Test
    void timestampedSignatureReportsTheVerifiedTimestampAsTheSigningTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice",
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));
        Instant after = Instant.now().plusSeconds(1);

        SignatureReport signature = verifier.verify(signed).signatures().get(0);

        assertThat(signature.timestamp().status()).isEqualTo(TimestampStatus.VALID);
        assertThat(signature.timestamp().tsa().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(signature.timestamp().tsa().subject()).contains("SiteSign Test TSA");
        assertThat(signature.timestamp().time()).isBetween(before, after);
        assertThat(signature.signingTime().best()).isEqualTo(signature.timestamp().time());
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.SIGNATURE_TIMESTAMP);
        assertThat(signature.valid()).isTrue();
        Path pdf = write("bt.pdf", signed);
        assertThat(IndependentChecks.pdfsigVerdicts(pdf)).containsExactly("Signature is Valid.");
        assertThat(IndependentChecks.verifyTimestampWithOpenssl(pdf, 0, dir, tsa.chain().toArray(new X509Certificate[0])))
                .contains("Verification: OK");
    }

    @Test
    void twoSignersAreBothValidAndTheFirstSaysALaterSignatureWasAddedWhichIsAllowed() throws Exception {
        byte[] once = sign(TestPdfs.multiPage(2), alice, "alice",
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));
        byte[] twice = sign(once, bob, "bob", SignatureRequest.timestamped("bob", new Rfc3161Client(tsa.url())));

        VerificationReport report = verifier.verify(twice);

        assertThat(report.signatures()).extracting(SignatureReport::valid).containsExactly(true, true);
        Coverage first = report.signatures().get(0).coverage();
        assertThat(first.status()).isEqualTo(CoverageStatus.ALLOWED_ADDITIONS_ONLY);
        assertThat(first.revision()).isEqualTo(2);
        assertThat(first.revisions()).isEqualTo(3);
        assertThat(first.changes()).containsExactly(
                new Change(ChangeKind.LATER_SIGNATURE, null, report.signatures().get(1).fieldName()));
        assertThat(first.changes().get(0).allowed()).isTrue();
        assertThat(report.signatures().get(1).coverage().status()).isEqualTo(CoverageStatus.WHOLE_DOCUMENT);
        assertThat(report.signatures().get(1).identity().subject()).contains("CN=Bob");
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText(Locale.JAPANESE)).contains("後の署名「" + report.signatures().get(1).fieldName() + "」が追加されました（許可）");
        assertThat(IndependentChecks.pdfsigVerdicts(write("two.pdf", twice)))
                .containsExactly("Signature is Valid.", "Signature is Valid.");
    }

    @Test
    void archivedSignatureHasItsDocumentTimestampValidationDataAndRevocationDataReported() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice",
                SignatureRequest.at(SignatureLevel.B_LTA, "alice", new Rfc3161Client(tsa.url())));

        VerificationReport report = verifier.verify(signed);

        assertThat(report.signatures()).extracting(SignatureReport::kind)
                .containsExactly(SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP);
        SignatureReport signature = report.signatures().get(0);
        SignatureReport archive = report.signatures().get(1);
        assertThat(signature.coverage().changes()).extracting(Change::kind)
                .containsExactlyInAnyOrder(ChangeKind.VALIDATION_DATA, ChangeKind.DOCUMENT_TIMESTAMP);
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.ALLOWED_ADDITIONS_ONLY);
        assertThat(signature.revocation().data()).isEqualTo(RevocationData.PRESENT);
        assertThat(signature.revocation().certificates()).singleElement()
                .satisfies(entry -> assertThat(entry.sources()).contains(EmbeddedRevocation.DSS_OCSP));
        assertThat(archive.integrity().status()).isEqualTo(IntegrityStatus.INTACT);
        assertThat(archive.timestamp().provesTime()).isTrue();
        assertThat(archive.identity().subject()).contains("SiteSign Test TSA");
        assertThat(archive.coverage().status()).isEqualTo(CoverageStatus.WHOLE_DOCUMENT);
        assertThat(report.allValid()).isTrue();
        IndependentChecks.assertValidWithDocumentTimestamps(write("lta.pdf", signed), 1, 1, dir,
                tsa.chain().toArray(new X509Certificate[0]));
    }

    @Test
    void signerWithoutAConfiguredAnchorIsIntactButNotTrusted() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice", SignatureRequest.basic("alice"));
        PadesVerifier trustsAnotherCa = new PadesVerifier(List.of(TestCa.create("Some Other CA").root()), clock);

        VerificationReport report = trustsAnotherCa.verify(signed);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.INTACT);
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(signature.identity().detail()).contains("trust anchor");
        assertThat(report.allValid()).isFalse();
        assertThat(new PadesVerifier(List.of(), clock).verify(signed).signatures().get(0).identity().status())
                .isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(report.toText(Locale.JAPANESE))
                .contains("改ざんなし", "信頼できる発行元: いいえ（信頼済みの認証局につながりません）", "総合判定: 無効");
        assertThat(IndependentChecks.pdfsigVerdicts(write("untrusted.pdf", signed))).containsExactly("Signature is Valid.");
    }

    @Test
    void signerWhoseCertificateExpiredBeforeTheTimestampIsIntactButExpired() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant now = Instant.now();
        X509Certificate expired = ca.issueSigner(keys.getPublic(), "Expired Signer",
                now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(30)));
        Path file = Pkcs12Files.write(dir.resolve("expired.p12"), keys, expired, ca.root(), "old", PASSWORD);
        // The signer refuses an expired certificate at its own clock, so the signature claims a time inside the
        // validity (as a signer with a wrong clock would); the timestamp proves it was made later.
        PadesSigner backdated = new PadesSigner(Clock.fixed(now.minus(Duration.ofDays(60)), ZoneOffset.UTC));
        byte[] signed = backdated.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(file), password(),
                SignatureRequest.timestamped("old", new Rfc3161Client(tsa.url())));

        SignatureReport signature = verifier.verify(signed).signatures().get(0);

        assertThat(signature.integrity().intact()).isTrue();
        assertThat(signature.timestamp().provesTime()).isTrue();
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.EXPIRED);
        assertThat(signature.identity().checkedAt()).isEqualTo(signature.timestamp().time());
        assertThat(signature.valid()).isFalse();
        String pdfsig = ExternalTools.run(List.of("pdfsig", write("expired.pdf", signed).toString())).output();
        assertThat(pdfsig).contains("Signature is Valid.");
    }

    @Test
    void jsonAndTextSayTheSameInJstForPeopleAndPrograms() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, "alice",
                SignatureRequest.timestamped("alice", new Rfc3161Client(tsa.url())));
        VerificationReport report = verifier.verify(signed);
        SignatureReport signature = report.signatures().get(0);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("allValid").asBoolean()).isTrue();
        JsonNode first = json.get("signatures").get(0);
        assertThat(first.get("integrity").get("status").asText()).isEqualTo("INTACT");
        assertThat(first.get("identity").get("status").asText()).isEqualTo("TRUSTED");
        assertThat(first.get("coverage").get("status").asText()).isEqualTo("WHOLE_DOCUMENT");
        assertThat(first.get("revocation").get("data").asText()).isEqualTo("NOT_PRESENT");
        assertThat(first.get("timestamp").get("time").asText())
                .isEqualTo(JapanTime.iso(signature.timestamp().time())).endsWith("+09:00");
        assertThat(first.get("valid").asBoolean()).isTrue();

        String stampedAt = JapanTime.display(signature.timestamp().time());
        assertThat(report.toText()).contains("署名 1 (" + signature.fieldName() + "): 改ざんなし", "署名者: Alice",
                "信頼できる発行元: はい", "タイムスタンプ: " + stampedAt + " (検証済み)", "署名後の変更: なし",
                "総合判定: 有効");
        assertThat(report.toText(Locale.ENGLISH)).contains("Signature 1 (" + signature.fieldName() + "): not altered",
                "Signer: Alice", "Trusted issuer: yes", "Timestamp: " + stampedAt + " (verified)",
                "Changes after signing: none", "Overall: VALID");
    }

    @Test
    void anUnsignedDocumentIsNotValid() throws Exception {
        VerificationReport report = verifier.verify(TestPdfs.multiPage(1));

        assertThat(report.signatures()).isEmpty();
        assertThat(report.documentFindings()).extracting(DocumentFinding::kind)
                .containsExactly(DocumentFindingKind.NO_SIGNATURES);
        assertThat(report.allValid()).isFalse();
    }

    private byte[] sign(byte[] pdf, Path keys, String alias, SignatureRequest request) throws Exception {
        return signer.sign(pdf, new Pkcs12KeySource(keys), password(), request);
    }

    private static PinCallback password() {
        return what -> PASSWORD.toCharArray();
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }
}
