package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidenceCheck;
import jp.sitesign.model.evidence.EvidenceChecker;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.AuditTrail;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 送付のみ from a company's own system (issue 13, ADR 34), over HTTPS with a real key, CA and TSA: the application
 * creates it from order data with the PDF and submits it, the sender's approver approves, the server seals it with
 * its organisation seal and a document timestamp and sends it, the counterparty's user acknowledges receipt, and it
 * is completed. Webhooks fire for each step; pdfsig, qpdf and openssl accept the sealed PDF; the verifier and the
 * evidence package describe the seal; a person cannot send under the seal, a key without contracts:write cannot
 * create, and a server without a TSA refuses with 409 naming the setting.
 */
class SendOnlyIT {
    static final String SEAL_NAME = "SiteSign 組織の電子印 試験";
    static TestSigners signers;
    static WebhookReceiver receiver;
    static Path dir;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;
    static String aAdmin;
    static String aMember;
    static String bMember;
    static String bAdmin;
    static String app;
    static String key;
    static String secret;

    @BeforeAll
    static void start() throws Exception {
        signers = TestSigners.start();
        receiver = new WebhookReceiver();
        dir = Files.createTempDirectory("send-only-it");
        Path keystore = Pkcs12Files.write(dir.resolve("seal.p12"), signers.ca(), TestCa.rsaKeyPair(2048), "seal",
                SEAL_NAME, "seal-pass");
        Map<String, String> settings = new HashMap<>(signers.serverSettingsWithTsa());
        settings.put("seal.keystore", keystore.toString());
        settings.put("seal.keystore-password", "seal-pass");
        settings.put("webhooks.trust-anchors", receiver.certificateFile(dir).toString());
        settings.put("jobs.webhook-seconds", "100000");
        server = TestServer.start(settings);
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        c = server.createCompany("未承諾設備株式会社");
        aAdmin = login(a.admin());
        aMember = login(a.member());
        bMember = login(b.member());
        bAdmin = login(b.admin());
        String method = "SiteSign による電子契約";
        JsonNode p = api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", method)).json();
        ok(api().post("/api/v1/partnerships/" + p.get("id").asLong() + "/consent", bAdmin,
                Map.of("methodSha256", Digests.sha256Hex(method.getBytes(StandardCharsets.UTF_8)))));
        app = ApiApps.approved(server, aAdmin, List.of("contracts:read", "contracts:write", "documents:read"),
                List.of("127.0.0.1/32"));
        key = ApiApps.key(api(), aAdmin, app);
        ApiClient.Response hook = api().put("/api/v1/integration/applications/" + app + "/webhook", aAdmin,
                Map.of("url", receiver.url(), "events",
                        List.of("contract.approved", "contract.signed", "contract.sent", "contract.completed")));
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        secret = hook.json().get("secret").asText();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        receiver.close();
        signers.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Test
    void theApplicationsOrderIsApprovedSealedSentAndAcknowledged_thenCompleted(@TempDir Path tmp) throws Exception {
        int before = receiver.received().size();
        byte[] order = IntegrationApiIT.pdf();
        JsonNode k = created(key, sendOnly(b, List.of(a.admin().value()), false));
        String id = k.get("id").asText();
        assertThat(k.get("parties").get(0).get("signerId").asText()).as("the seal stands for the sender")
                .isEqualTo(UserId.SERVER_SEAL.value());
        k = withPdf(key, k, order);
        k = ok(api().post("/api/v1/contracts/" + id + "/submit", key, Map.of("revision", rev(k))));
        assertThat(k.get("status").asText()).as("the sender's people approve first").isEqualTo("IN_APPROVAL");
        assertThat(api().get("/api/v1/contracts/" + id, bMember).status()).as("not sent yet").isEqualTo(404);

        k = ok(api().post("/api/v1/contracts/" + id + "/approve", aAdmin, Map.of("revision", rev(k))));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(k.get("currentParty").asInt()).as("sealed and sent in the approval's step").isEqualTo(1);
        assertThat(k.get("parties").get(0).get("signed").asBoolean()).isTrue();
        assertThat(k.get("currentSigner").asText()).isEqualTo(b.member().value());

        JsonNode atB = ok(api().get("/api/v1/contracts/" + id, bMember));
        assertThat(atB.get("actions").toString()).contains("ACKNOWLEDGE").doesNotContain("SIGN\"");
        byte[] sealed = api().get("/api/v1/contracts/" + id + "/document", bMember).bytes();
        assertThat(Digests.sha256Hex(sealed)).isEqualTo(atB.get("mainDocument").asText())
                .isNotEqualTo(Digests.sha256Hex(order));
        k = ok(api().post("/api/v1/contracts/" + id + "/acknowledge", bMember, Map.of("revision", rev(atB))));
        assertThat(k.get("status").asText()).isEqualTo("COMPLETED");

        // The sealed PDF, checked by tools that share no code with ours.
        Path file = Files.write(tmp.resolve("sealed.pdf"), sealed);
        IndependentChecks.assertValidWithDocumentTimestamps(file, 1, 1, tmp,
                signers.tsa().chain().toArray(X509Certificate[]::new));
        VerificationReport report = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC()).verify(sealed);
        assertThat(report.allValid()).as(report.toText()).isTrue();
        assertThat(report.signatures()).extracting(s -> s.kind())
                .containsExactly(SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP);
        assertThat(report.signatures().get(0).identity().subject()).contains(SEAL_NAME);

        // Who did what: the application created and submitted, the approver released the seal.
        assertThat(AuditTrail.events(api(), aAdmin, "CONTRACT_CREATED", id)).extracting(e -> e.get("actor").asText())
                .containsExactly(app);
        assertThat(AuditTrail.events(api(), aAdmin, "CONTRACT_SUBMITTED", id))
                .extracting(e -> e.get("actor").asText()).containsExactly(app);
        assertThat(AuditTrail.events(api(), aAdmin, "CONTRACT_SEALED", id)).singleElement()
                .satisfies(e -> assertThat(e.get("details").asText()).contains(Digests.sha256Hex(sealed)));
        assertThat(AuditTrail.events(api(), bAdmin, "RECEIPT_ACKNOWLEDGED", id)).extracting(e -> e.get("actor")
                .asText()).containsExactly(b.member().value());

        // The evidence package states the seal and the receipt, and checks out offline.
        ApiClient.Response evidence = api().get("/api/v1/contracts/" + id + "/evidence", bAdmin);
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        EvidenceCheck check = new EvidenceChecker(List.of(signers.ca().root()), Clock.systemUTC())
                .check(evidence.bytes());
        assertThat(check.problems()).as(check.toText(Locale.ENGLISH)).isEmpty();
        byte[] certificate = EvidencePackage.read(evidence.bytes()).get(EvidencePackage.CERTIFICATE_PDF);
        EvidenceStatement statement = EvidenceStatement.readFrom(certificate).orElseThrow();
        assertThat(statement.conclusion()).isEqualTo(EvidenceStatement.Conclusion.SEALED_AND_ACKNOWLEDGED);
        try (PDDocument doc = Loader.loadPDF(certificate)) {
            assertThat(new PDFTextStripper().getText(doc)).as("the certificate says how it was concluded")
                    .contains("組織の電子印", "受領", "Organisation seal").doesNotContain("全当事者の電子署名");
        }
        assertThat(statement.signatures()).filteredOn(s -> s.kind().equals("SIGNATURE")).singleElement()
                .satisfies(s -> assertThat(s.subject()).contains(SEAL_NAME));
        assertThat(statement.events()).extracting(EvidenceStatement.StatedEvent::action)
                .as("B's certificate shows A's seal, not A's internal approval")
                .contains("CONTRACT_SEALED", "RECEIPT_ACKNOWLEDGED").doesNotContain("CONTRACT_APPROVED");

        // Webhooks: approved, signed (the seal), sent, completed.
        server.context().webhooks().deliverDue();
        List<WebhookReceiver.Received> got = receiver.received().subList(before, receiver.received().size()).stream()
                .filter(r -> r.body().contains(id)).toList();
        assertThat(got).extracting(WebhookReceiver.Received::event).containsExactlyInAnyOrder("contract.approved",
                "contract.signed", "contract.sent", "contract.completed");
        assertThat(got).allSatisfy(r -> assertThat(WebhookReceiver.signatureHolds(secret, r)).isTrue());
    }

