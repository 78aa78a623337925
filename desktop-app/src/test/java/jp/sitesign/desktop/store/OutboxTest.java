package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox is durable, ordered, and keeps what the user must see until the user dismisses it. */
class OutboxTest {
    @TempDir
    Path home;

    private static CommandResult rejected(UUID id) {
        return new CommandResult(id, CommandOutcome.REJECTED, "k1", null, ErrorCode.FORBIDDEN, "権限がありません。",
                "Not allowed.", null);
    }

    @Test
    void anAppendedCommandSurvivesClosingTheStoreAndCommandsKeepTheirOrder() {
        TestStores stores = new TestStores(home);
        Command a = Command.createDraft(UUID.randomUUID().toString(), TestStores.draft("一件目"));
        Command b = Command.step(CommandType.SUBMIT, "k1", 3L);
        Command c = Command.returnToSender("k2", 1, "金額を確認してください");
        try (StoreSession s = stores.open()) {
            s.outbox().append(a);
            s.outbox().append(b);
            s.outbox().append(c);
        }
        try (StoreSession s = stores.open()) {
            assertThat(s.outbox().pending()).extracting(OutboxEntry::command).containsExactly(a, b, c);
            assertThat(s.outbox().pending()).allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxState.PENDING));
        }
    }

    @Test
    void rejectedAndConflictingCommandsStayVisibleUntilDismissedAndAppliedOnesLeave() {
        try (StoreSession s = new TestStores(home).open()) {
            Command submit = s.outbox().append(Command.step(CommandType.SUBMIT, "k1", 3L)).command();
            Command approve = s.outbox().append(Command.step(CommandType.APPROVE, "k2", 1L)).command();
            Command edit = s.outbox().append(Command.editDraft("k3", 2, TestStores.draft("編集"))).command();
            var current = TestStores.contract("k3", "他の人の編集", 3);

            s.outbox().markResult(CommandResult.applied(submit.id(), "k1", 4L));
            s.outbox().markResult(rejected(approve.id()));
            s.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.CONFLICT, "k3", null, ErrorCode.CONFLICT,
                    "競合", "conflict", current));

            assertThat(s.outbox().pending()).isEmpty();
            assertThat(s.outbox().all()).extracting(e -> e.command().id()).as("an applied submit has nothing left to show")
                    .containsExactly(approve.id(), edit.id());
            assertThat(s.outbox().needingAttention()).extracting(OutboxEntry::state)
                    .containsExactly(OutboxState.REJECTED, OutboxState.CONFLICT);
            assertThat(s.outbox().needingAttention().get(0).result().messageJa()).isEqualTo("権限がありません。");
            assertThat(s.outbox().needingAttention().get(1).result().current()).isEqualTo(current);

            s.outbox().markResult(rejected(approve.id()));
            assertThat(s.outbox().needingAttention()).as("a repeated answer changes nothing").hasSize(2);

            s.outbox().dismiss(approve.id());
            assertThat(s.outbox().needingAttention()).extracting(e -> e.command().id()).containsExactly(edit.id());
        }
    }

    @Test
    void aPendingCommandCannotBeDismissedNorAnsweredTwiceDifferently() {
        try (StoreSession s = new TestStores(home).open()) {
            Command approve = s.outbox().append(Command.step(CommandType.APPROVE, "k2", 1L)).command();

            assertThatThrownBy(() -> s.outbox().dismiss(approve.id())).isInstanceOf(IllegalStateException.class);
            s.outbox().markResult(rejected(approve.id()));
            assertThatThrownBy(() -> s.outbox().markResult(CommandResult.applied(approve.id(), "k2", 2L)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.outbox().markResult(CommandResult.applied(UUID.randomUUID(), "k2", 2L)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * An outbox written when a command was one class with every field (nulls included) reads as the commands'
     * records, each written back as the same JSON, so what a user queued offline before an update still syncs.
     */
    @Test
    void anOutboxWrittenBeforeCommandsHadTheirOwnRecordsReadsAsItWasWritten() throws Exception {
        String nothing = "\"comment\":null,\"documentSha256\":null,\"baseSha256\":null,\"route\":null,\"signer\":null";
        java.util.Map<String, Class<?>> old = new java.util.LinkedHashMap<>();
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CREATE_DRAFT\",\"entityId\":\"n1\","
                + "\"baseRevision\":null,\"draft\":{\"revision\":null,\"form\":\"BILATERAL\",\"managementNumber\":null,"
                + "\"title\":\"旧版で作った下書き\",\"transactionDate\":\"2026-04-10\",\"amountYen\":1000000,"
                + "\"taxIncluded\":true,\"construction\":false,\"terms\":{},\"note\":null,\"originalId\":null,"
                + "\"counterparties\":[{\"companyId\":\"C00000002\",\"receiverId\":\"U00000201\"}],\"route\":[],"
                + "\"signer\":null,\"deadline\":null}," + nothing + "}", Command.CreateDraft.class);
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"SUBMIT\",\"entityId\":\"k1\",\"baseRevision\":3,"
                + "\"draft\":null," + nothing + "}", Command.Step.class);
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"RETURN\",\"entityId\":\"k2\",\"baseRevision\":1,"
                + "\"draft\":null,\"comment\":\"金額を確認してください\",\"documentSha256\":null,\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", Command.CommentedStep.class);
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"k3\","
                + "\"baseRevision\":2,\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "ab".repeat(32) + "\","
                + "\"baseSha256\":null,\"route\":null,\"signer\":null,\"documentKind\":\"ATTACHMENT\","
                + "\"documentName\":\"図面.pdf\"}", Command.AttachDocument.class);
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"SIGN\",\"entityId\":\"k4\",\"baseRevision\":5,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "cd".repeat(32) + "\",\"baseSha256\":\""
                + "ab".repeat(32) + "\",\"route\":null,\"signer\":null,\"keySource\":\"signer.p12\"}",
                Command.Sign.class);
        // Before issue 14 a withdrawal was a plain step without a reason: it reads as a commented one without.
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"WITHDRAW\",\"entityId\":\"k5\",\"baseRevision\":2,"
                + "\"draft\":null," + nothing + "}", Command.CommentedStep.class);
        old.put("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"MARK_NOTICE_READ\",\"entityId\":\"42\","
                + "\"baseRevision\":null,\"draft\":null," + nothing + "}", Command.MarkNoticeRead.class);
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> rows = new java.util.LinkedHashMap<>();
        for (String json : old.keySet()) {
            rows.put(json, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        }
        TestStores stores = new TestStores(home);
        stores.open().close();
        try (StoreDatabase db = StoreDatabase.open(stores.at, stores.key)) {
            db.inTransaction(c -> {
                for (var row : rows.entrySet()) {
                    String json = row.getKey();
                    com.fasterxml.jackson.databind.JsonNode n = row.getValue();
                    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, type, entity_id,"
                            + " state, command, queued_at) VALUES (?, ?, ?, 'PENDING', ?, CURRENT_TIMESTAMP)")) {
                        ps.setObject(1, UUID.fromString(n.get("id").asText()));
                        ps.setString(2, n.get("type").asText());
                        ps.setString(3, n.get("entityId").asText());
                        ps.setString(4, json);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }

        try (StoreSession s = stores.open()) {
            assertThat(s.outbox().pending()).extracting(e -> e.command().getClass().getName())
                    .containsExactlyElementsOf(old.values().stream().map(Class::getName).toList());
            assertThat(s.outbox().pending()).extracting(e -> StoreJson.write(e.command()))
                    .as("written back as it was").containsExactlyElementsOf(old.keySet());
            assertThat(s.contracts().current("n1")).as("the old draft is shown").isPresent();
            OutboxEntry submit = s.outbox().pending().get(1);
            s.outbox().markResult(CommandResult.applied(submit.command().id(), "k1", 4L));
            assertThat(s.outbox().pending()).hasSize(old.size() - 1);
        }
    }

    @Test
    void anInvalidDraftIsRefusedBeforeItIsQueued() {
        ContractDraft tooManyParties = new ContractDraft(null, jp.sitesign.model.contract.ContractForm.BILATERAL, null,
                "x", null, null, null, null, null, null, null, java.util.List.of(
                        new ContractDraft.Counterparty("C00000002", "U00000201"),
                        new ContractDraft.Counterparty("C00000003", "U00000301")), null, null, null);
        try (StoreSession s = new TestStores(home).open()) {
            assertThatThrownBy(() -> s.outbox().append(Command.createDraft("n1", tooManyParties)))
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
            assertThat(s.outbox().all()).isEmpty();
        }
    }
}
