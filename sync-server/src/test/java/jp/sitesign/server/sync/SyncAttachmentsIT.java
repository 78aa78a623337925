package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.testing.HostilePdfs;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.DocumentKind;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What was REST-only, through the outbox: attachments (添付書類) added and removed and 変更契約 started by sync
 * commands, each applied exactly once and refused or answered with a conflict like every other command.
 */
class SyncAttachmentsIT {
    private static final ObjectMapper JSON = WireJson.create();
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static String bAdmin;
    static String bMember;
    static String bSigner;
    static String completedId;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = login(a.admin().value());
        aMember = login(a.member().value());
        aSigner = login(a.member2().value());
        bAdmin = login(b.admin().value());
        bMember = login(b.member().value());
        bSigner = login(b.member2().value());
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
        signers.grant(api(), bAdmin, "協力工業株式会社", b.member2());
        completedId = completedContract();
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void anAttachmentUploadedThenAttachedByCommandIsPulledWithItsNameAndHash_once() {
        String id = create(draft("添付書類付き 注文書"));
        byte[] pdf = upload(pdf("図面 A"));
        String sha = Digests.sha256Hex(pdf);
        Command attach = Command.attachAttachment(id, revision(id), sha, "  図面 A.pdf ");

        CommandResult first = push(aMember, attach);
        CommandResult again = push(aMember, attach);

        assertThat(first.outcome()).as(first.toString()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(again).as("a repeat gets the first answer").isEqualTo(first);
        ContractSnapshot k = pulled(aMember, id);
        assertThat(k.revision()).isEqualTo(first.revision());
        assertThat(k.mainDocument()).as("an attachment is not the main PDF").isNull();
        assertThat(k.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("ATTACHMENT");
            assertThat(d.name()).isEqualTo("図面 A.pdf");
            assertThat(d.sha256()).isEqualTo(sha);
            assertThat(d.sizeBytes()).isEqualTo(pdf.length);
        });
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + sha, aMember).bytes()).isEqualTo(pdf);
        assertThat(api().get("/api/v1/sync/uploads/" + sha, aMember).json().get("size").asLong())
                .as("the upload was used up").isZero();
    }

    @Test
    void anUploadBelongsToItsUploader_aColleagueWhoKnowsTheHashSeesNothingAndCannotAttachIt() {
        byte[] pdf = upload(pdf("見積書（担当者のアップロード）"));
        String sha = Digests.sha256Hex(pdf);
        String colleaguesDraft = UUID.randomUUID().toString();
        apply(aAdmin, Command.createDraft(colleaguesDraft, draft("同僚の下書き")));

        JsonNode seen = api().get("/api/v1/sync/uploads/" + sha, aAdmin).json();
        long revision = pulled(aAdmin, colleaguesDraft).revision();
        CommandResult taken = push(aAdmin, Command.attach(colleaguesDraft, revision, sha));

        assertThat(seen.get("size").asLong()).as("not even its size").isZero();
        assertThat(seen.get("complete").asBoolean()).isFalse();
        assertThat(taken.outcome()).as(taken.toString()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(taken.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT);
        assertThat(pulled(aAdmin, colleaguesDraft).documents()).isEmpty();
        assertThat(api().get("/api/v1/sync/uploads/" + sha, aMember).json().get("complete").asBoolean())
                .as("the uploader's upload is untouched").isTrue();

        ApiClient.Response own = api().raw("PUT", "/api/v1/sync/uploads/" + sha + "?offset=0&last=true", aAdmin, pdf,
                Map.of("Content-Type", "application/octet-stream"));
        assertThat(own.status()).as("the colleague uploads the same bytes as their own").isEqualTo(200);
        apply(aAdmin, Command.attach(colleaguesDraft, revision, sha));
        assertThat(pulled(aAdmin, colleaguesDraft).mainDocument()).isEqualTo(sha);
    }

    @Test
    void theMainPdfAndAnAttachmentAreToldApartByTheirKind() {
        String id = create(draft("本文と添付"));
        String main = Digests.sha256Hex(upload(pdf("本文")));
        String extra = Digests.sha256Hex(upload(pdf("内訳書")));

        apply(aMember, Command.attach(id, revision(id), main));
        apply(aMember, new Command.AttachDocument(UUID.randomUUID(), id, revision(id), extra, DocumentKind.ATTACHMENT,
                "内訳書.pdf"));

        ContractSnapshot k = pulled(aMember, id);
        assertThat(k.mainDocument()).isEqualTo(main);
        assertThat(k.documents()).extracting(ContractSnapshot.DocumentRef::sha256, ContractSnapshot.DocumentRef::kind,
                ContractSnapshot.DocumentRef::name).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(main, "MAIN", null),
                        org.assertj.core.groups.Tuple.tuple(extra, "ATTACHMENT", "内訳書.pdf"));
    }

    @Test
    void aHostileDocumentIsRejectedWithItsReasonAndItsUploadIsDroppedNotKeptForAWeek() {
        String id = create(draft("危ない添付"));
        String script = Digests.sha256Hex(upload(HostilePdfs.javaScriptOnOpen()));
        String bomb = Digests.sha256Hex(upload(HostilePdfs.objectStreamBomb(512)));

        CommandResult scripted = push(aMember, Command.attachAttachment(id, revision(id), script, "見積書.pdf"));
        CommandResult inflated = push(aMember, Command.attach(id, revision(id), bomb));

        assertThat(scripted.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(scripted.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT);
        assertThat(scripted.messageJa()).contains("JavaScript");
        assertThat(inflated.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
        assertThat(inflated.messageEn()).contains("too complex");
        for (String sha : List.of(script, bomb)) {
            JsonNode status = api().get("/api/v1/sync/uploads/" + sha, aMember).json();
            assertThat(status.get("complete").asBoolean()).as("dropped").isFalse();
            assertThat(status.get("size").asLong()).isZero();
        }
    }

    @Test
    void anAttachmentCommandBreakingTheAttachmentRulesIsRejectedWithTheirReason() {
        String id = create(draft("規則違反の添付"));
        String sha = Digests.sha256Hex(upload(pdf("名前のない添付")));

        CommandResult noName = push(aMember, Command.attachAttachment(id, revision(id), sha, " "));
        assertThat(noName.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(noName.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(noName.messageJa()).contains("名前");
        assertThat(noName.messageEn()).contains("name");

        ApiClient.Response namedMain = api().post("/api/v1/sync/commands", aMember, "{\"commands\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + id + "\",\"baseRevision\":"
                + revision(id) + ",\"documentSha256\":\"" + sha + "\",\"documentKind\":\"MAIN\","
                + "\"documentName\":\"本文.pdf\"}]}");
        assertThat(namedMain.status()).as("refused as it is read: " + namedMain).isEqualTo(400);
        assertThat(namedMain.code()).isEqualTo("INVALID_FIELD");
        assertThat(namedMain.json().get("messageEn").asText()).contains("documentName");

        for (int i = 1; i <= 5; i++) {
            String each = Digests.sha256Hex(upload(pdf("別紙 " + i)));
            apply(aMember, Command.attachAttachment(id, revision(id), each, "別紙 " + i + ".pdf"));
        }
        CommandResult sixth = push(aMember, Command.attachAttachment(id, revision(id), sha, "六つ目.pdf"));
        assertThat(sixth.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(sixth.code()).isEqualTo(ErrorCode.ATTACHMENT_LIMIT);
        assertThat(pulled(aMember, id).documents()).hasSize(5);
        assertThat(api().get("/api/v1/sync/uploads/" + sha, aMember).json().get("complete").asBoolean())
                .as("a refused command leaves the upload for a retry").isTrue();
    }

    @Test
    void removingAnAttachmentOnAStaleRevisionIsAConflict_onTheCurrentOneItIsGone() {
        String id = create(draft("添付を外す"));
        String sha = Digests.sha256Hex(upload(pdf("不要な添付")));
        apply(aMember, Command.attachAttachment(id, revision(id), sha, "不要.pdf"));
        long rev = revision(id);
        apply(aMember, Command.editDraft(id, rev, draft("添付を外す（改）").withRevision(rev)));

        CommandResult stale = push(aMember, Command.removeAttachment(id, rev, sha));
        assertThat(stale.outcome()).isEqualTo(CommandOutcome.CONFLICT);
        assertThat(stale.current().revision()).isEqualTo(rev + 1);
        assertThat(stale.current().documents()).extracting(ContractSnapshot.DocumentRef::sha256).containsExactly(sha);

        Command remove = Command.removeAttachment(id, rev + 1, sha);
        CommandResult removed = push(aMember, remove);
        assertThat(removed.outcome()).as(removed.toString()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(push(aMember, remove)).as("a repeat is not a second removal").isEqualTo(removed);
        assertThat(pulled(aMember, id).documents()).isEmpty();
        assertThat(api().get("/api/v1/audit?action=ATTACHMENT_REMOVED", aAdmin).json().get("items"))
                .anyMatch(e -> e.get("target").asText().equals(id) && e.get("details").asText().contains(sha));

        CommandResult unknown = push(aMember, Command.removeAttachment(id, revision(id), sha));
        assertThat(unknown.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        CommandResult malformed = push(aMember, Command.removeAttachment(id, revision(id), "not-a-hash"));
        assertThat(malformed.code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void attachmentsOfASentContractCannotChangeByCommand() {
        String id = create(draft("送付済み"));
        apply(aMember, Command.attach(id, revision(id), Digests.sha256Hex(upload(pdf("送付済み本文")))));
        String sha = Digests.sha256Hex(upload(pdf("送付済み添付")));
        apply(aMember, Command.attachAttachment(id, revision(id), sha, "別紙.pdf"));
        apply(aMember, Command.step(CommandType.SUBMIT, id, revision(id)));
        String late = Digests.sha256Hex(upload(pdf("後から")));

        CommandResult add = push(aMember, Command.attachAttachment(id, revision(id), late, "後から.pdf"));
        CommandResult remove = push(aMember, Command.removeAttachment(id, revision(id), sha));

        for (CommandResult r : List.of(add, remove)) {
            assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(r.code()).isIn(ErrorCode.CONFLICT, ErrorCode.FORBIDDEN);
        }
        assertThat(pulled(aMember, id).documents()).extracting(ContractSnapshot.DocumentRef::sha256).contains(sha)
                .doesNotContain(late);
    }

    @Test
    void anAmendCommandStartsAChangeContractUnderTheClientsId_once() {
        String newId = UUID.randomUUID().toString();
        Command amend = Command.amend(newId, completedId);
        ContractSnapshot original = pulled(aMember, completedId);

        CommandResult first = push(aMember, amend);
        CommandResult again = push(aMember, amend);

        assertThat(first.outcome()).as(first.toString()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(first.entityId()).isEqualTo(newId);
        assertThat(again).isEqualTo(first);
        ContractSnapshot k = pulled(aMember, newId);
        assertThat(k.status().name()).isEqualTo("DRAFT");
        assertThat(k.originalId()).isEqualTo(completedId);
        assertThat(k.creatorId()).isEqualTo(a.member().value());
        assertThat(k.title()).isEqualTo(original.title());
        assertThat(k.amountYen()).isEqualTo(original.amountYen());
        assertThat(k.managementNumber()).isNotEqualTo(original.managementNumber());
        assertThat(k.documents()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM contracts WHERE original_id = ? AND id = ?", completedId, newId))
                .isEqualTo(1);
        ContractSnapshot after = pulled(aMember, completedId);
        assertThat(after.revision()).as("the original does not change").isEqualTo(original.revision());
        assertThat(after.mainDocument()).isEqualTo(original.mainDocument());

        CommandResult sameId = push(aMember, Command.amend(newId, completedId));
        assertThat(sameId.outcome()).as("a new command cannot reuse a taken contract id")
                .isEqualTo(CommandOutcome.REJECTED);
        assertThat(sameId.code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void anAmendCommandIsRefusedForAnUnfinishedContract_aCounterparty_andWithoutAnOriginal() {
        String draftId = create(draft("未締結"));
        CommandResult fromDraft = push(aMember, Command.amend(UUID.randomUUID().toString(), draftId));
        assertThat(fromDraft.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(fromDraft.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(fromDraft.messageJa()).contains("締結済");

        String byB = UUID.randomUUID().toString();
        CommandResult counterparty = push(bAdmin, Command.amend(byB, completedId));
        assertThat(counterparty.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(counterparty.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(counterparty.messageJa()).contains("送付元");

        ApiClient.Response noOriginal = api().post("/api/v1/sync/commands", aMember, "{\"commands\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"type\":\"AMEND\",\"entityId\":\"" + UUID.randomUUID() + "\"}]}");
        assertThat(noOriginal.status()).as("refused as it is read: " + noOriginal).isEqualTo(400);
        assertThat(noOriginal.code()).isEqualTo("INVALID_FIELD");
        assertThat(noOriginal.json().get("messageEn").asText()).contains("originalId");
        assertThat(noOriginal.json().get("messageJa").asText()).contains("originalId");
        CommandResult badId = push(aMember, Command.amend("not-a-uuid", completedId));
        assertThat(badId.code()).isEqualTo(ErrorCode.INVALID_FIELD);

        assertThat(count("SELECT COUNT(*) FROM contracts WHERE id = ?", byB)).isZero();
        assertThat(count("SELECT COUNT(*) FROM contracts WHERE original_id = ?", draftId)).isZero();
    }

    @Test
    void commandsWithoutTheNewFieldsKeepTheirOldJson() throws IOException {
        String old = "{\"commands\":[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"SUBMIT\",\"entityId\":\""
                + UUID.randomUUID() + "\",\"baseRevision\":1,\"draft\":null,\"comment\":null,\"documentSha256\":null,"
                + "\"baseSha256\":null,\"route\":null,\"signer\":null}]}";
        PushRequest read = JSON.readValue(old, PushRequest.class);
        assertThat(read.commands().get(0)).isInstanceOf(Command.Step.class);
        String written = JSON.writeValueAsString(read);
        assertThat(written).doesNotContain("documentKind", "documentName", "originalId");
        ApiClient.Response r = api().post("/api/v1/sync/commands", aMember, old);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("results").get(0).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    // --- helpers

    /** A non-construction contract signed by both companies: sender signer a.member2, counterparty b.member2. */
    private static String completedContract() {
        String id = create(draft("〇〇邸 外構工事 注文書"));
        apply(aMember, Command.attach(id, revision(id), Digests.sha256Hex(upload(pdf("締結される本文")))));
        apply(aMember, Command.step(CommandType.SUBMIT, id, revision(id)));
        JsonNode submitted = api().get("/api/v1/contracts/" + id, aMember).json();
        signers.complete(api(), submitted, a.member2(), aSigner, bMember, b.member2(), bSigner);
        return id;
    }

    private static ContractDraft draft(String title) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2027, 3, 1), 2_200_000L, true,
                false, null, null, null, List.of(new ContractDraft.Counterparty(b.id().value(), b.member().value())),
                List.of(), a.member2().value(), null);
    }

    private static String create(ContractDraft d) {
        String id = UUID.randomUUID().toString();
        apply(aMember, Command.createDraft(id, d));
        return id;
    }

    private static void apply(String token, Command c) {
        CommandResult r = push(token, c);
        assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.APPLIED);
    }

    private static CommandResult push(String token, Command c) {
        ApiClient.Response r = api().post("/api/v1/sync/commands", token, new PushRequest(List.of(c)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        try {
            return JSON.readValue(r.bytes(), PushResponse.class).results().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long revision(String id) {
        return pulled(aMember, id).revision();
    }

    /** The contract as the change feed gives it to {@code token}'s user now. */
    private static ContractSnapshot pulled(String token, String id) {
        ContractSnapshot found = null;
        ChangePage page = null;
        do {
            ApiClient.Response r = api().get("/api/v1/sync/changes?since=" + (page == null ? 0 : page.checkpoint())
                    + "&limit=1000", token);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            try {
                page = JSON.readValue(r.bytes(), ChangePage.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Change ch : page.changes()) {
                if (id.equals(ch.id()) && ch.contract() != null) {
                    found = ch.contract();
                }
            }
        } while (page.more());
        if (found == null) {
            throw new AssertionError(id + " was not pulled");
        }
        return found;
    }

    /** Uploads {@code pdf} completely, in one chunk; returns it. */
    private static byte[] upload(byte[] pdf) {
        ApiClient.Response r = api().raw("PUT", "/api/v1/sync/uploads/" + Digests.sha256Hex(pdf) + "?offset=0&last=true",
                aMember, pdf, Map.of("Content-Type", "application/octet-stream"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return pdf;
    }

    /** A one-page PDF whose bytes are its own (the label goes into its document information). */
    private static byte[] pdf(String label) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setTitle(label + " " + UUID.randomUUID());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String sql, String... args) {
        return server.context().db().read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String login(String user) {
        return api().login(user, TestServer.PASSWORD);
    }

    private static ApiClient api() {
        return server.api();
    }
}
