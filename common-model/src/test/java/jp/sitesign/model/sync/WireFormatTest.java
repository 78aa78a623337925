package jp.sitesign.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** What crosses the wire comes back as the same domain, and the strict rules hold for both sides. */
class WireFormatTest {
    private static final ObjectMapper JSON = WireJson.create();
    private static final CompanyId SENDER = new CompanyId("C00000001");
    private static final Instant T = Instant.parse("2026-11-25T01:02:03Z");

    private static ContractDraft draft() {
        return new ContractDraft(null, ContractForm.ORDER_AND_ACCEPTANCE_SEPARATE, "K-2026-0001", "外壁改修工事 注文書",
                LocalDate.of(2026, 11, 20), 12_345_678L, true, true,
                Map.of(ConstructionItem.values()[0], "〇〇ビル外壁改修工事"), "備考",
                null, List.of(new ContractDraft.Counterparty("C00000002", "U00000021")), List.of("U00000012"),
                "U00000011", T.plusSeconds(86_400));
    }

    @Test
    void aSentContractSurvivesTheWireWithItsProgressAndData() throws Exception {
        ContractDraft d = draft();
        ContractProgress draftProgress = d.progress(SENDER);
        ContractProgress sent = ContractLifecycle.apply(draftProgress, LifecycleCommand.SUBMIT, T).next();
        ContractSnapshot k = ContractSnapshot.of("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", SENDER,
                new jp.sitesign.model.user.UserId("U00000011"), sent, d.data(), "ab".repeat(32),
                List.of(new ContractSnapshot.DocumentRef("ab".repeat(32), "MAIN", null, 3, 1234, "U00000011",
                        "UPLOADED", T)), 4, T, T);

        String json = JSON.writeValueAsString(Change.of(k, 42));
        Change back = JSON.readValue(json, Change.class);

        assertThat(back.contract()).isEqualTo(k);
        assertThat(back.contract().progress()).isEqualTo(sent);
        assertThat(back.contract().data()).isEqualTo(d.data());
        assertThat(back.contract().counterpartyId()).isEqualTo("C00000002");
        assertThat(json).doesNotContain("counterpartyId").contains("\"seq\":42");
    }

    @Test
    void aDraftEditedFromASnapshotIsTheSameDraft() {
        ContractDraft d = draft();
        ContractSnapshot k = ContractSnapshot.of("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", SENDER,
                new jp.sitesign.model.user.UserId("U00000011"), d.progress(SENDER), d.data(), null, List.of(), 3, T, T);

        ContractDraft again = ContractDraft.of(k);

        assertThat(again.revision()).isEqualTo(3);
        assertThat(again.progress(SENDER)).isEqualTo(d.progress(SENDER));
        assertThat(again.data()).isEqualTo(d.data());
    }

