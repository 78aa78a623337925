package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.AuditTrail;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two companies sign one contract through the real HTTPS API with their own keys (PKCS#12 from a test
 * CA with OCSP, B-T from a loopback TSA); the server verifies every upload with the one verifier and
 * archives the completed contract as B-LTA. Every illegal step is refused, and so is a signed version that
 * carries more than its signature (bytes after it, or a page rewritten in the signature's own update).
 */
class ContractSigningIT {
    private static final String P12_PASSWORD = "p12-pass";
    static TestCa ca;
    static TestCa strangerCa;
    static TestTsa tsa;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static Path keys;
    static Path aKey;
    static Path bKey;
    static Path strangerKey;
    static Path unboundKey;
    static String aCertificate;
    static String aMember;
    static String aAdmin;
    static String aSigner;
    static String bMember;
    static String bAdmin;
    static String bSigner;

    @BeforeAll
    static void start() throws IOException {
        ca = TestCa.withRevocation("SiteSign IT CA");
        strangerCa = TestCa.create("Somebody else's CA");
        tsa = TestTsa.start(ca);
        keys = Files.createTempDirectory("sitesign-keys-");
        Path anchor = TestCa.writePem(keys.resolve("root.pem"), ca.root());
        server = TestServer.start(Map.of("trust.anchors", anchor.toString(), "tsa.url", tsa.url().toString()));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        KeyPair aPair = TestCa.rsaKeyPair(2048);
        KeyPair bPair = TestCa.rsaKeyPair(2048);
        X509Certificate aCert = ca.issueCompanySigner(aPair.getPublic(), "元請 署名者", "元請建設株式会社");
        X509Certificate bCert = ca.issueCompanySigner(bPair.getPublic(), "協力 署名者", "協力工業株式会社");
        aKey = Pkcs12Files.write(keys.resolve("a.p12"), aPair, aCert, ca.root(), "a", P12_PASSWORD);
        bKey = Pkcs12Files.write(keys.resolve("b.p12"), bPair, bCert, ca.root(), "b", P12_PASSWORD);
        unboundKey = Pkcs12Files.write(keys.resolve("u.p12"), ca, TestCa.rsaKeyPair(2048), "u", "未登録の鍵",
                P12_PASSWORD);
        strangerKey = Pkcs12Files.write(keys.resolve("x.p12"), strangerCa, TestCa.rsaKeyPair(2048), "x", "誰か",
                P12_PASSWORD);
        aMember = login(a.member());
        aAdmin = login(a.admin());
        aSigner = login(a.member2());
        bMember = login(b.member());
        bAdmin = login(b.admin());
        bSigner = login(b.member2());
        // Each signer's own signing certificate is the company certificate bound to them (署名権限).
        aCertificate = TestCertificates.register(api(), aAdmin, aCert);
        TestCertificates.bind(api(), aAdmin, aCertificate, a.member2());
        TestCertificates.bind(api(), bAdmin, TestCertificates.register(api(), bAdmin, bCert), b.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        tsa.close();
        ca.close();
        strangerCa.close();
    }

    @Test
    void theSignaturePolicyNamesTheConfiguredTsaSoClientsTimestampWithTheSameServer() {
        JsonNode policy = api().get("/api/v1/signature-policy", aMember).json();

        assertThat(policy.get("tsaUrl").asText()).isEqualTo(tsa.url().toString());
        assertThat(policy.get("trustAnchors")).hasSize(1);
    }

    @Test
    void bothPartiesSignInTurnAndTheCompletedContractIsALongTermSignatureEveryoneCanVerify(@TempDir Path dir)
            throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        byte[] current = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();

        byte[] bySender = sign(current, aKey, "a");
        assertThat(upload(id, aAdmin, k, bySender).status()).as("not the assigned signer").isEqualTo(403);
        assertThat(upload(id, aSigner, k, "0".repeat(64), bySender).code()).as("stale base").isEqualTo("SIGN_AGAIN");
        byte[] otherDocument = sign(TestPdfs.multiPage(2), aKey, "a");
        assertThat(upload(id, aSigner, k, otherDocument).code()).as("not an incremental update of the base")
                .isEqualTo("INVALID_SIGNATURE");
        byte[] byStranger = sign(current, strangerKey, "x");
        ApiClient.Response untrusted = upload(id, aSigner, k, byStranger);
        assertThat(untrusted.code()).as("a signer certificate nobody trusts").isEqualTo("INVALID_SIGNATURE");
        assertThat(untrusted.json().get("messageJa").asText()).contains("署名 1");
        ApiClient.Response notBound = upload(id, aSigner, k, sign(current, unboundKey, "u"));
        assertThat(notBound.code()).as("a trusted key that is not the signer's company certificate")
                .isEqualTo("INVALID_SIGNATURE");
        assertThat(notBound.json().get("messageJa").asText()).contains("割り当てられた自社");

        k = ok(upload(id, aSigner, k, bySender));
        assertThat(k.get("status").asText()).as("reached the subcontractor").isEqualTo("IN_APPROVAL");
        assertThat(k.get("mainDocument").asText()).isEqualTo(Digests.sha256Hex(bySender));
        assertThat(api().get("/api/v1/contracts/" + id, bMember).status()).as("now visible to B").isEqualTo(200);

        k = ok(api().post("/api/v1/contracts/" + id + "/party-route", bMember, Map.of("revision",
                k.get("revision").asLong(), "route", List.of(b.admin().value()), "signer", b.member2().value())));
        JsonNode bySenderSeen = ok(api().get("/api/v1/contracts/" + id, aMember));
        assertThat(bySenderSeen.get("parties").get(1).get("route")).as("B's internal route is B's business").isEmpty();
        assertThat(bySenderSeen.get("parties").get(1).get("signerId").asText()).isEqualTo(b.member2().value());
        assertThat(bySenderSeen.get("currentApprover").isNull()).isTrue();
        assertThat(api().get("/api/v1/sync/changes?since=0&limit=1000", aMember).body())
                .as("nor in the sender's change feed").doesNotContain(b.admin().value());
        assertThat(ok(api().get("/api/v1/contracts/" + id, bMember)).get("parties").get(1).get("route").get(0)
                .asText()).isEqualTo(b.admin().value());
        k = ok(api().post("/api/v1/contracts/" + id + "/approve", bAdmin, Map.of("revision",
                k.get("revision").asLong())));
        assertThat(k.get("currentSigner").asText()).isEqualTo(b.member2().value());

        byte[] afterFirst = api().get("/api/v1/contracts/" + id + "/document", bSigner).bytes();
        assertThat(afterFirst).isEqualTo(bySender);
        byte[] tampered = sign(afterFirst, bKey, "b");
        tampered[100] ^= 0x01;
        assertThat(upload(id, bSigner, k, tampered).code()).as("a flipped byte").isEqualTo("INVALID_SIGNATURE");

        k = ok(upload(id, bSigner, k, sign(afterFirst, bKey, "b")));
        assertThat(k.get("status").asText()).isEqualTo("COMPLETED");
        byte[] archived = api().get("/api/v1/contracts/" + id + "/document", aMember).bytes();
        VerificationReport report = new PadesVerifier(List.of(ca.root()), Clock.systemUTC()).verify(archived);
        assertThat(report.allValid()).as(report.toText()).isTrue();
        assertThat(report.signatures()).extracting(s -> s.kind()).containsExactly(SignatureKind.SIGNATURE,
                SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP);
        Path file = Files.write(dir.resolve("completed.pdf"), archived);
        IndependentChecks.assertValidWithDocumentTimestamps(file, 2, 1, dir, tsa.chain().toArray(
                new java.security.cert.X509Certificate[0]));

        assertThat(api().post("/api/v1/contracts/" + id + "/withdraw", aMember, Map.of("revision",
                k.get("revision").asLong())).status()).as("completed contracts are immutable").isEqualTo(409);
        assertThat(api().delete("/api/v1/contracts/" + id + "?revision=" + k.get("revision").asLong(), aMember)
                .status()).isEqualTo(403);
    }

    @Test
    void aSignerWhoLostSigningAuthorityCannotSign() throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        ok(api().put("/api/v1/users/" + a.member2().value() + "/signing-authority", aAdmin, Map.of("granted", false)));
        try {
            byte[] current = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();
            ApiClient.Response r = upload(id, aSigner, k, sign(current, aKey, "a"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("messageJa").asText()).contains("署名権限");
        } finally {
            TestCertificates.bind(api(), aAdmin, aCertificate, a.member2());
        }
    }

    @Test
    void aSignatureOnAVersionThatWasReturnedAndReplacedSinceIsSignAgain_evenWithItsOldRevision() throws Exception {
        JsonNode sent = submitted();
        String id = sent.get("id").asText();
        byte[] first = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();
        byte[] signedEarlier = sign(first, aKey, "a");
        JsonNode k = ok(upload(id, aSigner, sent, sign(first, aKey, "a")));
        k = ok(api().post("/api/v1/contracts/" + id + "/party-route", bMember, Map.of("revision",
                k.get("revision").asLong(), "route", List.of(b.admin().value()), "signer", b.member2().value())));
        k = ok(api().post("/api/v1/contracts/" + id + "/return", bAdmin, Map.of("revision", k.get("revision").asLong(),
                "comment", "工期を直してください。")));
        k = ok(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(),
                aMember, TestPdfs.multiPage(3), Map.of("Content-Type", "application/pdf")));
        k = ok(api().post("/api/v1/contracts/" + id + "/submit", aMember, Map.of("revision", k.get("revision").asLong())));
        assertThat(k.get("currentSigner").asText()).isEqualTo(a.member2().value());

        ApiClient.Response stale = upload(id, aSigner, sent, signedEarlier);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).as("the signer is told to sign the new version").isEqualTo("SIGN_AGAIN");
        assertThat(stale.json().get("messageJa").asText()).contains(k.get("mainDocument").asText());
    }

    @Test
    void aSignedVersionWithAnObjectAfterTheSignatureIsRefusedAndTheContractStaysWhereItWas() throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        byte[] base = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();
        byte[] appended = ShadowUpdates.appended(sign(base, aKey, "a"),
                "\n4 0 obj\n(Contract amount: 99,999,999 yen)\nendobj\n");

        ApiClient.Response r = upload(id, aSigner, k, appended);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.json().get("messageJa").asText()).contains("文書全体を覆っていません");
        assertThat(r.json().get("messageEn").asText()).contains("does not cover the whole document");
        assertUnmoved(k);
    }

    @Test
    void aSignatureWhoseOwnUpdateAlsoRewritesThePageIsRefused() throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        byte[] base = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();
        byte[] shadowed = ShadowUpdates.signedWithin(base, aKey, P12_PASSWORD, "a",
                ShadowUpdates.pageTextRewritten("Contract amount: 1 yen"));

        ApiClient.Response r = upload(id, aSigner, k, shadowed);

        assertThat(r.code()).as(r.toString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.json().get("messageJa").asText()).contains("署名以外の変更", "ページ 1 の内容が変更されました");
        assertUnmoved(k);
        assertThat(upload(id, aSigner, k, sign(base, aKey, "a")).status()).as("signed honestly").isEqualTo(200);
    }

    private static void assertUnmoved(JsonNode before) {
        JsonNode now = ok(api().get("/api/v1/contracts/" + before.get("id").asText(), aMember));
        assertThat(now.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(now.get("mainDocument").asText()).isEqualTo(before.get("mainDocument").asText());
        assertThat(now.get("revision").asLong()).isEqualTo(before.get("revision").asLong());
    }

    private static JsonNode submitted() {
        return TestContracts.submitted(api(), aMember, b, a.member2(), TestPdfs.multiPage(2));
    }

    @Test
    void aVersionTheSenderReplacedBeforeSendingStaysTheSenders_theSentOnesAreShared() throws Exception {
        byte[] reconsidered = TestPdfs.multiPage(1);
        JsonNode draft = TestContracts.draft(api(), aMember, b, a.member2(), "値引き前の注文書", reconsidered);
        String id = draft.get("id").asText();
        String oldSha = Digests.sha256Hex(reconsidered);
        JsonNode replaced = ok(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision="
                + draft.get("revision").asLong(), aMember, TestPdfs.multiPage(2), Map.of("Content-Type",
                "application/pdf")));
        JsonNode k = ok(api().post("/api/v1/contracts/" + id + "/submit", aMember, Map.of("revision",
                replaced.get("revision").asLong())));
        byte[] sent = sign(api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes(), aKey, "a");
        k = ok(upload(id, aSigner, k, sent));
        assertThat(k.get("status").asText()).isEqualTo("IN_APPROVAL");

        ApiClient.Response byB = api().get("/api/v1/sync/documents/" + id + "/" + oldSha, bMember);
        ApiClient.Response byA = api().get("/api/v1/sync/documents/" + id + "/" + oldSha, aMember);
        String bFeed = api().get("/api/v1/sync/changes?since=0&limit=1000", bMember).body();

        assertThat(byB.status()).as("the replaced draft version is not the counterparty's").isEqualTo(404);
        assertThat(byA.status()).isEqualTo(200);
        assertThat(byA.bytes()).isEqualTo(reconsidered);
        assertThat(bFeed).doesNotContain(oldSha).contains(Digests.sha256Hex(sent))
                .contains(replaced.get("mainDocument").asText());
        assertThat(api().get("/api/v1/sync/documents/" + id + "/" + replaced.get("mainDocument").asText(), bMember)
                .status()).as("the version that was sent").isEqualTo(200);
    }

    @Test
    void aSignatureIsAuditedWithTheCertificatesSerialAndIssuerAndTheKeySource_neverThePin() throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        byte[] signed = sign(api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes(), aKey, "a");
        String keySource = "署名用トークン \"現場\"";

        ok(api().raw("PUT", "/api/v1/contracts/" + id + "/signed-document?revision=" + k.get("revision").asLong()
                + "&base=" + k.get("mainDocument").asText() + "&keySource="
                + java.net.URLEncoder.encode(keySource, java.nio.charset.StandardCharsets.UTF_8), aSigner, signed,
                Map.of("Content-Type", "application/pdf")));

        var signer = new PadesVerifier(List.of(ca.root()), Clock.systemUTC()).verify(signed).signatures().get(0)
                .identity();
        String details = AuditTrail.events(api(), aAdmin, "CONTRACT_SIGNED", id).get(0).get("details").asText();
        assertThat(signer.issuer()).contains("SiteSign IT CA");
        assertThat(details).contains("sha256=" + Digests.sha256Hex(signed), "certSerial=" + signer.serialNumber(),
                "certIssuer=\"" + signer.issuer() + "\"", "keySource=\"署名用トークン \\\"現場\\\"\"")
                .doesNotContain(P12_PASSWORD);
    }

    private static byte[] sign(byte[] pdf, Path p12, String alias) throws Exception {
        return new PadesSigner(Clock.systemUTC()).sign(pdf, new Pkcs12KeySource(p12),
                what -> P12_PASSWORD.toCharArray(),
                SignatureRequest.timestamped(alias, new Rfc3161Client(tsa.url())));
    }

    private static ApiClient.Response upload(String id, String token, JsonNode k, byte[] pdf) {
        return upload(id, token, k, k.get("mainDocument").asText(), pdf);
    }

    private static ApiClient.Response upload(String id, String token, JsonNode k, String base, byte[] pdf) {
        return api().raw("PUT", "/api/v1/contracts/" + id + "/signed-document?revision=" + k.get("revision").asLong()
                + "&base=" + base, token, pdf, Map.of("Content-Type", "application/pdf"));
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static String login(jp.sitesign.model.user.UserId user) {
        return api().login(user.value(), TestServer.PASSWORD);
    }

    private static ApiClient api() {
        return server.api();
    }
}
