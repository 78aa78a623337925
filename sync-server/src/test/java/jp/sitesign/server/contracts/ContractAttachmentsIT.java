package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.testing.HostilePdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.AuditTrail;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 添付書類 over real HTTPS: up to five PDFs beside the main one on a draft, listed with their hashes, sealed
 * names and sizes, downloadable, removable while a draft, fixed once sent, exported with the main PDF and
 * deleted with the draft. A PDF made to exhaust the server or to act when opened is refused, as main PDF or
 * attachment, and nothing of it is stored.
 */
class ContractAttachmentsIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static int pdfs;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        aSigner = api().login(a.member2().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDraftTakesFiveAttachmentsListedWithTheirHashesAndTheSixthIsRefusedSayingTheLimit() {
        JsonNode k = draftWithMain("2027-01-10");
        String id = k.get("id").asText();
        List<byte[]> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            byte[] pdf = pdf(i);
            files.add(pdf);
            k = created(attach(id, aMember, k, "図面 その" + i + ".pdf", pdf));
        }
        JsonNode view = ok(api().get("/api/v1/contracts/" + id, aMember));
        JsonNode documents = view.get("documents");
        assertThat(documents).hasSize(6);
        assertThat(documents.get(0).get("kind").asText()).isEqualTo("MAIN");
        assertThat(documents.get(0).get("sha256").asText()).isEqualTo(view.get("mainDocument").asText());
        for (int i = 1; i <= 5; i++) {
            JsonNode d = documents.get(i);
            assertThat(d.get("kind").asText()).isEqualTo("ATTACHMENT");
            assertThat(d.get("name").asText()).isEqualTo("図面 その" + i + ".pdf");
            assertThat(d.get("sha256").asText()).isEqualTo(Digests.sha256Hex(files.get(i - 1)));
            assertThat(d.get("pages").asInt()).isEqualTo(i);
            assertThat(d.get("sizeBytes").asLong()).isEqualTo(files.get(i - 1).length);
        }

        ApiClient.Response sixth = attach(id, aMember, k, "追加資料", pdf(6));
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.code()).isEqualTo("ATTACHMENT_LIMIT");
        assertThat(sixth.json().get("messageJa").asText()).contains("5 件まで");
        assertThat(sixth.json().get("messageEn").asText()).contains("at most 5");
        assertThat(ok(api().get("/api/v1/contracts/" + id, aMember)).get("documents")).hasSize(6);

        String third = Digests.sha256Hex(files.get(2));
        ApiClient.Response download = api().get("/api/v1/contracts/" + id + "/attachments/" + third, aMember);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(files.get(2));
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename*=UTF-8''" + URLEncoder.encode("図面 その3.pdf", StandardCharsets.UTF_8)
                        .replace("+", "%20"));

        k = ok(api().delete("/api/v1/contracts/" + id + "/attachments/" + third + "?revision="
                + k.get("revision").asLong(), aMember));
        assertThat(k.get("documents")).hasSize(5).noneMatch(d -> d.get("sha256").asText().equals(third));
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + third, aMember).status()).isEqualTo(404);
        k = created(attach(id, aMember, k, "追加資料", pdf(6)));
        assertThat(k.get("documents").get(5).get("name").asText()).as("added after the others").isEqualTo("追加資料");
    }

    @Test
    void anAttachmentMustBeAUsablePdfWithANameAndNotADocumentTheContractAlreadyHas() {
        byte[] main = pdf(2);
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft("2027-01-20")));
        String id = k.get("id").asText();
        k = ok(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(), aMember,
                main, Map.of("Content-Type", "application/pdf")));

        ApiClient.Response notPdf = attach(id, aMember, k, "見積書", "見積書です".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.code()).isEqualTo("INVALID_DOCUMENT");
        assertThat(notPdf.json().get("messageJa").asText()).contains("PDF ファイルではありません");
        byte[] good = pdf(1);
        assertThat(attach(id, aMember, k, "途中まで", java.util.Arrays.copyOf(good, good.length / 2)).code())
                .isEqualTo("INVALID_DOCUMENT");
        ApiClient.Response unnamed = attach(id, aMember, k, " ", good);
        assertThat(unnamed.code()).isEqualTo("INVALID_FIELD");
        assertThat(unnamed.json().get("messageJa").asText()).contains("名前");

        k = created(attach(id, aMember, k, "仕様書", good));
        ApiClient.Response twice = attach(id, aMember, k, "仕様書（再）", good);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("DUPLICATE_DOCUMENT");
        assertThat(attach(id, aMember, k, "本文の写し", main).code()).as("the main PDF as an attachment")
                .isEqualTo("DUPLICATE_DOCUMENT");
        assertThat(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(),
                aMember, good, Map.of("Content-Type", "application/pdf")).code()).as("an attachment as the main PDF")
                .isEqualTo("DUPLICATE_DOCUMENT");
        assertThat(ok(api().get("/api/v1/contracts/" + id, aMember)).get("documents")).hasSize(2);
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + "0".repeat(64), aMember).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/not-a-hash", aMember).code())
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void aMegabyteThatInflatesToAGibibyteIsTooComplexAsMainPdfOrAttachmentAndNothingIsStored() {
        JsonNode k = draftWithMain("2027-01-25");
        String id = k.get("id").asText();
        byte[] bomb = HostilePdfs.objectStreamBomb(1024);

        ApiClient.Response asMain = api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision="
                + k.get("revision").asLong(), aMember, bomb, Map.of("Content-Type", "application/pdf"));
        ApiClient.Response asAttachment = attach(id, aMember, k, "図面", bomb);

        for (ApiClient.Response r : List.of(asMain, asAttachment)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("DOCUMENT_TOO_COMPLEX");
            assertThat(r.json().get("messageJa").asText()).contains("複雑すぎる");
            assertThat(r.json().get("messageEn").asText()).contains("too complex");
        }
        JsonNode now = ok(api().get("/api/v1/contracts/" + id, aMember));
        assertThat(now.get("mainDocument").asText()).isEqualTo(k.get("mainDocument").asText());
        assertThat(now.get("documents")).hasSize(1);
    }

    @Test
    void activeContentAndALyingPageCountAreRefusedSayingWhat() {
        JsonNode k = draftWithMain("2027-01-26");
        String id = k.get("id").asText();

        assertRefused(attach(id, aMember, k, "見積書", HostilePdfs.javaScriptOnOpen()), "JavaScript");
        assertRefused(attach(id, aMember, k, "見積書", HostilePdfs.launchLink()), "起動");
        assertRefused(attach(id, aMember, k, "見積書", HostilePdfs.embeddedProgram("setup.exe")),
                "実行ファイル（setup.exe）");
        assertRefused(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(),
                aMember, HostilePdfs.claimingPages(2, Integer.MAX_VALUE), Map.of("Content-Type", "application/pdf")),
                "2147483647");
        assertThat(ok(api().get("/api/v1/contracts/" + id, aMember)).get("documents")).hasSize(1);
    }

    @Test
    void theSyncFeedCarriesTheAttachmentsWithTheirNames() {
        JsonNode k = draftWithMain("2027-01-28");
        byte[] pdf = pdf(2);
        k = created(attach(k.get("id").asText(), aMember, k, "同期される別紙", pdf));
        String id = k.get("id").asText();

        JsonNode page = ok(api().get("/api/v1/sync/changes?since=0&limit=1000", aMember));
        JsonNode contract = null;
        for (JsonNode change : page.get("changes")) {
            if (change.get("id").asText().equals(id)) {
                contract = change.get("contract");
            }
        }
        assertThat(contract).as("the draft is in its creator's feed").isNotNull();
        assertThat(contract.get("revision").asLong()).isEqualTo(k.get("revision").asLong());
        assertThat(contract.get("documents")).anySatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("ATTACHMENT");
            assertThat(d.get("name").asText()).isEqualTo("同期される別紙");
            assertThat(d.get("sha256").asText()).isEqualTo(Digests.sha256Hex(pdf));
        });
    }

    @Test
    void theDisplayNameIsSealedAtRest() {
        JsonNode k = draftWithMain("2027-01-25");
        String name = "秘密の図面ABCXYZ";
        k = created(attach(k.get("id").asText(), aMember, k, name, pdf(1)));
        String id = k.get("id").asText();
        byte[] stored = server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement(
                    "SELECT display_name FROM contract_documents WHERE contract_id = ? AND kind = 'ATTACHMENT'")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ABCXYZ");
        assertThat(indexOf(stored, name.getBytes(StandardCharsets.UTF_8))).isNegative();
    }

    @Test
    void deletingTheDraftDeletesItsAttachments() {
        JsonNode k = draftWithMain("2027-02-01");
        String id = k.get("id").asText();
        k = created(attach(id, aMember, k, "別紙1", pdf(1)));
        k = created(attach(id, aMember, k, "別紙2", pdf(2)));
        assertThat(documentRows(id)).isEqualTo(3);

        assertThat(api().delete("/api/v1/contracts/" + id + "?revision=" + k.get("revision").asLong(), aMember)
                .status()).isEqualTo(204);

        assertThat(documentRows(id)).as("no PDF or sealed name left behind").isZero();
    }

    @Test
    void onceSubmittedTheAttachmentsAreFixedAndTheAuditLogNamesTheOnesSent() {
        JsonNode k = draftWithMain("2027-02-10");
        String id = k.get("id").asText();
        byte[] sent = pdf(3);
        k = created(attach(id, aMember, k, "内訳書", sent));
        k = ok(api().post("/api/v1/contracts/" + id + "/submit", aMember, Map.of("revision", k.get("revision").asLong())));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");

        ApiClient.Response added = attach(id, aMember, k, "後から追加", pdf(4));
        assertThat(added.status()).isEqualTo(403);
        assertThat(added.json().get("messageJa").asText()).contains("下書き");
        ApiClient.Response byAdmin = attach(id, aAdmin, k, "後から追加", pdf(4));
        assertThat(byAdmin.status()).isEqualTo(403);
        String sha = Digests.sha256Hex(sent);
        assertThat(api().delete("/api/v1/contracts/" + id + "/attachments/" + sha + "?revision="
                + k.get("revision").asLong(), aMember).status()).isEqualTo(403);

        JsonNode after = ok(api().get("/api/v1/contracts/" + id, aSigner));
        assertThat(after.get("revision").asLong()).isEqualTo(k.get("revision").asLong());
        assertThat(after.get("documents")).extracting(d -> d.get("sha256").asText())
                .containsExactly(k.get("mainDocument").asText(), sha);
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + sha, aSigner).bytes()).isEqualTo(sent);
        assertThat(ok(api().get("/api/v1/audit?action=CONTRACT_SUBMITTED&limit=200", aAdmin)).get("items"))
                .anyMatch(e -> e.get("target").asText().equals(id) && e.get("details").asText().contains(sha));
    }

    @Test
    void theZipExportHoldsTheAttachmentsBesideTheMainPdfAndTheCsvNamesTheirHashes() throws IOException {
        Map<String, Object> d = draft("2027-03-03");
        d.put("amountYen", 818_181L);
        JsonNode k = created(api().post("/api/v1/contracts", aMember, d));
        String id = k.get("id").asText();
        byte[] main = pdf(2);
        k = ok(api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(), aMember,
                main, Map.of("Content-Type", "application/pdf")));
        byte[] first = pdf(1);
        byte[] second = pdf(3);
        k = created(attach(id, aMember, k, "工程表.pdf", first));
        k = created(attach(id, aMember, k, "図面/配線:1", second));
        String number = k.get("managementNumber").asText();
        String filter = "dateFrom=2027-03-03&dateTo=2027-03-03&amountMin=818181&amountMax=818181";

        ApiClient.Response zip = api().get("/api/v1/contracts/export?format=zip&" + filter, aMember);
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("contracts.csv", "pdf/" + number + ".pdf",
                "pdf/" + number + "_添付1_工程表.pdf", "pdf/" + number + "_添付2_図面_配線_1.pdf");
        assertThat(entries.get("pdf/" + number + ".pdf")).isEqualTo(main);
        assertThat(entries.get("pdf/" + number + "_添付1_工程表.pdf")).isEqualTo(first);
        assertThat(entries.get("pdf/" + number + "_添付2_図面_配線_1.pdf")).isEqualTo(second);
        String csv = new String(entries.get("contracts.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("添付書類SHA-256")
                .contains("\"" + Digests.sha256Hex(first) + " " + Digests.sha256Hex(second) + "\"");
    }

    @Test
    void openingOrDownloadingAnyDocumentIsAnAuditEventNamingWhoTheContractAndTheHash() {
        JsonNode k = draftWithMain("2027-02-01");
        String id = k.get("id").asText();
        String main = k.get("mainDocument").asText();
        byte[] drawing = pdf(1);
        k = created(attach(id, aMember, k, "図面.pdf", drawing));
        String attachment = Digests.sha256Hex(drawing);

        assertThat(api().get("/api/v1/contracts/" + id + "/document", aMember).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + attachment, aAdmin).status()).isEqualTo(200);
        assertThat(api().raw("GET", "/api/v1/sync/documents/" + id + "/" + main, aMember, new byte[0],
                Map.of("Range", "bytes=0-")).status()).as("the desktop's download").isEqualTo(206);
        assertThat(api().get("/api/v1/contracts/" + id + "/document", api().login(b.member().value(),
                TestServer.PASSWORD)).status()).as("a draft that has not reached B: refused, not recorded")
                .isEqualTo(404);

        List<JsonNode> opened = AuditTrail.events(api(), aAdmin, "DOCUMENT_OPENED", id);
        assertThat(opened).extracting(e -> e.get("actor").asText(), e -> e.get("details").asText()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.member().value(), "status=DRAFT sha256=" + main),
                org.assertj.core.groups.Tuple.tuple(a.admin().value(), "status=DRAFT sha256=" + attachment),
                org.assertj.core.groups.Tuple.tuple(a.member().value(), "status=DRAFT sha256=" + main));
        assertThat(opened).allSatisfy(e -> {
            assertThat(e.get("actionLabel").asText()).isEqualTo("文書の閲覧・ダウンロード");
            assertThat(e.get("clientIp").asText()).isNotBlank();
        });
    }

    private static JsonNode draftWithMain(String date) {
        JsonNode k = created(api().post("/api/v1/contracts", aMember, draft(date)));
        return ok(api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), aMember, pdf(2), Map.of("Content-Type", "application/pdf")));
    }

    private static Map<String, Object> draft(String date) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "添付書類つき 注文書");
        d.put("transactionDate", date);
        d.put("amountYen", 1_100_000L);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        return d;
    }

    static ApiClient.Response attach(String id, String token, JsonNode k, String name, byte[] pdf) {
        return api().raw("POST", "/api/v1/contracts/" + id + "/attachments?revision=" + k.get("revision").asLong()
                + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token, pdf,
                Map.of("Content-Type", "application/pdf"));
    }

    private static void assertRefused(ApiClient.Response r, String japanese) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_DOCUMENT");
        assertThat(r.json().get("messageJa").asText()).contains(japanese);
        assertThat(r.json().get("messageEn").asText()).isNotBlank();
    }

    private static int documentRows(String id) {
        return server.context().db().read(conn -> {
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM contract_documents WHERE contract_id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** A distinct PDF each call (a different page size), with {@code pages} pages. */
    static byte[] pdf(int pages) {
        pdfs++;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(new PDRectangle(500 + pdfs, 700)));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
