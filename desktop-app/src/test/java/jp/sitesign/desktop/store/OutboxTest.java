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
        Command b = Command.of(CommandType.SUBMIT, "k1", 3L);
        Command c = Command.withComment(CommandType.RETURN, "k2", 1, "金額を確認してください");
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
            Command submit = s.outbox().append(Command.of(CommandType.SUBMIT, "k1", 3L)).command();
            Command approve = s.outbox().append(Command.of(CommandType.APPROVE, "k2", 1L)).command();
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
            Command approve = s.outbox().append(Command.of(CommandType.APPROVE, "k2", 1L)).command();

            assertThatThrownBy(() -> s.outbox().dismiss(approve.id())).isInstanceOf(IllegalStateException.class);
            s.outbox().markResult(rejected(approve.id()));
            assertThatThrownBy(() -> s.outbox().markResult(CommandResult.applied(approve.id(), "k2", 2L)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.outbox().markResult(CommandResult.applied(UUID.randomUUID(), "k2", 2L)))
                    .isInstanceOf(IllegalArgumentException.class);
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
