package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.testing.HostilePdfs;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PDFs made to hurt the server or to slip something past a signature, through the real HTTPS API: each is
 * refused with a code and a message in both languages, and the contract keeps the document it had.
 */
class HostileDocumentIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aMember;
    static String aSigner;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        aSigner = server.api().login(a.member2().value(), TestServer.PASSWORD);
        signers.grant(server.api(), server.api().login(a.admin().value(), TestServer.PASSWORD), "元請建設株式会社",
                a.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void aMegabyteThatInflatesToAGibibyteIsTooComplexAndNotStored() {
        JsonNode draft = draftWithDocument(TestPdfs.multiPage(1));

        ApiClient.Response r = putDocument(draft, HostilePdfs.objectStreamBomb(1024));

        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("DOCUMENT_TOO_COMPLEX");
        assertThat(r.json().get("messageJa").asText()).contains("複雑すぎる");
        assertThat(r.json().get("messageEn").asText()).contains("too complex");
        assertThat(current(draft).get("mainDocument").asText()).as("the document it had")
                .isEqualTo(draft.get("mainDocument").asText());
    }

    @Test
    void activeContentAndALyingPageCountAreRefusedSayingWhat() {
        JsonNode draft = draftWithDocument(TestPdfs.multiPage(1));

        assertRefused(putDocument(draft, HostilePdfs.javaScriptOnOpen()), "JavaScript");
        assertRefused(putDocument(draft, HostilePdfs.launchLink()), "起動");
        assertRefused(putDocument(draft, HostilePdfs.embeddedProgram("setup.exe")), "実行ファイル（setup.exe）");
        assertRefused(putDocument(draft, HostilePdfs.claimingPages(2, Integer.MAX_VALUE)), "2147483647");
        assertThat(current(draft).get("mainDocument").asText()).isEqualTo(draft.get("mainDocument").asText());
    }

    @Test
    void aSignedVersionWithAnObjectAfterTheSignatureIsRefusedAndTheContractStaysWhereItWas() {
        JsonNode k = submitted();
        byte[] base = server.api().get("/api/v1/contracts/" + k.get("id").asText() + "/document", aSigner).bytes();
        byte[] appended = ShadowUpdates.appended(signers.sign(a.member2(), base),
                "\n4 0 obj\n(Contract amount: 99,999,999 yen)\nendobj\n");

        ApiClient.Response r = uploadSigned(k, appended);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.json().get("messageJa").asText()).contains("文書全体を覆っていません");
        assertThat(r.json().get("messageEn").asText()).isNotBlank();
        assertUnmoved(k);
    }

    @Test
    void aSignatureWhoseOwnUpdateAlsoRewritesThePageIsRefused() {
        JsonNode k = submitted();
        byte[] base = server.api().get("/api/v1/contracts/" + k.get("id").asText() + "/document", aSigner).bytes();
        byte[] shadowed = ShadowUpdates.signedWithin(base, signers.keyFile(a.member2()),
                new String(signers.password()), "k", ShadowUpdates.pageTextRewritten("Contract amount: 1 yen"));

        ApiClient.Response r = uploadSigned(k, shadowed);

        assertThat(r.code()).as(r.toString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.json().get("messageJa").asText()).contains("署名以外の変更", "ページ 1 の内容が変更されました");
        assertUnmoved(k);
        ApiClient.Response honest = uploadSigned(k, signers.sign(a.member2(), base));
        assertThat(honest.status()).as(honest.toString()).isEqualTo(200);
        assertThat(honest.json().get("mainDocument").asText()).isNotEqualTo(Digests.sha256Hex(shadowed));
    }

    private static void assertRefused(ApiClient.Response r, String japanese) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_DOCUMENT");
        assertThat(r.json().get("messageJa").asText()).contains(japanese);
        assertThat(r.json().get("messageEn").asText()).isNotBlank();
    }

    private static void assertUnmoved(JsonNode before) {
        JsonNode now = current(before);
        assertThat(now.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(now.get("mainDocument").asText()).isEqualTo(before.get("mainDocument").asText());
        assertThat(now.get("revision").asLong()).isEqualTo(before.get("revision").asLong());
    }

    private static JsonNode current(JsonNode k) {
        return ok(server.api().get("/api/v1/contracts/" + k.get("id").asText(), aMember));
    }

    private static JsonNode draftWithDocument(byte[] pdf) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "注文書 兼 請書");
        d.put("transactionDate", "2026-11-25");
        d.put("amountYen", 3_300_000L);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        JsonNode k = ok(server.api().post("/api/v1/contracts", aMember, d));
        return ok(putDocument(k, pdf));
    }

    private static JsonNode submitted() {
        JsonNode k = draftWithDocument(TestPdfs.multiPage(2));
        return ok(server.api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", aMember,
                Map.of("revision", k.get("revision").asLong())));
    }

    private static ApiClient.Response putDocument(JsonNode k, byte[] pdf) {
        return server.api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), aMember, pdf, Map.of("Content-Type", "application/pdf"));
    }

    private static ApiClient.Response uploadSigned(JsonNode k, byte[] pdf) {
        return server.api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/signed-document?revision="
                + k.get("revision").asLong() + "&base=" + k.get("mainDocument").asText(), aSigner, pdf,
                Map.of("Content-Type", "application/pdf"));
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }
}