    @Test
    void commandsAndResultsRoundTrip() throws Exception {
        Command c = Command.sign("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 7, "cd".repeat(32), "ab".repeat(32));
        PushRequest back = JSON.readValue(JSON.writeValueAsString(new PushRequest(List.of(c))), PushRequest.class);
        assertThat(back.commands()).containsExactly(c);

        CommandResult r = new CommandResult(c.id(), CommandOutcome.CONFLICT, c.entityId(), null, ErrorCode.SIGN_AGAIN,
                "署名し直してください", "Sign again", null);
        assertThat(JSON.readValue(JSON.writeValueAsString(r), CommandResult.class)).isEqualTo(r);
    }

    @Test
    void theLaterCommandFieldsRoundTrip_andAreLeftOutWhenUnused() throws Exception {
        Command.AttachDocument attach = Command.attachAttachment("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 3,
                "ab".repeat(32), "図面.pdf");
        Command amend = Command.amend("0b6f0e2a-51d4-4c2e-9d38-3f1b5a6c7d8e", "7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c");
        PushRequest back = JSON.readValue(JSON.writeValueAsString(new PushRequest(List.of(attach, amend))),
                PushRequest.class);
        assertThat(back.commands()).containsExactly(attach, amend);
        assertThat(((Command.AttachDocument) back.commands().get(0)).documentKindOrMain())
                .isEqualTo(DocumentKind.ATTACHMENT);

        Command.AttachDocument old = Command.attach("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 3, "ab".repeat(32));
        assertThat(JSON.writeValueAsString(old)).doesNotContain("documentKind", "documentName", "originalId");
        assertThat(old.documentKindOrMain()).isEqualTo(DocumentKind.MAIN);
        assertThatThrownBy(() -> JSON.readValue("{\"commands\":[{\"id\":\"" + old.id()
                + "\",\"type\":\"ATTACH_DOCUMENT\",\"documentKind\":\"SEAL\"}]}", PushRequest.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    @Test
    void aSignCommandCarriesTheKeySourceOnlyWhenGiven() throws Exception {
        Command named = Command.sign("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 7, "cd".repeat(32), "ab".repeat(32),
                "MyToken");
        PushRequest back = JSON.readValue(JSON.writeValueAsString(new PushRequest(List.of(named))), PushRequest.class);
        assertThat(((Command.Sign) back.commands().get(0)).keySource()).isEqualTo("MyToken");

        Command unnamed = Command.sign("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 7, "cd".repeat(32), "ab".repeat(32));
        assertThat(JSON.writeValueAsString(unnamed)).doesNotContain("keySource");
    }

    @Test
    void aRebasedCommandKeepsEveryComponentButTheRevision() {
        Command.AttachDocument attach = Command.attachAttachment("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 3,
                "ab".repeat(32), "図面.pdf");
        Command.Sign sign = Command.sign("7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c", 3, "cd".repeat(32), "ab".repeat(32),
                "signer.p12");

        assertThat(attach.rebasedOn(5)).isEqualTo(new Command.AttachDocument(attach.id(), attach.entityId(), 5L,
                attach.documentSha256(), DocumentKind.ATTACHMENT, "図面.pdf"));
        assertThat(sign.rebasedOn(5).keySource()).isEqualTo("signer.p12");
        assertThat(sign.rebasedOn(5).baseRevision()).isEqualTo(5L);
    }

    @Test
    void unknownFieldsAreRefusedOnBothSides() {
        assertThatThrownBy(() -> JSON.readValue("{\"commands\":[],\"extra\":1}", PushRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> JSON.readValue("{\"commands\":[],\"commands\":null}", PushRequest.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class).hasMessageContaining("commands");
        assertThatThrownBy(() -> JSON.readTree("{\"a\":{\"b\":1,\"b\":2}}"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }

    /** No UTF-8 encoder (PostgreSQL, the desktop's store) can write half a character: such text is refused. */
    @Test
    void textWithAnUnpairedSurrogateEscapeIsRefusedWhereverItStands() throws Exception {
        for (String bad : List.of("\\ud800", "\\udc00", "\\udc00\\ud800", "x\\ud83d")) {
            assertThatThrownBy(() -> JSON.readValue("{\"commands\":[{\"id\":\"7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c\","
                    + "\"type\":\"RETURN\",\"comment\":\"" + bad + "\"}]}", PushRequest.class))
                    .as(bad).isInstanceOf(MismatchedInputException.class).hasMessageContaining("comment");
            assertThatThrownBy(() -> JSON.readValue("{\"route\":[\"" + bad + "\"]}", Command.class)).as(bad + " in a list")
                    .isInstanceOf(MismatchedInputException.class);
        }
        Command pair = JSON.readValue("{\"id\":\"7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c\",\"type\":\"RETURN\","
                + "\"entityId\":\"k1\",\"baseRevision\":1,\"comment\":\"確認 \\ud83d\\ude00\"}", Command.class);
        assertThat(((Command.CommentedStep) pair).comment()).as("an escaped pair is text like any other")
                .isEqualTo("確認 \ud83d\ude00");
    }

    @Test
    void aMalformedDraftIsAFieldErrorInBothLanguages() {
        ContractDraft bad = new ContractDraft(null, ContractForm.ORDER_AND_ACCEPTANCE_SEPARATE, null, "t", null, null,
                null, null, null, null, null, List.of(new ContractDraft.Counterparty("C00000002", "nobody")), null,
                null, null);
        assertThatThrownBy(() -> bad.progress(SENDER)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.messageJa()).contains("receiverId");
            assertThat(e.messageEn()).contains("receiverId");
        });
    }
}
