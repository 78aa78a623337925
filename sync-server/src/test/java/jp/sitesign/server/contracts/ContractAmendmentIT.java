package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 変更契約 over real HTTPS: a construction contract signed by both companies (real keys, real verifier)
 * is amended by its sender into a new linked draft, while the completed original stays exactly as it was.
 */
class ContractAmendmentIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static String bAdmin;
    static String bMember;
    static String bSigner;
    static String cAdmin;
    static JsonNode completed;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        c = server.createCompany("無関係工務店");
        aAdmin = login(a.admin().value());
        aMember = login(a.member().value());
        aSigner = login(a.member2().value());
        bAdmin = login(b.admin().value());
        bMember = login(b.member().value());
        bSigner = login(b.member2().value());
        cAdmin = login(c.admin().value());
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
        signers.grant(api(), bAdmin, "協力工業株式会社", b.member2());
        String method = "SiteSign による電子契約";
        JsonNode p = ok(api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", method)));
        ok(api().post("/api/v1/partnerships/" + p.get("id").asLong() + "/consent", bAdmin,
                Map.of("methodSha256", Digests.sha256Hex(method.getBytes(StandardCharsets.UTF_8)))));
        completed = signers.complete(api(), submitted(), a.member2(), aSigner, bMember, b.member2(), bSigner);
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void theSenderStartsAChangeContractThatCopiesTheOriginalAndBothNameEachOther() {
        String originalId = completed.get("id").asText();
        JsonNode before = ok(api().get("/api/v1/contracts/" + originalId, aMember));
        assertThat(before.get("canAmend").asBoolean()).isTrue();

        ApiClient.Response r = api().post("/api/v1/contracts/" + originalId + "/amendments", aMember, Map.of());

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode amendment = r.json();
        assertThat(amendment.get("status").asText()).isEqualTo("DRAFT");
        assertThat(amendment.get("originalId").asText()).isEqualTo(originalId);
        assertThat(amendment.get("creatorId").asText()).isEqualTo(a.member().value());
        assertThat(amendment.get("managementNumber").asText()).matches("\\d{4}-\\d{5}")
                .isNotEqualTo(before.get("managementNumber").asText());
        for (String field : List.of("form", "title", "transactionDate", "amountYen", "taxIncluded", "construction",
                "terms", "note")) {
            assertThat(amendment.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(amendment.get("missingItems")).isEmpty();
        assertThat(amendment.get("parties")).hasSize(2);
        assertThat(amendment.get("parties").get(0).get("signerId").asText()).isEqualTo(a.member2().value());
        JsonNode counterparty = amendment.get("parties").get(1);
        assertThat(counterparty.get("companyId").asText()).isEqualTo(b.id().value());
        assertThat(counterparty.get("receiverId").asText()).isEqualTo(b.member().value());
        assertThat(counterparty.get("signerId").isNull()).as("B names its signer again").isTrue();
        assertThat(amendment.get("mainDocument").isNull()).as("the change has its own 変更契約書").isTrue();
        assertThat(amendment.get("documents")).isEmpty();
        assertThat(amendment.get("actions")).extracting(JsonNode::asText).contains("EDIT", "SUBMIT", "DELETE");

        JsonNode after = ok(api().get("/api/v1/contracts/" + originalId, aMember));
        assertThat(after.get("amendments")).hasSize(1);
        assertThat(after.get("amendments").get(0).get("id").asText()).isEqualTo(amendment.get("id").asText());
        assertThat(after.get("amendments").get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(ok(api().get("/api/v1/contracts/" + originalId, bAdmin)).get("amendments"))
                .as("the draft has not reached B").isEmpty();
        assertThat(ok(api().get("/api/v1/audit?action=CONTRACT_AMENDED", aAdmin)).get("items"))
                .anyMatch(e -> e.get("target").asText().equals(amendment.get("id").asText())
                        && e.get("details").asText().contains("original=" + originalId));
    }

    @Test
    void theCompletedOriginalIsUntouchedByItsAmendments() {
        String originalId = completed.get("id").asText();
        JsonNode before = ok(api().get("/api/v1/contracts/" + originalId, aAdmin));
        byte[] pdfBefore = api().get("/api/v1/contracts/" + originalId + "/document", aAdmin).bytes();
        int documentRowsBefore = documentRows(originalId);

        JsonNode amendment = created(api().post("/api/v1/contracts/" + originalId + "/amendments", aAdmin, Map.of()));
        Map<String, Object> edit = new HashMap<>();
        edit.put("revision", amendment.get("revision").asLong());
        edit.put("form", "BILATERAL");
        edit.put("title", "変更契約書（工期延長）");
        edit.put("transactionDate", "2027-04-01");
        edit.put("amountYen", 6_600_000L);
        edit.put("construction", true);
        edit.put("terms", TestContracts.allTerms());
        edit.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        edit.put("route", List.of());
        edit.put("signer", a.member2().value());
        JsonNode edited = ok(api().put("/api/v1/contracts/" + amendment.get("id").asText(), aAdmin, edit));
        assertThat(edited.get("originalId").asText()).as("editing keeps the link").isEqualTo(originalId);

        JsonNode after = ok(api().get("/api/v1/contracts/" + originalId, aAdmin));
        for (String field : List.of("status", "revision", "title", "amountYen", "transactionDate", "mainDocument",
                "managementNumber", "updatedAt", "documents", "parties")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(api().get("/api/v1/contracts/" + originalId + "/document", aAdmin).bytes()).isEqualTo(pdfBefore);
        assertThat(documentRows(originalId)).isEqualTo(documentRowsBefore);
        assertThat(after.get("amendments")).extracting(x -> x.get("id").asText())
                .contains(amendment.get("id").asText());
    }

    @Test
    void onlyACompletedContractCanBeAmended() {
        JsonNode draft = created(api().post("/api/v1/contracts", aMember, draft()));
        ApiClient.Response fromDraft = api().post("/api/v1/contracts/" + draft.get("id").asText() + "/amendments",
                aMember, Map.of());
        assertThat(fromDraft.status()).isEqualTo(409);
        assertThat(fromDraft.json().get("messageJa").asText()).contains("締結済");
        assertThat(fromDraft.json().get("messageEn").asText()).contains("completed");
        assertThat(draft.get("canAmend").asBoolean()).isFalse();

        JsonNode sent = submitted();
        ApiClient.Response fromSent = api().post("/api/v1/contracts/" + sent.get("id").asText() + "/amendments",
                aMember, Map.of());
        assertThat(fromSent.status()).isEqualTo(409);
        assertThat(amendmentsOf(sent.get("id").asText())).isZero();
        assertThat(amendmentsOf(draft.get("id").asText())).isZero();
    }

    @Test
    void anotherCompanyCannotAmendEvenAsAPartyToTheOriginal() {
        String originalId = completed.get("id").asText();
        int before = amendmentsOf(originalId);

        ApiClient.Response byCounterparty = api().post("/api/v1/contracts/" + originalId + "/amendments", bAdmin,
                Map.of());
        assertThat(byCounterparty.status()).isEqualTo(403);
        assertThat(byCounterparty.json().get("messageJa").asText()).contains("送付元");
        assertThat(ok(api().get("/api/v1/contracts/" + originalId, bAdmin)).get("canAmend").asBoolean()).isFalse();
        ApiClient.Response byStranger = api().post("/api/v1/contracts/" + originalId + "/amendments", cAdmin,
                Map.of());
        assertThat(byStranger.status()).as("not even told it exists").isEqualTo(404);

        assertThat(amendmentsOf(originalId)).isEqualTo(before);
    }

    @Test
    void aClientCannotLinkADraftToAnOriginalByItself() {
        Map<String, Object> d = draft();
        d.put("originalId", completed.get("id").asText());
        ApiClient.Response r = api().post("/api/v1/contracts", aMember, d);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("messageJa").asText()).contains("amendments");
    }

    private static JsonNode submitted() {
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft()));
        k = ok(api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), aMember, TestPdfs.multiPage(2), Map.of("Content-Type", "application/pdf")));
        return ok(api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", aMember,
                Map.of("revision", k.get("revision").asLong())));
    }

    private static Map<String, Object> draft() {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "〇〇ビル新築工事（電気設備） 請負契約書");
        d.put("transactionDate", "2027-01-15");
        d.put("amountYen", 5_500_000L);
        d.put("taxIncluded", true);
        d.put("construction", true);
        d.put("terms", TestContracts.allTerms());
        d.put("note", "第1期");
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        return d;
    }

    private static int amendmentsOf(String id) {
        return count("SELECT COUNT(*) FROM contracts WHERE original_id = ?", id);
    }

    private static int documentRows(String id) {
        return count("SELECT COUNT(*) FROM contract_documents WHERE contract_id = ?", id);
    }

    private static int count(String sql, String id) {
        return server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement(sql)) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static String login(String user) {
        return api().login(user, TestServer.PASSWORD);
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static JsonNode created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static ApiClient api() {
        return server.api();
    }
}
