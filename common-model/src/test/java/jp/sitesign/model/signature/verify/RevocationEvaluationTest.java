package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.PadesExtender;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.testing.DssAppender;
import jp.sitesign.model.signature.testing.DssContents;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestRevocationServer.Behaviour;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier weighs the OCSP responses and CRLs a document embeds: a certificate revoked at or before
 * the proven signing time makes the signature invalid, one revoked later does not, and data that is not
 * signed by the issuer (or a responder it authorised) is set aside and reported, never believed. Signed
 * with the real B-T/B-LT path; data the signer refuses to embed is appended to {@code /DSS} as any tool could.
 */
class RevocationEvaluationTest {
    private static final String PASSWORD = "p12-secret";

    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static Path alice;

    private final Clock clock = Clock.systemUTC();
    private final PadesSigner signer = new PadesSigner(clock);
    private final PadesVerifier verifier = new PadesVerifier(List.of(ca.root()), clock);

    @BeforeAll
    static void createCaTsaAndKeys() {
        ca = TestCa.withRevocation("SiteSign Test Revocation CA");
        tsa = TestTsa.start(ca);
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
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
    void aLongTermSignatureWhoseSignerAndTsaAreGoodIsValidAndSaysSoPerCertificate() throws Exception {
        byte[] signed = sign(alice, "alice", SignatureLevel.B_LT);

        VerificationReport report = verifier.verify(signed);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.revocation().data()).isEqualTo(RevocationData.PRESENT);
        assertThat(signature.revocation().certificates()).singleElement().satisfies(alice -> {
            assertThat(alice.subject()).contains("CN=Alice");
            assertThat(alice.status()).isEqualTo(RevocationStatus.GOOD);
            assertThat(alice.judgedAt()).isEqualTo(signature.timestamp().time());
            assertThat(alice.evidence().kind()).isEqualTo(RevocationKind.OCSP);
            assertThat(alice.evidence().source()).isEqualTo(EmbeddedRevocation.DSS_OCSP);
            assertThat(alice.evidence().issuedAt()).isAfterOrEqualTo(signature.timestamp().time());
            assertThat(alice.ignored()).isEmpty();
        });
        assertThat(signature.timestamp().tsaRevocation().certificates()).singleElement()
                .satisfies(tsaCertificate -> {
                    assertThat(tsaCertificate.subject()).contains("SiteSign Test TSA");
                    assertThat(tsaCertificate.status()).isEqualTo(RevocationStatus.GOOD);
                });
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText()).contains("失効確認: 失効していません", "失効確認 Alice: 失効していません（OCSP、",
                "失効確認 タイムスタンプ発行元 SiteSign Test TSA: 失効していません", "総合判定: 有効");
        assertThat(report.toText(Locale.ENGLISH)).contains("Revocation: not revoked",
                "Revocation of Alice: not revoked (OCSP, information as of");
        assertThat(report.toText()).as("the answers were fetched after the timestamp").doesNotContain("より前のもの");
        JsonNode entry = new ObjectMapper().readTree(report.toJson()).get("signatures").get(0)
                .get("revocation").get("certificates").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("GOOD");
        assertThat(entry.get("evidence").get("kind").asText()).isEqualTo("OCSP");
        assertThat(entry.get("judgedAt").asText()).endsWith("+09:00");
    }

    @Test
    void aSignerRevokedBeforeAnUntimestampedSignatureMakesItInvalidWithTheTimeAndReason() throws Exception {
        Path carol = keys("carol", "Carol");
        X509Certificate carolCertificate = certificate(carol, "carol");
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(30));
        ca.revoke(carolCertificate, revokedAt);
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = signer.sign(base, new Pkcs12KeySource(carol), password(), SignatureRequest.basic("carol"));
        byte[] withOcsp = DssAppender.ocspResponses(signed, ca.revocation().ocspResponse(carolCertificate));

        VerificationReport report = verifier.verify(withOcsp);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().intact()).isTrue();
        assertThat(signature.identity().trusted()).as("the chain itself is fine; only its revocation is not").isTrue();
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.ALLOWED_ADDITIONS_ONLY);
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.VERIFICATION_TIME);
        CertificateRevocation entry = signature.revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(entry.evidence().revokedAt()).isEqualTo(revokedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(entry.evidence().reason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(signature.revocation().anyRevoked()).isTrue();
        assertThat(signature.valid()).isFalse();
        assertThat(report.allValid()).isFalse();
        assertThat(report.toText()).contains("失効確認: 失効した証明書があります", "失効確認 Carol: 失効しています（",
                "理由: 秘密鍵の危殆化", "既に失効していたため、信頼できません", "総合判定: 無効");
        assertThat(report.toText(Locale.ENGLISH)).contains("Revocation of Carol: REVOKED on", "reason: key compromise",
                "Overall: INVALID");
        // Uploaded, the answer must come in the signature's own update (one update is all an upload may add).
        byte[] signedWithOcsp = ShadowUpdates.signedWithin(base, carol, PASSWORD, "carol",
                document -> DssAppender.addTo(document, List.of(ca.revocation().ocspResponse(carolCertificate)), List.of()));
        assertThatThrownBy(() -> new SignedVersionCheck(verifier).check(base, signedWithOcsp))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
                    assertThat(e.messageJa()).contains("失効しています");
                    assertThat(e.messageEn()).contains("REVOKED");
                });
        assertThat(IndependentChecks.pdfsigVerdicts(Files.write(dir.resolve("revoked-bb.pdf"), withOcsp)))
                .as("the bytes are intact; only the revocation makes it invalid").containsExactly("Signature is Valid.");
    }

    @Test
    void aGoodAnswerOlderThanTheSigningTimeStillCountsButTheReportSaysItPredatesTheSignature() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice"));
        byte[] withOcsp = DssAppender.ocspResponses(signed, ca.revocation().ocspResponse(certificate(alice, "alice")));

        VerificationReport report = verifier.verify(withOcsp);

        CertificateRevocation entry = report.signatures().get(0).revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(entry.evidence().issuedAt()).isBefore(entry.judgedAt());
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText()).contains("失効確認 Alice: 失効していません（OCSP、", "署名時点の状態までは確かめられていません");
        assertThat(report.toText(Locale.ENGLISH)).contains("so the status at signing is not proven");
    }

    @Test
    void aSignerRevokedBeforeItsSignatureTimestampIsRevokedAtTheTimestampedTime() throws Exception {
        Path erin = keys("erin", "Erin");
        X509Certificate erinCertificate = certificate(erin, "erin");
        ca.revoke(erinCertificate, Instant.now().minus(Duration.ofMinutes(30)));
        byte[] signed = sign(erin, "erin", SignatureLevel.B_T);
        byte[] withOcsp = DssAppender.ocspResponses(signed, ca.revocation().ocspResponse(erinCertificate));

        SignatureReport signature = verifier.verify(withOcsp).signatures().get(0);

        assertThat(signature.timestamp().provesTime()).isTrue();
        CertificateRevocation entry = signature.revocation().certificates().get(0);
        assertThat(entry.judgedAt()).isEqualTo(signature.timestamp().time());
        assertThat(entry.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void aSignerRevokedAfterItsSignatureTimestampStaysValidAndTheReportSaysRevokedAfterSigning() throws Exception {
        Path dave = keys("dave", "Dave");
        byte[] signed = sign(dave, "dave", SignatureLevel.B_T);
        ca.revoke(certificate(dave, "dave"), Instant.now().plusSeconds(1));
        byte[] longTerm = extender().addValidationData(signed);

        VerificationReport report = verifier.verify(longTerm);

        SignatureReport signature = report.signatures().get(0);
        CertificateRevocation entry = signature.revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.REVOKED_AFTER_SIGNING);
        assertThat(entry.evidence().revokedAt()).isAfter(signature.timestamp().time());
        assertThat(entry.evidence().reason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(signature.revocation().anyRevoked()).isFalse();
        assertThat(signature.valid()).isTrue();
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText()).contains("失効確認: 署名後に失効した証明書があります（署名は有効）",
                "失効確認 Dave: 署名後に失効しました（", "署名は有効です", "総合判定: 有効");
        assertThat(report.toText(Locale.ENGLISH)).contains("Revocation of Dave: revoked after signing",
                "so the signature stays valid");
    }

    @Test
    void aForgedOcspResponseSayingRevokedIsIgnoredAndReportedAndTheSignatureStaysValid() throws Exception {
        byte[] signed = sign(alice, "alice", SignatureLevel.B_LT);
        KeyPair forger = TestCa.rsaKeyPair(2048);
        byte[] forged = RevocationItems.ocsp(certificate(alice, "alice"), ca.root(),
                RevocationItems.revoked(Instant.now().minus(Duration.ofDays(1))), forger.getPrivate(), null);
        byte[] tampered = DssAppender.ocspResponses(signed, forged);
        assertThat(DssContents.of(tampered).ocspResponses()).hasSize(DssContents.of(signed).ocspResponses().size() + 1);

        VerificationReport report = verifier.verify(tampered);

        CertificateRevocation entry = report.signatures().get(0).revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(entry.ignored()).singleElement().satisfies(ignored -> {
            assertThat(ignored.kind()).isEqualTo(RevocationKind.OCSP);
            assertThat(ignored.source()).isEqualTo(EmbeddedRevocation.DSS_OCSP);
            assertThat(ignored.reason()).isEqualTo(IgnoredRevocation.Reason.NOT_SIGNED_BY_ISSUER);
        });
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText()).contains(
                "！信頼できない失効情報（OCSP、DSS OCSP）を無視しました: 発行元の認証局の署名がありません（偽造の可能性があります）");
        assertThat(report.toText(Locale.ENGLISH)).contains("untrusted revocation data (OCSP, DSS OCSP) was ignored");
        JsonNode json = new ObjectMapper().readTree(report.toJson()).get("signatures").get(0)
                .get("revocation").get("certificates").get(0);
        assertThat(json.get("ignored").get(0).get("reason").asText()).isEqualTo("NOT_SIGNED_BY_ISSUER");
    }

    @Test
    void aForgedGoodAnswerDoesNotMakeARevokedSignerGood() throws Exception {
        Path grace = keys("grace", "Grace");
        X509Certificate graceCertificate = certificate(grace, "grace");
        ca.revoke(graceCertificate, Instant.now().minus(Duration.ofMinutes(30)));
        byte[] signed = sign(grace, "grace", SignatureLevel.B_T);
        TestCa otherCa = TestCa.create("Unrelated CA");
        KeyPair responderKeys = TestCa.rsaKeyPair(2048);
        X509Certificate foreignResponder = otherCa.issueOcspResponder(responderKeys.getPublic(), "Foreign Responder");
        byte[] forgedGood = RevocationItems.ocsp(graceCertificate, ca.root(), RevocationItems.good(),
                responderKeys.getPrivate(), foreignResponder);

        SignatureReport alone = verifier.verify(DssAppender.ocspResponses(signed, forgedGood)).signatures().get(0);
        SignatureReport withTheRealAnswer = verifier.verify(DssAppender.ocspResponses(signed, forgedGood,
                ca.revocation().ocspResponse(graceCertificate))).signatures().get(0);

        CertificateRevocation onlyForged = alone.revocation().certificates().get(0);
        assertThat(onlyForged.status()).isEqualTo(RevocationStatus.NOT_CHECKED);
        assertThat(onlyForged.data()).isEqualTo(RevocationData.NOT_PRESENT);
        assertThat(onlyForged.ignored()).singleElement().satisfies(ignored -> {
            assertThat(ignored.reason()).isEqualTo(IgnoredRevocation.Reason.RESPONDER_NOT_AUTHORISED);
            assertThat(ignored.detail()).contains("Foreign Responder", "not certified by");
        });
        assertThat(withTheRealAnswer.revocation().certificates().get(0).status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(withTheRealAnswer.valid()).isFalse();
    }

    @Test
    void aResponderTheIssuerAuthorisedForOcspIsTrustedAndOneWithoutOcspSigningIsNot() throws Exception {
        Path heidi = keys("heidi", "Heidi");
        X509Certificate heidiCertificate = certificate(heidi, "heidi");
        byte[] signed = sign(heidi, "heidi", SignatureLevel.B_T);
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(30));
        KeyPair delegatedKeys = TestCa.rsaKeyPair(2048);
        X509Certificate delegated = ca.issueOcspResponder(delegatedKeys.getPublic(), "Delegated Responder");
        KeyPair plainKeys = TestCa.rsaKeyPair(2048);
        X509Certificate plain = ca.issueSigner(plainKeys.getPublic(), "Not A Responder");

        SignatureReport byDelegated = verifier.verify(DssAppender.ocspResponses(signed, RevocationItems.ocsp(
                heidiCertificate, ca.root(), RevocationItems.revoked(revokedAt), delegatedKeys.getPrivate(), delegated)))
                .signatures().get(0);
        SignatureReport byPlain = verifier.verify(DssAppender.ocspResponses(signed, RevocationItems.ocsp(
                heidiCertificate, ca.root(), RevocationItems.revoked(revokedAt), plainKeys.getPrivate(), plain)))
                .signatures().get(0);

        assertThat(byDelegated.revocation().certificates().get(0).status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(byDelegated.valid()).isFalse();
        CertificateRevocation unauthorised = byPlain.revocation().certificates().get(0);
        assertThat(unauthorised.status()).isEqualTo(RevocationStatus.NOT_CHECKED);
        assertThat(unauthorised.ignored()).singleElement().satisfies(ignored -> {
            assertThat(ignored.reason()).isEqualTo(IgnoredRevocation.Reason.RESPONDER_NOT_AUTHORISED);
            assertThat(ignored.detail()).contains("OCSPSigning");
        });
        assertThat(byPlain.valid()).isTrue();
    }

    @Test
    void withOnlyACrlEmbeddedTheSignerIsCheckedAgainstTheCrl() throws Exception {
        ca.revocation().ocspBehaves(Behaviour.HTTP_ERROR);
        byte[] signed = sign(alice, "alice", SignatureLevel.B_LT);
        assertThat(DssContents.of(signed).ocspResponses()).isEmpty();

        VerificationReport report = verifier.verify(signed);

        CertificateRevocation entry = report.signatures().get(0).revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(entry.evidence().kind()).isEqualTo(RevocationKind.CRL);
        assertThat(entry.sources()).containsExactly(EmbeddedRevocation.DSS_CRL);
        assertThat(report.allValid()).isTrue();
        assertThat(report.toText()).contains("失効確認 Alice: 失効していません（CRL、");
    }

    @Test
    void aCrlListingTheSignerBeforeSigningMakesTheSignatureInvalidAndAForgedCrlIsIgnored() throws Exception {
        Path frank = keys("frank", "Frank");
        X509Certificate frankCertificate = certificate(frank, "frank");
        byte[] signed = sign(frank, "frank", SignatureLevel.B_T);
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(30));
        KeyPair forger = TestCa.rsaKeyPair(2048);
        byte[] forgedCrl = RevocationItems.crl(ca.root(), frankCertificate.getSerialNumber(), revokedAt, forger.getPrivate());

        SignatureReport forgedOnly = verifier.verify(DssAppender.crls(signed, forgedCrl)).signatures().get(0);
        ca.revoke(frankCertificate, revokedAt);
        VerificationReport listed = verifier.verify(DssAppender.crls(signed, ca.revocation().crl()));

        assertThat(forgedOnly.revocation().certificates().get(0).status()).isEqualTo(RevocationStatus.NOT_CHECKED);
        assertThat(forgedOnly.revocation().certificates().get(0).ignored()).singleElement()
                .satisfies(ignored -> assertThat(ignored.kind()).isEqualTo(RevocationKind.CRL));
        assertThat(forgedOnly.valid()).isTrue();
        CertificateRevocation entry = listed.signatures().get(0).revocation().certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(entry.evidence().kind()).isEqualTo(RevocationKind.CRL);
        assertThat(entry.evidence().reason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(listed.allValid()).isFalse();
        assertThat(listed.toText()).contains("失効確認 Frank: 失効しています（", "理由: 秘密鍵の危殆化");
    }

    @Test
    void aRevokedTsaCertificateMeansTheTimestampProvesNothing() throws Exception {
        KeyPair tsaKeys = TestCa.rsaKeyPair(2048);
        X509Certificate tsaCertificate = ca.issueTsa(tsaKeys.getPublic(), "SiteSign Compromised TSA");
        try (TestTsa compromised = TestTsa.start(ca, tsaCertificate, tsaKeys)) {
            byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                    SignatureRequest.timestamped("alice", new Rfc3161Client(compromised.url())));
            ca.revoke(tsaCertificate, Instant.now().minusSeconds(60));
            byte[] withOcsp = DssAppender.ocspResponses(signed, ca.revocation().ocspResponse(tsaCertificate));

            VerificationReport report = verifier.verify(withOcsp);

            SignatureReport signature = report.signatures().get(0);
            assertThat(signature.timestamp().status()).isEqualTo(TimestampStatus.VALID);
            assertThat(signature.timestamp().tsaRevocation().certificates()).singleElement()
                    .satisfies(entry -> assertThat(entry.status()).isEqualTo(RevocationStatus.REVOKED));
            assertThat(signature.timestamp().provesTime()).isFalse();
            assertThat(signature.signingTime().source()).isEqualTo(TimeSource.VERIFICATION_TIME);
            assertThat(signature.valid()).isFalse();
            assertThat(report.toText()).contains("(発行元の証明書が失効しています)",
                    "失効確認 タイムスタンプ発行元 SiteSign Compromised TSA: 失効しています");
        }
    }

    @Test
    void anArchiveTimestampsTsaIsCheckedWithTheDataEmbeddedBeforeIt() throws Exception {
        byte[] archived = sign(alice, "alice", SignatureLevel.B_LTA);

        VerificationReport report = verifier.verify(archived);

        SignatureReport archive = report.signatures().get(1);
        assertThat(archive.kind()).isEqualTo(SignatureKind.DOCUMENT_TIMESTAMP);
        assertThat(archive.revocation().certificates()).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).contains("SiteSign Test TSA");
            assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        });
        assertThat(archive.timestamp().tsaRevocation()).isEqualTo(archive.revocation());
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void anUnknownAnswerFromAnAuthorisedResponderIsReportedAsUnknownAndNeverHidesARevocation() throws Exception {
        Path ivan = keys("ivan", "Ivan");
        X509Certificate ivanCertificate = certificate(ivan, "ivan");
        byte[] signed = sign(ivan, "ivan", SignatureLevel.B_T);
        KeyPair responderKeys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = ca.issueOcspResponder(responderKeys.getPublic(), "Unknowing Responder");
        byte[] unknown = RevocationItems.ocsp(ivanCertificate, ca.root(), RevocationItems.unknown(),
                responderKeys.getPrivate(), responder);

        VerificationReport alone = verifier.verify(DssAppender.ocspResponses(signed, unknown));
        CertificateRevocation entry = alone.signatures().get(0).revocation().certificates().get(0);
        ca.revoke(ivanCertificate, Instant.now().minus(Duration.ofHours(2)));
        SignatureReport withRevoked = verifier.verify(DssAppender.ocspResponses(signed, unknown,
                ca.revocation().ocspResponse(ivanCertificate))).signatures().get(0);

        assertThat(entry.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(entry.evidence().kind()).isEqualTo(RevocationKind.OCSP);
        assertThat(entry.ignored()).isEmpty();
        assertThat(alone.signatures().get(0).revocation().anyRevoked()).isFalse();
        assertThat(alone.toText()).contains("不明（OCSP の応答者が、この証明書を知らないと回答しました）");
        assertThat(alone.toText(Locale.ENGLISH)).contains("unknown (the OCSP responder answered that it does not know");
        assertThat(withRevoked.revocation().certificates().get(0).status()).as("revoked outweighs unknown")
                .isEqualTo(RevocationStatus.REVOKED);
        assertThat(withRevoked.valid()).isFalse();
    }

    private byte[] sign(Path keys, String alias, SignatureLevel level) throws Exception {
        return signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(keys), password(),
                SignatureRequest.at(level, alias, new Rfc3161Client(tsa.url())));
    }

    private PadesExtender extender() {
        return new PadesExtender(new RevocationFetcher(clock), new Rfc3161Client(tsa.url()), clock);
    }

    private static Path keys(String alias, String commonName) {
        return Pkcs12Files.write(dir.resolve(alias + ".p12"), ca, TestCa.rsaKeyPair(2048), alias, commonName, PASSWORD);
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
}