    @Test
    void withoutARouteTheSubmitItselfSealsAndSends() {
        JsonNode k = withPdf(key, created(key, sendOnly(b, List.of(), false)), IntegrationApiIT.pdf());
        k = ok(api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", key, Map.of("revision", rev(k))));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(k.get("currentSigner").asText()).isEqualTo(b.member().value());
    }

    @Test
    void aConstructionOrderStillNeedsTheCounterpartysConsent() {
        JsonNode k = withPdf(key, created(key, sendOnly(c, List.of(), true)), IntegrationApiIT.pdf());
        ApiClient.Response r = api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", key,
                Map.of("revision", rev(k)));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("CONSENT_MISSING");
        assertThat(ok(api().get("/api/v1/contracts/" + k.get("id").asText(), aAdmin)).get("status").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void aKeyWithoutContractsWriteIsRefused_andAPersonCannotSendUnderTheSeal() {
        String reader = ApiApps.keyFor(server, aAdmin, "contracts:read", "documents:read");
        ApiClient.Response byReader = api().post("/api/v1/contracts", reader, sendOnly(b, List.of(), false));
        assertThat(byReader.status()).as(byReader.toString()).isEqualTo(403);
        assertThat(byReader.json().get("code").asText()).isEqualTo("API_SCOPE_MISSING");

        Map<String, Object> naming = sendOnly(b, List.of(), false);
        naming.put("signer", UserId.SERVER_SEAL.value());
        ApiClient.Response byPerson = api().post("/api/v1/contracts", aMember, naming);
        assertThat(byPerson.status()).as(byPerson.toString()).isEqualTo(403);
        assertThat(byPerson.json().get("messageJa").asText()).contains("組織の電子印");
        assertThat(byPerson.json().get("messageEn").asText()).contains("organisation seal");

        Map<String, Object> bilateral = sendOnly(b, List.of(), false);
        bilateral.put("form", "BILATERAL");
        bilateral.put("signer", UserId.SERVER_SEAL.value());
        ApiClient.Response sealedBilateral = api().post("/api/v1/contracts", key, bilateral);
        assertThat(sealedBilateral.status()).as(sealedBilateral.toString()).isEqualTo(400);
        assertThat(sealedBilateral.json().get("messageEn").asText()).contains("send-only");
    }

    @Test
    void aPersonEditingTheApplicationsSealedDraftCannotKeepTheSeal_andNobodySignsForIt() {
        JsonNode k = withPdf(key, created(key, sendOnly(b, List.of(a.admin().value()), false)),
                IntegrationApiIT.pdf());
        String id = k.get("id").asText();
        Map<String, Object> edit = sendOnly(b, List.of(a.admin().value()), false);
        edit.put("revision", rev(k));
        edit.put("signer", UserId.SERVER_SEAL.value());
        assertThat(api().put("/api/v1/contracts/" + id, aAdmin, edit).status()).isEqualTo(403);
        k = ok(api().post("/api/v1/contracts/" + id + "/submit", key, Map.of("revision", rev(k))));
        assertThat(ok(api().get("/api/v1/contracts/" + id, aAdmin)).get("actions").toString()).contains("APPROVE")
                .doesNotContain("SIGN");
    }

    @Test
    void aServerWithoutATsaRefusesToSendUnderTheSeal_409NamingTheSetting() {
        TestServer bare = TestServer.start(signers.serverSettings());
        try {
            ApiClient api = bare.api();
            TestServer.TestCompany x = bare.createCompany("封印なし建設株式会社");
            TestServer.TestCompany y = bare.createCompany("封印なし協力株式会社");
            String xAdmin = api.login(x.admin().value(), TestServer.PASSWORD);
            String xKey = ApiApps.keyFor(bare, xAdmin, "contracts:write", "contracts:read");
            ApiClient.Response created = api.post("/api/v1/contracts", xKey, sendOnly(y, List.of(), false));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode k = created.json();
            k = ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision=" + rev(k), xKey,
                    IntegrationApiIT.pdf(), Map.of("Content-Type", "application/pdf")));

            ApiClient.Response r = api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", xKey,
                    Map.of("revision", rev(k)));

            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().get("messageJa").asText()).contains("tsa.url");
            assertThat(r.json().get("messageEn").asText()).contains("tsa.url", "administrator");
            assertThat(ok(api.get("/api/v1/contracts/" + k.get("id").asText(), xAdmin)).get("status").asText())
                    .isEqualTo("DRAFT");
        } finally {
            bare.close();
        }
    }

    /** An order (注文書) from the company's system: 送付のみ to {@code to}'s member, no signer named. */
    private static Map<String, Object> sendOnly(TestServer.TestCompany to, List<String> route, boolean construction) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "SEND_ONLY");
        d.put("title", "注文書 PO-2026-0042 〇〇ビル電気設備工事");
        d.put("transactionDate", "2026-12-01");
        d.put("amountYen", 2_200_000L);
        d.put("taxIncluded", true);
        d.put("construction", construction);
        if (construction) {
            d.put("terms", TestContracts.allTerms());
        }
        d.put("counterparties", List.of(Map.of("companyId", to.id().value(), "receiverId", to.member().value())));
        d.put("route", route);
        return d;
    }

    private static JsonNode created(String token, Map<String, Object> draft) {
        ApiClient.Response r = api().post("/api/v1/contracts", token, draft);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode withPdf(String token, JsonNode k, byte[] pdf) {
        return ok(api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision=" + rev(k), token,
                pdf, Map.of("Content-Type", "application/pdf")));
    }

    private static long rev(JsonNode k) {
        return k.get("revision").asLong();
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static String login(UserId user) {
        return api().login(user.value(), TestServer.PASSWORD);
    }

    static ApiClient api() {
        return server.api();
    }
}
