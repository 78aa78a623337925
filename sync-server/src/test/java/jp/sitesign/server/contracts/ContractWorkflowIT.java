package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract workflow over real HTTPS with two companies, as far as the server takes it before signing. */
class ContractWorkflowIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static String bAdmin;
    static String bMember;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        aSigner = api().login(a.member2().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        bMember = api().login(b.member().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.member2());
        String method = "SiteSign による電子契約";
        JsonNode p = ok(api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", method)));
        ok(api().post("/api/v1/partnerships/" + p.get("id").asLong() + "/consent", bAdmin,
                Map.of("methodSha256", Digests.sha256Hex(method.getBytes(StandardCharsets.UTF_8)))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConstructionContractIsSubmittedOnlyWhenComplete_thenApprovedOrReturnedByTheRightPerson() {
        Map<String, Object> draft = draft("2026-04-01", 5_500_000L, true);
        draft.put("terms", Map.of(ConstructionItem.WORK_NAME.name(), "〇〇ビル新築工事（電気設備）"));
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft));
        String id = k.get("id").asText();
        assertThat(k.get("status").asText()).isEqualTo("DRAFT");
        assertThat(k.get("managementNumber").asText()).matches("\\d{4}-\\d{5}");
        assertThat(k.get("actions")).extracting(JsonNode::asText).contains("SUBMIT", "DELETE");

        ApiClient.Response noDocument = step(id, "submit", aMember, k.get("revision").asLong(), null);
        assertThat(noDocument.code()).isEqualTo("CONTRACT_INCOMPLETE");
        k = attach(id, aMember, k.get("revision").asLong(), pdf(2));
        ApiClient.Response incomplete = step(id, "submit", aMember, k.get("revision").asLong(), null);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("CONTRACT_INCOMPLETE");
        assertThat(incomplete.json().get("messageJa").asText()).contains("請負代金の額", "紛争の解決方法")
                .doesNotContain("工事名");
        assertThat(api().get("/api/v1/contracts/" + id, aMember).json().get("status").asText()).isEqualTo("DRAFT");

        draft.put("terms", allTerms());
        draft.put("revision", k.get("revision").asLong());
        k = ok(api().put("/api/v1/contracts/" + id, aMember, draft));
        assertThat(k.get("missingItems")).isEmpty();
        assertThat(api().get("/api/v1/contracts/" + id, bAdmin).status()).as("not sent yet").isEqualTo(404);

        k = ok(step(id, "submit", aMember, k.get("revision").asLong(), null));
        assertThat(k.get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(k.get("currentApprover").asText()).isEqualTo(a.admin().value());
        long rev = k.get("revision").asLong();
        assertThat(step(id, "approve", aSigner, rev, null).status()).as("not the approver").isEqualTo(403);
        assertThat(step(id, "approve", aAdmin, rev - 1, null).status()).as("stale revision").isEqualTo(409);
        ApiClient.Response edited = api().put("/api/v1/contracts/" + id, aMember, withRevision(draft, rev));
        assertThat(edited.status()).as("no edit after submission").isEqualTo(403);
        assertThat(edited.json().get("messageJa").asText()).contains("下書き");

        JsonNode returned = ok(step(id, "return", aAdmin, rev, "工期の記載を見直してください"));
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnComment").asText()).isEqualTo("工期の記載を見直してください");
        String clearProgress = server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement("SELECT progress FROM contracts WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(clearProgress).as("the comment is content: sealed, not in the clear progress")
                .contains("RETURNED").doesNotContain("工期");
        k = ok(step(id, "submit", aMember, returned.get("revision").asLong(), null));
        k = ok(step(id, "approve", aAdmin, k.get("revision").asLong(), null));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(k.get("currentSigner").asText()).isEqualTo(a.member2().value());
        assertThat(api().get("/api/v1/contracts/" + id, aSigner).json().get("actions")).extracting(JsonNode::asText)
                .contains("SIGN");
        ApiClient.Response decline = step(id, "decline", aAdmin, k.get("revision").asLong(), null);
        assertThat(decline.status()).as("the sender cannot decline").isEqualTo(409);
        assertThat(decline.json().get("messageJa").asText()).contains("取消");
        assertThat(ok(step(id, "withdraw", aMember, k.get("revision").asLong(), null)).get("status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(api().get("/api/v1/audit?action=CONTRACT_RETURNED", aAdmin).json().get("items")).hasSize(1);
    }

    /** A sent contract (submitted, in A's approval) to withdraw. */
    private static JsonNode sent() {
        Map<String, Object> draft = draft("2026-06-01", 4_180_000L, true);
        draft.put("terms", allTerms());
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft));
        k = attach(k.get("id").asText(), aMember, k.get("revision").asLong(), pdf(1));
        return ok(step(k.get("id").asText(), "submit", aMember, k.get("revision").asLong(), null));
    }

    @Test
    void aWithdrawalCarriesItsReason_storedWithTheContract_sealed_andAudited() {
        JsonNode k = sent();
        String id = k.get("id").asText();
        int audited = api().get("/api/v1/audit?action=CONTRACT_WITHDRAWN", aAdmin).json().get("items").size();

        JsonNode withdrawn = ok(step(id, "withdraw", aMember, k.get("revision").asLong(), "  発注内容を見直すため  "));

        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("returnComment").asText()).as("stripped like a return's comment")
                .isEqualTo("発注内容を見直すため");
        assertThat(api().get("/api/v1/contracts/" + id, aAdmin).json().get("returnComment").asText())
                .isEqualTo("発注内容を見直すため");
        String clearProgress = server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement("SELECT progress FROM contracts WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(clearProgress).as("the reason is content: sealed like a return's comment").doesNotContain("見直す");
        JsonNode items = api().get("/api/v1/audit?action=CONTRACT_WITHDRAWN", aAdmin).json().get("items");
        assertThat(items).hasSize(audited + 1);
        assertThat(items.toString()).as("the length as given, as for a return").contains("comment length=14");
    }

    @Test
    void aWithdrawalPushedThroughSyncCarriesItsReason_andOneAnOlderClientPushedWithoutOneIsStillApplied() {
        JsonNode k = sent();
        String id = k.get("id").asText();
        var pushed = api().post("/api/v1/sync/commands", aMember, new jp.sitesign.model.sync.PushRequest(List.of(
                jp.sitesign.model.sync.Command.withdraw(id, k.get("revision").asLong(), "工期が変わったため"))));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.json().get("results").get(0).get("outcome").asText()).isEqualTo("APPLIED");
        JsonNode after = api().get("/api/v1/contracts/" + id, aMember).json();
        assertThat(after.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(after.get("returnComment").asText()).isEqualTo("工期が変わったため");

        JsonNode old = sent();
        String oldId = old.get("id").asText();
        // Exactly what a client before issue 14 pushed: WITHDRAW as a plain step, every field written, no comment.
        String json = "{\"commands\":[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"WITHDRAW\","
                + "\"entityId\":\"" + oldId + "\",\"baseRevision\":" + old.get("revision").asLong() + ",\"draft\":null,"
                + "\"comment\":null,\"documentSha256\":null,\"baseSha256\":null,\"route\":null,\"signer\":null}]}";
        var oldPush = api().post("/api/v1/sync/commands", aMember, json);
        assertThat(oldPush.status()).as(oldPush.toString()).isEqualTo(200);
        assertThat(oldPush.json().get("results").get(0).get("outcome").asText()).as(oldPush.toString())
                .isEqualTo("APPLIED");
        JsonNode oldAfter = api().get("/api/v1/contracts/" + oldId, aMember).json();
        assertThat(oldAfter.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(oldAfter.get("returnComment").isNull()).as("no reason given, none shown").isTrue();
    }

    @Test
    void sendingAConstructionContractWithoutTheCounterpartysConsentIsRefusedNamingIt() {
        TestServer.TestCompany c = server.createCompany("未承諾工務店");
        Map<String, Object> draft = draft("2026-05-01", 100_000L, true);
        draft.put("counterparties", List.of(Map.of("companyId", c.id().value(), "receiverId", c.member().value())));
        draft.put("terms", allTerms());
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft));
        k = attach(k.get("id").asText(), aMember, k.get("revision").asLong(), pdf(1));
        ApiClient.Response r = step(k.get("id").asText(), "submit", aMember, k.get("revision").asLong(), null);
        assertThat(r.code()).isEqualTo("CONSENT_MISSING");
        assertThat(r.json().get("messageJa").asText()).contains(c.id().value()).contains("承諾");
    }

    @Test
    void onlyDraftsAreDeletedAndADeletedContractIsGone() {
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft("2026-06-01", 1L, false)));
        String id = k.get("id").asText();
        k = attach(id, aMember, k.get("revision").asLong(), pdf(1));
        assertThat(api().delete("/api/v1/contracts/" + id + "?revision=" + k.get("revision").asLong(), aSigner)
                .status()).as("a colleague who is only the signer").isEqualTo(403);
        assertThat(api().delete("/api/v1/contracts/" + id + "?revision=" + k.get("revision").asLong(), aMember)
                .status()).isEqualTo(204);
        assertThat(api().get("/api/v1/contracts/" + id, aAdmin).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/contracts/" + id + "/document", aAdmin).status()).isEqualTo(404);
        Integer left = server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM contract_documents WHERE contract_id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertThat(left).as("no PDF left behind").isZero();

        JsonNode sent = created(api().post("/api/v1/contracts", aMember, draft("2026-06-02", 1L, false)));
        sent = attach(sent.get("id").asText(), aMember, sent.get("revision").asLong(), pdf(1));
        sent = ok(step(sent.get("id").asText(), "submit", aMember, sent.get("revision").asLong(), null));
        ApiClient.Response refused = api().delete("/api/v1/contracts/" + sent.get("id").asText() + "?revision="
                + sent.get("revision").asLong(), aAdmin);
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void uploadsMustBeUsablePdfsAndComeBackByteForByte() {
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft("2026-07-01", 1L, false)));
        String id = k.get("id").asText();
        long rev = k.get("revision").asLong();
        assertThat(upload(id, aMember, rev, "not a pdf".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("INVALID_DOCUMENT");
        byte[] good = pdf(3);
        assertThat(upload(id, aMember, rev, Arrays.copyOf(good, good.length / 2)).code()).isEqualTo("INVALID_DOCUMENT");
        k = attach(id, aMember, rev, good);
        assertThat(k.get("mainDocument").asText()).isEqualTo(Digests.sha256Hex(good));
        assertThat(api().get("/api/v1/contracts/" + id + "/document", aMember).bytes()).isEqualTo(good);
        assertThat(api().get("/api/v1/contracts/" + id + "/document", bAdmin).status()).isEqualTo(404);
    }

    @Test
    void combinedSearchByDateRangeAmountRangeAndCounterpartyHasTheKnownAnswer() {
        TestServer.TestCompany d = server.createCompany("検索用商事株式会社");
        String[][] seeds = {
            {"2026-08-01", "1000000", "B"}, {"2026-08-15", "2500000", "B"}, {"2026-08-20", "9000000", "B"},
            {"2026-08-10", "2000000", "D"}, {"2026-09-05", "2000000", "B"}, {"2026-07-31", "1500000", "B"},
        };
        for (String[] s : seeds) {
            Map<String, Object> draft = draft(s[0], Long.parseLong(s[1]), false);
            draft.put("title", "検索 " + s[0]);
            if (s[2].equals("D")) {
                draft.put("counterparties", List.of(Map.of("companyId", d.id().value(), "receiverId",
                        d.member().value())));
            }
            created(api().post("/api/v1/contracts", aMember, draft));
        }
        JsonNode page = ok(api().get("/api/v1/contracts?dateFrom=2026-08-01&dateTo=2026-08-31&amountMin=1000000"
                + "&amountMax=3000000&counterparty=" + b.id().value() + "&title=" + enc("検索") + "&sort=TRANSACTION_DATE_ASC",
                aMember));
        assertThat(page.get("items")).extracting(i -> i.get("transactionDate").asText())
                .containsExactly("2026-08-01", "2026-08-15");
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(ok(api().get("/api/v1/contracts?title=" + enc("検索") + "&sort=NUMBER_ASC", aMember))
                .get("total").asInt()).as("the title filter alone").isEqualTo(seeds.length);
        assertThat(ok(api().get("/api/v1/contracts?title=" + enc("存在しない"), aMember)).get("total").asInt()).isZero();
        assertThat(ok(api().get("/api/v1/contracts?title=" + enc("検索") + "&counterparty=" + b.id().value(), bAdmin))
                .get("total").asInt()).as("drafts never reach the counterparty").isZero();
        assertThat(api().get("/api/v1/contracts?amountMin=abc", aMember).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get("/api/v1/contracts?dateFrom=2026-13-01", aMember).code()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void theStatusParameterTakesSeveralStatusesAndRefusesAnUnknownOrEmptyOne() {
        String title = "状態検索 " + java.util.UUID.randomUUID();
        Map<String, Object> d = draft("2026-10-02", 20L, false);
        d.put("title", title);
        JsonNode kept = created(api().post("/api/v1/contracts", aMember, d));
        JsonNode sent = created(api().post("/api/v1/contracts", aMember, d));
        sent = attach(sent.get("id").asText(), aMember, sent.get("revision").asLong(), pdf(2));
        sent = ok(step(sent.get("id").asText(), "submit", aMember, sent.get("revision").asLong(), null));
        String sentStatus = sent.get("status").asText();
        assertThat(sentStatus).isNotEqualTo("DRAFT");
        String byTitle = "/api/v1/contracts?title=" + enc(title) + "&sort=NUMBER_ASC&status=";

        assertThat(ok(api().get(byTitle + "DRAFT", aMember)).get("items")).extracting(i -> i.get("id").asText())
                .containsExactly(kept.get("id").asText());
        assertThat(ok(api().get(byTitle + sentStatus.toLowerCase(java.util.Locale.ROOT), aMember)).get("items"))
                .extracting(i -> i.get("id").asText()).containsExactly(sent.get("id").asText());
        assertThat(ok(api().get(byTitle + "DRAFT," + sentStatus + ",COMPLETED", aMember)).get("total").asInt())
                .isEqualTo(2);
        assertThat(ok(api().get(byTitle + "COMPLETED,WITHDRAWN", aMember)).get("total").asInt()).isZero();
        assertThat(ok(api().get(byTitle, aMember)).get("total").asInt()).as("blank: every status").isEqualTo(2);
        assertThat(api().get(byTitle + "DRAFT,FINISHED", aMember).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get(byTitle + "DRAFT,,COMPLETED", aMember).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get(byTitle + "DRAFT,FINISHED", aMember).status()).isEqualTo(400);
    }

    @Test
    void theDeadlineJobExpiresOnlySentContractsPastTheirDeadline() {
        java.time.Instant deadline = server.clock().instant().plus(java.time.Duration.ofDays(7));
        Map<String, Object> d = draft("2026-10-01", 10L, false);
        d.put("deadline", deadline.toString());
        JsonNode sent = created(api().post("/api/v1/contracts", aMember, d));
        sent = attach(sent.get("id").asText(), aMember, sent.get("revision").asLong(), pdf(1));
        sent = ok(step(sent.get("id").asText(), "submit", aMember, sent.get("revision").asLong(), null));
        JsonNode stillDraft = created(api().post("/api/v1/contracts", aMember, d));

        assertThat(server.context().contracts().workflow().expireDue()).as("before the deadline").isZero();
        java.time.Duration past = java.time.Duration.ofDays(8);
        server.clock().advance(past);
        try {
            assertThat(server.context().contracts().workflow().expireDue()).isEqualTo(1);
        } finally {
            // The other tests share this server and its sessions; time goes back to where they left it.
            server.clock().advance(past.negated());
        }
        String sentId = sent.get("id").asText();
        assertThat(api().get("/api/v1/contracts/" + sentId, aMember).json().get("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(api().get("/api/v1/contracts/" + stillDraft.get("id").asText(), aMember).json().get("status")
                .asText()).isEqualTo("DRAFT");
        assertThat(api().get("/api/v1/audit?action=CONTRACT_EXPIRED", aAdmin).json().get("items"))
                .anyMatch(e -> e.get("actor").asText().equals("system") && e.get("target").asText().equals(sentId));
    }

    @Test
    void theSearchResultDownloadsAsCsvAndAsZipWithThePdfs() throws java.io.IOException {
        Map<String, Object> d = draft("2026-12-24", 777_777L, false);
        d.put("title", "出力確認 =SUM(A1)");
        JsonNode k = created(api().post("/api/v1/contracts", aMember, d));
        byte[] pdf = pdf(2);
        k = attach(k.get("id").asText(), aMember, k.get("revision").asLong(), pdf);
        String filter = "dateFrom=2026-12-24&dateTo=2026-12-24&amountMin=777777&amountMax=777777";

        ApiClient.Response csv = api().get("/api/v1/contracts/export?" + filter, aMember);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\"文書管理番号\",\"契約文書名称\"");
        assertThat(lines[1]).contains(k.get("managementNumber").asText()).contains("\"出力確認 =SUM(A1)\"")
                .contains("\"2026-12-24\"").contains("\"777777\"").contains("+09:00");
        List<List<String>> records = jp.sitesign.server.audit.Csv.parse(text);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < records.get(0).size(); i++) {
            row.put(records.get(0).get(i), records.get(1).get(i));
        }
        assertThat(row).as("the companies by name, their ids beside")
                .containsEntry("取引先", "協力工業株式会社").containsEntry("取引先ID", b.id().value())
                .containsEntry("送付元", "元請建設株式会社").containsEntry("送付元ID", a.id().value());

        ApiClient.Response zip = api().get("/api/v1/contracts/export?format=zip&" + filter, aMember);
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("contracts.csv", "pdf/" + k.get("managementNumber").asText() + ".pdf");
        assertThat(entries.get("pdf/" + k.get("managementNumber").asText() + ".pdf")).isEqualTo(pdf);
        assertThat(api().get("/api/v1/contracts/export?format=xls", aMember).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get("/api/v1/contracts/export?" + filter, bAdmin).body()).as("drafts never reach B")
                .doesNotContain(k.get("managementNumber").asText());
        assertThat(api().get("/api/v1/audit?action=CONTRACTS_EXPORTED", aAdmin).json().get("items")).isNotEmpty();
    }

    private static Map<String, Object> draft(String date, long amount, boolean construction) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "電気設備工事 注文書");
        d.put("transactionDate", date);
        d.put("amountYen", amount);
        d.put("taxIncluded", true);
        d.put("construction", construction);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of(a.admin().value()));
        d.put("signer", a.member2().value());
        return d;
    }

    private static Map<String, Object> withRevision(Map<String, Object> draft, long revision) {
        Map<String, Object> copy = new HashMap<>(draft);
        copy.put("revision", revision);
        return copy;
    }

    private static Map<String, String> allTerms() {
        Map<String, String> terms = new LinkedHashMap<>();
        for (ConstructionItem item : ConstructionItem.values()) {
            if (item.required()) {
                terms.put(item.name(), item.labelJa() + "について別紙のとおり");
            }
        }
        return terms;
    }

    private static ApiClient.Response step(String id, String command, String token, long revision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("revision", revision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api().post("/api/v1/contracts/" + id + "/" + command, token, body);
    }

    private static JsonNode attach(String id, String token, long revision, byte[] pdf) {
        return ok(upload(id, token, revision, pdf));
    }

    private static ApiClient.Response upload(String id, String token, long revision, byte[] pdf) {
        return api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + revision, token, pdf,
                Map.of("Content-Type", "application/pdf"));
    }

    private static byte[] pdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static JsonNode created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ApiClient api() {
        return server.api();
    }

    @Test
    void withoutATsaSettingOutsideDemoModeTheSignaturePolicyNamesNoTsa() {
        JsonNode policy = api().get("/api/v1/signature-policy", aMember).json();

        assertThat(policy.has("tsaUrl")).isTrue();
        assertThat(policy.get("tsaUrl").isNull()).isTrue();
    }
}
