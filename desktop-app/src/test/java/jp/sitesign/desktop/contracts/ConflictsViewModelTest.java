package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's refused and conflicting commands, and what "keep mine" / "keep theirs" do with them. */
class ConflictsViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    Path dir;
    StoreSession store;
    ContractSnapshot theirs;
    final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        UiTestStores.changes().contract(UiTestStores.draft("k1", "足場工事 注文書", "K-001", LocalDate.of(2026, 4, 1),
                1_200_000L, 3)).applyTo(store);
        theirs = UiTestStores.draft("k1", "足場工事 注文書（改）", "K-001", LocalDate.of(2026, 4, 1), 1_500_000L, 5);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ConflictsViewModel viewModel() {
        ConflictsViewModel vm = new ConflictsViewModel(store, saved::incrementAndGet, Runnable::run, Runnable::run, JA);
        vm.refresh();
        return vm;
    }

    private Command myEdit() {
        ContractSnapshot base = store.contracts().current("k1").orElseThrow().current();
        ContractDraft mine = new ContractDraft(3L, base.form(), "K-001", "足場工事 注文書（私の版）", base.transactionDate(),
                900_000L, true, false, java.util.Map.of(), "私のメモ", null,
                List.of(new ContractDraft.Counterparty(UiTestStores.PARTNER.value(), "U00000201")), List.of(), null,
                null);
        Command edit = Command.editDraft("k1", 3L, mine);
        store.outbox().append(edit);
        return edit;
    }

    @Test
    void aConflictShowsBothVersionsSideBySide() {
        Command edit = myEdit();
        store.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.CONFLICT, "k1", null,
                ErrorCode.CONFLICT, null, null, theirs));

        AttentionItem item = viewModel().items().get(0);

        assertThat(item.kind()).isEqualTo(AttentionItem.Kind.CONFLICT);
        assertThat(item.canKeepMine()).isTrue();
        assertThat(item.comparison()).anySatisfy(r -> assertThat(r)
                .containsExactly("契約文書名称", "足場工事 注文書（私の版）", "足場工事 注文書（改）"));
        assertThat(item.comparison()).anySatisfy(r -> assertThat(r)
                .containsExactly("取引金額", "¥900,000（税込）", "¥1,500,000（税込）"));
    }

    @Test
    void keepMineQueuesTheUsersDraftAsAnEditOfTheCurrentRevisionAndDismissesTheConflict() {
        Command edit = myEdit();
        store.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.CONFLICT, "k1", null,
                ErrorCode.CONFLICT, null, null, theirs));
        ConflictsViewModel vm = viewModel();

        assertThat(vm.keepMine(vm.items().get(0))).isTrue();

        assertThat(store.outbox().needingAttention()).isEmpty();
        List<OutboxEntry> pending = store.outbox().pending();
        assertThat(pending).singleElement().satisfies(e -> {
            assertThat(e.command().id()).isNotEqualTo(edit.id());
            assertThat(e.command().type()).isEqualTo(CommandType.EDIT_DRAFT);
            assertThat(e.command().baseRevision()).isEqualTo(5L);
            assertThat(((Command.WithDraft) e.command()).draft().revision()).isEqualTo(5L);
            assertThat(((Command.WithDraft) e.command()).draft().title()).isEqualTo("足場工事 注文書（私の版）");
            assertThat(((Command.WithDraft) e.command()).draft().amountYen()).isEqualTo(900_000L);
            assertThat(((Command.WithDraft) e.command()).draft().note()).isEqualTo("私のメモ");
        });
        assertThat(saved).hasValue(1);
        assertThat(vm.items()).isEmpty();
    }

    @Test
    void keepTheirsDismissesWithoutQueuingAnything() {
        Command edit = myEdit();
        store.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.CONFLICT, "k1", null,
                ErrorCode.CONFLICT, null, null, theirs));
        ConflictsViewModel vm = viewModel();

        vm.keepTheirs(vm.items().get(0));

        assertThat(store.outbox().all()).isEmpty();
        assertThat(saved).as("the status bar and the list are told at once").hasValue(1);
    }

    @Test
    void aRefusalShowsTheServersReason() {
        Command submit = Command.step(CommandType.SUBMIT, "k1", 3L);
        store.outbox().append(submit);
        store.outbox().markResult(new CommandResult(submit.id(), CommandOutcome.REJECTED, "k1", null,
                ErrorCode.FORBIDDEN, "この操作の権限がありません。", "Not allowed.", null));

        AttentionItem item = viewModel().items().get(0);

        assertThat(item.kind()).isEqualTo(AttentionItem.Kind.REJECTED);
        assertThat(item.explanation()).isEqualTo("この操作の権限がありません。");
        assertThat(item.heading()).isEqualTo("承認依頼：足場工事 注文書");
        assertThat(item.canKeepMine()).isFalse();
    }

    @Test
    void aSignatureOnAStaleVersionAsksToSignAgain() {
        Command sign = Command.sign("k1", 3L, "cd".repeat(32), "ab".repeat(32));
        store.outbox().append(sign);
        store.outbox().markResult(new CommandResult(sign.id(), CommandOutcome.CONFLICT, "k1", null,
                ErrorCode.SIGN_AGAIN, null, null, theirs));

        AttentionItem item = viewModel().items().get(0);

        assertThat(item.kind()).isEqualTo(AttentionItem.Kind.SIGN_AGAIN);
        assertThat(item.explanation()).startsWith("署名し直してください");
        assertThat(item.canKeepMine()).isFalse();
    }
}
