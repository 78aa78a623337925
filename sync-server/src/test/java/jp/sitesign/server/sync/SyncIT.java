package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sync endpoints over real HTTPS: the change feed, exactly-once commands, uploads and ranged downloads. */
class SyncIT {
    private static final ObjectMapper JSON = WireJson.create();
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aMember2;
    static String bAdmin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        aMember2 = api().login(a.member2().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.member2());
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.admin());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFirstPullGivesWhatTheUserMaySee_andTheNextOnlyWhatChangedSince() {
        String id = create(aMember, draft("外構工事 注文書"));
        ChangePage first = pullAll(aMember, 0);
        assertThat(ids(first, EntityType.CONTRACT)).contains(id);
        assertThat(ids(first, EntityType.USER)).contains(a.member().value()).doesNotContain(b.admin().value());
        assertThat(first.changes()).noneMatch(Change::removed);
        assertThat(ids(pullAll(bAdmin, 0), EntityType.CONTRACT)).as("a draft never reaches the counterparty")
                .doesNotContain(id);

        ChangePage nothing = pull(aMember, first.checkpoint(), 100);
        assertThat(nothing.changes()).isEmpty();
        assertThat(nothing.checkpoint()).isEqualTo(first.checkpoint());

        long rev = contract(first, id).revision();
        apply(aMember, Command.editDraft(id, rev, draft("外構工事 注文書（改）").withRevision(rev)));
        ChangePage next = pull(aMember, first.checkpoint(), 100);
        assertThat(next.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.id()).isEqualTo(id);
            assertThat(ch.contract().title()).isEqualTo("外構工事 注文書（改）");
            assertThat(ch.contract().revision()).isEqualTo(rev + 1);
        });
    }

    @Test
    void pagesComeInSequenceOrder_andTheCheckpointOfEachPageLeadsToTheNext() {
        ChangePage start = pullAll(aAdmin, 0);
        String x = create(aAdmin, draft("一"));
        String y = create(aAdmin, draft("二"));
        String z = create(aAdmin, draft("三"));
        ChangePage p1 = pull(aAdmin, start.checkpoint(), 2);
        ChangePage p2 = pull(aAdmin, p1.checkpoint(), 2);
        assertThat(p1.more()).isTrue();
        assertThat(p2.more()).isFalse();
        assertThat(ids(p1, EntityType.CONTRACT)).containsExactly(x, y);
        assertThat(ids(p2, EntityType.CONTRACT)).containsExactly(z);
        assertThat(p1.changes().get(0).seq()).isLessThan(p1.changes().get(1).seq());
    }

    @Test
    void aDeletedDraftComesAsATombstone_toEveryoneWhoHadIt() {
        String id = create(aMember, draft("削除される下書き"));
        long memberAt = pullAll(aMember, 0).checkpoint();
        long adminAt = pullAll(aAdmin, 0).checkpoint();
        long rev = contract(pull(aMember, memberAt - 1, 1000), id).revision();

        apply(aMember, Command.step(CommandType.DELETE_DRAFT, id, rev));

        for (var who : List.of(Map.entry(aMember, memberAt), Map.entry(aAdmin, adminAt))) {
            ChangePage page = pull(who.getKey(), who.getValue(), 1000);
            assertThat(page.changes()).filteredOn(ch -> ch.id().equals(id)).singleElement()
                    .satisfies(ch -> assertThat(ch.removed()).isTrue());
        }
        assertThat(ids(pullAll(aMember, 0), EntityType.CONTRACT)).as("a fresh device never hears of it")
                .doesNotContain(id);
    }

    @Test
    void aContractTheUserNoLongerMaySeeComesAsATombstone() {
        ContractDraft withApprover = draft("署名者が外れる下書き");
        String id = create(aMember, withApprover);
        long rev = revision(aMember, id);
        // member2 sees the draft only while named as its signer.
        assertThat(ids(pullAll(aMember2, 0), EntityType.CONTRACT)).contains(id);
        long at = pullAll(aMember2, 0).checkpoint();

        ContractDraft otherSigner = new ContractDraft(rev, withApprover.form(), null, withApprover.title(), null, null,
                null, null, null, null, null, withApprover.counterparties(), List.of(), a.admin().value(), null);
        apply(aMember, Command.editDraft(id, rev, otherSigner));

        ChangePage page = pull(aMember2, at, 1000);
        assertThat(page.changes()).filteredOn(ch -> ch.id().equals(id)).singleElement()
                .satisfies(ch -> assertThat(ch.removed()).isTrue());
    }

    @Test
    void aRepeatedCommandGetsTheFirstResult_andIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        Command create = Command.createDraft(id, draft("一度だけ作られる下書き"));
        CommandResult first = push(aMember, create).get(0);
        CommandResult again = push(aMember, create).get(0);

        assertThat(first.outcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(again).isEqualTo(first);
        long count = server.context().db().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM contracts WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(count).isEqualTo(1);

        Command submitWithoutPdf = Command.step(CommandType.SUBMIT, id, first.revision());
        CommandResult refused = push(aMember, submitWithoutPdf).get(0);
        assertThat(refused.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(refused.code()).isEqualTo(ErrorCode.CONTRACT_INCOMPLETE);
        assertThat(refused.messageJa()).contains("PDF");
        assertThat(push(aMember, submitWithoutPdf).get(0)).as("a refusal is remembered too").isEqualTo(refused);

        CommandResult stolen = push(aAdmin, create).get(0);
        assertThat(stolen.outcome()).as("another user cannot replay someone's command id")
                .isEqualTo(CommandOutcome.REJECTED);
        assertThat(stolen.entityId()).isNull();
    }

    @Test
    void anEditOnAStaleRevisionIsAConflictCarryingTheCurrentState() {
        String id = create(aMember, draft("二台で編集される下書き"));
        long rev = revision(aMember, id);
        apply(aMember, Command.editDraft(id, rev, draft("ノートPCでの編集").withRevision(rev)));

        CommandResult r = push(aMember, Command.editDraft(id, rev, draft("事務所PCでの編集").withRevision(rev))).get(0);

        assertThat(r.outcome()).isEqualTo(CommandOutcome.CONFLICT);
        assertThat(r.current().title()).isEqualTo("ノートPCでの編集");
        assertThat(r.current().revision()).isEqualTo(rev + 1);
    }

    @Test
    void aCommandOutsideTheCallersRightsIsRejectedWithThePolicysReason() {
        String id = create(aMember, draft("他人の下書き"));
        long rev = revision(aMember, id);
        CommandResult r = push(aMember2, Command.step(CommandType.DELETE_DRAFT, id, rev)).get(0);
        assertThat(r.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(r.code()).isIn(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND);
        assertThat(revision(aMember, id)).isEqualTo(rev);
    }

    @Test
    void anUploadResumesWhereItWasCut_isCheckedByItsHash_andTheCommandAttachesIt() {
        byte[] pdf = pdf(3);
        String sha = Digests.sha256Hex(pdf);
        int half = pdf.length / 2;
        ApiClient.Response part = chunk(aMember, sha, 0, Arrays.copyOfRange(pdf, 0, half), false);
        assertThat(part.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/sync/uploads/" + sha, aMember).json().get("size").asLong()).isEqualTo(half);
        ApiClient.Response wrongPlace = chunk(aMember, sha, 5, Arrays.copyOfRange(pdf, 5, pdf.length), true);
        assertThat(wrongPlace.status()).isEqualTo(409);
        assertThat(wrongPlace.json().get("messageEn").asText()).contains("byte " + half);
        ApiClient.Response done = chunk(aMember, sha, half, Arrays.copyOfRange(pdf, half, pdf.length), true);
        assertThat(done.json().get("complete").asBoolean()).isTrue();

        String id = create(aMember, draft("PDF 添付"));
        CommandResult attached = push(aMember, Command.attach(id, revision(aMember, id), sha)).get(0);
        assertThat(attached.outcome()).isEqualTo(CommandOutcome.APPLIED);

        ApiClient.Response tail = api().raw("GET", "/api/v1/sync/documents/" + id + "/" + sha, aMember, new byte[0],
                Map.of("Range", "bytes=" + half + "-"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + half + "-" + (pdf.length - 1)
                + "/" + pdf.length);
        byte[] whole = new byte[pdf.length];
        System.arraycopy(pdf, 0, whole, 0, half);
        System.arraycopy(tail.bytes(), 0, whole, half, tail.bytes().length);
        assertThat(Digests.sha256Hex(whole)).isEqualTo(sha);
        assertThat(api().get("/api/v1/sync/documents/" + id + "/" + sha, bAdmin).status())
                .as("another company's document is not found").isEqualTo(404);
    }

    @Test
    void anUploadWhoseBytesDoNotMatchItsHashIsRefusedAndDiscarded() {
        byte[] pdf = pdf(1);
        String claimed = Digests.sha256Hex("something else".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response r = chunk(aMember, claimed, 0, pdf, true);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_DOCUMENT");
        assertThat(api().get("/api/v1/sync/uploads/" + claimed, aMember).json().get("size").asLong()).isZero();
        assertThat(chunk(aMember, "not-a-hash", 0, pdf, true).status()).isEqualTo(400);
    }

    @Test
    void malformedFeedAndPushRequestsAreClear4xx() {
        assertThat(api().get("/api/v1/sync/changes?since=-1", aMember).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/sync/changes?since=abc", aMember).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/sync/commands", aMember, Map.of("commands", List.of())).status()).isEqualTo(400);
        ApiClient.Response unknownType = api().post("/api/v1/sync/commands", aMember,
                "{\"commands\":[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"LAUNCH\"}]}");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/sync/changes", null).status()).isEqualTo(401);
    }

    /** A command whose type is not one, or whose fields have the wrong JSON type, is the wire's usual field error. */
    @Test
    void anUnknownOrIllTypedCommandIsAClear400NamingTheField() {
        String id = create(aMember, draft("型違いのコマンド"));
        long rev = revision(aMember, id);
        String sha = "ab".repeat(32);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("\"type\":\"LAUNCH\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev, "type");
        bad.put("\"type\":\"submit\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev, "type");
        bad.put("\"type\":3,\"entityId\":\"" + id + "\",\"baseRevision\":" + rev, "type");
        bad.put("\"type\":[\"SUBMIT\"],\"entityId\":\"" + id + "\",\"baseRevision\":" + rev, "type");
        bad.put("\"type\":\"SUBMIT\",\"entityId\":\"" + id + "\",\"baseRevision\":\"" + rev + "\"", "baseRevision");
        bad.put("\"type\":\"SIGN\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev + ",\"documentSha256\":"
                + "{\"sha\":\"" + sha + "\"},\"baseSha256\":\"" + sha + "\"", "documentSha256");
        bad.put("\"type\":\"SET_PARTY_ROUTE\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev
                + ",\"route\":\"U00000001\"", "route");
        bad.put("\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev
                + ",\"documentSha256\":\"" + sha + "\",\"documentKind\":\"SEAL\"", "documentKind");
        bad.forEach((fields, field) -> {
            ApiClient.Response r = api().post("/api/v1/sync/commands", aMember,
                    "{\"commands\":[{\"id\":\"" + UUID.randomUUID() + "\"," + fields + "}]}");
            assertThat(r.status()).as(fields + ": " + r).isEqualTo(400);
            assertThat(r.code()).as(fields).isEqualTo("INVALID_FIELD");
            assertThat(r.json().get("field").asText()).as(fields).endsWith(field);
            assertThat(r.json().get("messageJa").asText()).as(fields).contains(field);
        });
        ApiClient.Response unknownField = api().post("/api/v1/sync/commands", aMember, "{\"commands\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"type\":\"SUBMIT\",\"entityId\":\"" + id + "\",\"baseRevision\":" + rev
                + ",\"priority\":1}]}");
        assertThat(unknownField.status()).as(unknownField.toString()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(revision(aMember, id)).as("nothing was applied").isEqualTo(rev);
    }

    /**
     * A command lacking what its type needs (or carrying what it has no use for) is refused as the push is
     * read: 400 with the field named in both languages, never a 500 from a missing value met later, and
     * nothing of the push is applied, so the client's outbox can show the refusal.
     */
    @Test
    void aCommandMissingWhatItsTypeNeedsIsRefusedAsItIsRead_withNothingOfThePushApplied() {
        String id = create(aMember, draft("欠けたコマンド"));
        long rev = revision(aMember, id);
        String sha = "ab".repeat(32);
        String on = "\"entityId\":\"" + id + "\",\"baseRevision\":" + rev;
        Map<String, String> incomplete = new java.util.LinkedHashMap<>();
        incomplete.put("\"type\":\"SIGN\"," + on + ",\"documentSha256\":\"" + sha + "\"", "baseSha256");
        incomplete.put("\"type\":\"SIGN\"," + on + ",\"baseSha256\":\"" + sha + "\"", "documentSha256");
        incomplete.put("\"type\":\"EDIT_DRAFT\"," + on, "draft");
        incomplete.put("\"type\":\"EDIT_DRAFT\"," + on + ",\"draft\":null", "draft");
        incomplete.put("\"type\":\"CREATE_DRAFT\",\"entityId\":\"" + UUID.randomUUID() + "\"", "draft");
        incomplete.put("\"type\":\"ATTACH_DOCUMENT\"," + on, "documentSha256");
        incomplete.put("\"type\":\"ATTACH_DOCUMENT\"," + on + ",\"documentSha256\":\"" + sha
                + "\",\"documentKind\":\"ATTACHMENT\"", "documentName");
        incomplete.put("\"type\":\"REMOVE_ATTACHMENT\"," + on, "documentSha256");
        incomplete.put("\"type\":\"AMEND\",\"entityId\":\"" + UUID.randomUUID() + "\"", "originalId");
        incomplete.put("\"type\":\"SUBMIT\",\"entityId\":\"" + id + "\"", "baseRevision");
        incomplete.put("\"type\":\"APPROVE\",\"baseRevision\":" + rev, "entityId");
        incomplete.put("\"type\":\"MARK_NOTICE_READ\"", "entityId");
        incomplete.put("\"type\":\"SUBMIT\"," + on + ",\"comment\":\"急ぎ\"", "comment");
        incomplete.put("\"type\":\"RETURN\"," + on + ",\"comment\":\"再確認\",\"signer\":\"U00000001\"", "signer");
        incomplete.put("\"entityId\":\"" + id + "\"", "type");
        incomplete.forEach((fields, field) -> {
            String deleteFirst = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"DELETE_DRAFT\"," + on + "}";
            ApiClient.Response r = api().post("/api/v1/sync/commands", aMember, "{\"commands\":[" + deleteFirst
                    + ",{\"id\":\"" + UUID.randomUUID() + "\"," + fields + "}]}");
            assertThat(r.status()).as(fields + ": " + r).isEqualTo(400);
            assertThat(r.code()).as(fields).isEqualTo("INVALID_FIELD");
            assertThat(r.json().get("messageJa").asText()).as(fields).contains(field);
            assertThat(r.json().get("messageEn").asText()).as(fields).contains(field);
        });
        ApiClient.Response noId = api().post("/api/v1/sync/commands", aMember,
                "{\"commands\":[{\"type\":\"SUBMIT\"," + on + "}]}");
        assertThat(noId.status()).as(noId.toString()).isEqualTo(400);
        assertThat(noId.json().get("messageEn").asText()).isEqualTo("Every command needs an id and a type.");
        assertThat(api().post("/api/v1/sync/commands", aMember, "{\"commands\":[null]}").status()).isEqualTo(400);
        assertThat(revision(aMember, id)).as("the valid DELETE_DRAFT before each bad command was not applied")
                .isEqualTo(rev);
    }

    @Test
    void aCheckpointOlderThanTheKeptTombstonesRestartsTheFeed() {
        String id = create(aAdmin, draft("古い端末"));
        long old = pullAll(aAdmin, 0).checkpoint();
        apply(aAdmin, Command.step(CommandType.DELETE_DRAFT, id, revision(aAdmin, id)));
        String kept = create(aAdmin, draft("残る下書き"));
        // Every tombstone so far counts as old enough to drop.
        int purged = server.context().db().inTransaction(c -> server.context().changes()
                .purgeTombstones(c, server.clock().instant().plus(Duration.ofSeconds(1))));
        assertThat(purged).isPositive();

        ChangePage page = pullAll(aAdmin, old);
        assertThat(page.reset()).isTrue();
        assertThat(ids(page, EntityType.CONTRACT)).contains(kept).doesNotContain(id);
        assertThat(page.changes()).noneMatch(Change::removed);
    }

    // --- helpers

    private static ContractDraft draft(String title) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 10, 1), 1_100_000L,
                true, false, null, null, null, List.of(new ContractDraft.Counterparty(b.id().value(), b.member().value())),
                List.of(), a.member2().value(), null);
    }

    private static String create(String token, ContractDraft d) {
        String id = UUID.randomUUID().toString();
        apply(token, Command.createDraft(id, d));
        return id;
    }

    private static void apply(String token, Command c) {
        CommandResult r = push(token, c).get(0);
        assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.APPLIED);
    }

    private static long revision(String token, String id) {
        return api().get("/api/v1/contracts/" + id, token).json().get("revision").asLong();
    }

    static List<CommandResult> push(String token, Command... commands) {
        ApiClient.Response r = api().post("/api/v1/sync/commands", token, new PushRequest(List.of(commands)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return read(r, PushResponse.class).results();
    }

    static ChangePage pull(String token, long since, int limit) {
        ApiClient.Response r = api().get("/api/v1/sync/changes?since=" + since + "&limit=" + limit, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return read(r, ChangePage.class);
    }

    /** Every page from {@code since} on, folded into one (the last checkpoint, the first page's reset). */
    static ChangePage pullAll(String token, long since) {
        List<Change> all = new java.util.ArrayList<>();
        ChangePage page = pull(token, since, 1000);
        boolean reset = page.reset();
        all.addAll(page.changes());
        while (page.more()) {
            page = pull(token, page.checkpoint(), 1000);
            all.addAll(page.changes());
        }
        return new ChangePage(all, page.checkpoint(), false, reset);
    }

    private static List<String> ids(ChangePage page, EntityType type) {
        return page.changes().stream().filter(ch -> ch.type() == type).map(Change::id).toList();
    }

    private static jp.sitesign.model.sync.ContractSnapshot contract(ChangePage page, String id) {
        return page.changes().stream().filter(ch -> id.equals(ch.id()) && ch.contract() != null)
                .reduce((x, y) -> y).orElseThrow().contract();
    }

    private static ApiClient.Response chunk(String token, String sha, long offset, byte[] bytes, boolean last) {
        return api().raw("PUT", "/api/v1/sync/uploads/" + sha + "?offset=" + offset + "&last=" + last, token, bytes,
                Map.of("Content-Type", "application/octet-stream"));
    }

    private static <T> T read(ApiClient.Response r, Class<T> type) {
        try {
            return JSON.readValue(r.bytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(int pages) {
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

    private static ApiClient api() {
        return server.api();
    }
}
