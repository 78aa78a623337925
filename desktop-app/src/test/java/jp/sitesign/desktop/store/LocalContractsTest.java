package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts list shows the user's saved draft work before the server has it. */
class LocalContractsTest {
    @TempDir
    Path home;
    StoreSession store;

    @BeforeEach
    void open() {
        store = new TestStores(home).open();
        store.apply(TestStores.page(2, Change.of(TestStores.contract("k1", "外壁改修工事", 1), 1),
                Change.of(TestStores.contract("k2", "内装工事", 1), 2)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ContractQuery title(String text) {
        return new ContractQuery(null, text, null, null, null, null, null, null, null, 0, 50);
    }

    @Test
    void aDraftNotYetPushedIsListedFoundAndMarkedLocal() {
        String id = UUID.randomUUID().toString();
        store.outbox().append(Command.createDraft(id, TestStores.draft("足場架設工事 オフライン作成")));

        LocalContract local = store.contracts().current(id).orElseThrow();
        assertThat(local.localOnly()).isTrue();
        assertThat(local.current().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(local.current().senderId()).isEqualTo(TestStores.OWN.value());
        assertThat(local.pending()).extracting(e -> e.command().type()).containsExactly(CommandType.CREATE_DRAFT);
        assertThat(store.contracts().search(ContractQuery.all(50)).items()).extracting(c -> c.current().id())
                .as("newest first (the local draft was saved just now), equal times by id").containsExactly(id, "k1", "k2");
        assertThat(store.contracts().search(title("オフライン")).items()).extracting(c -> c.current().id())
                .containsExactly(id);
    }

    @Test
    void aPendingEditShowsTheEditedDraftAndIsSearchedByWhatItNowSays() {
        store.outbox().append(Command.editDraft("k1", 1, TestStores.draft("外壁塗装工事")));

        LocalContract k1 = store.contracts().current("k1").orElseThrow();
        assertThat(k1.current().title()).isEqualTo("外壁塗装工事");
        assertThat(k1.server().title()).isEqualTo("外壁改修工事");
        assertThat(k1.locallyChanged()).isTrue();
        assertThat(k1.current().revision()).as("still based on the server's revision").isEqualTo(1);
        assertThat(store.contracts().search(title("塗装")).items()).extracting(c -> c.current().id())
                .containsExactly("k1");
        assertThat(store.contracts().search(title("改修")).items()).isEmpty();
    }

    @Test
    void aPendingDeleteHidesTheDraft() {
        store.outbox().append(Command.step(CommandType.DELETE_DRAFT, "k2", 1L));

        assertThat(store.contracts().current("k2")).isEmpty();
        assertThat(store.contracts().search(ContractQuery.all(50)).items()).extracting(c -> c.current().id())
                .containsExactly("k1");
        assertThat(store.contracts().search(ContractQuery.all(50)).total()).isEqualTo(1);
    }

    @Test
    void anAppliedEditKeepsShowingUntilTheFeedBringsItsRevision() {
        Command edit = store.outbox().append(Command.editDraft("k1", 1, TestStores.draft("外壁塗装工事"))).command();
        store.outbox().markResult(CommandResult.applied(edit.id(), "k1", 2L));

        assertThat(store.contracts().current("k1").orElseThrow().current().title()).isEqualTo("外壁塗装工事");

        store.apply(new jp.sitesign.model.sync.ChangePage(java.util.List.of(
                Change.of(TestStores.contract("k1", "外壁塗装工事（サーバー）", 2), 3)), 3, true, false));

        LocalContract k1 = store.contracts().current("k1").orElseThrow();
        assertThat(k1.current().title()).isEqualTo("外壁塗装工事（サーバー）");
        assertThat(k1.locallyChanged()).isFalse();
        assertThat(store.outbox().all()).isEmpty();
    }

    @Test
    void aRejectedEditShowsTheServersStateAndWaitsBesideTheContract() {
        Command edit = store.outbox().append(Command.editDraft("k1", 1, TestStores.draft("外壁塗装工事"))).command();
        store.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.REJECTED, "k1", null,
                ErrorCode.FORBIDDEN, "この下書きを編集する権限がありません。", "Not allowed.", null));

        LocalContract k1 = store.contracts().current("k1").orElseThrow();
        assertThat(k1.current().title()).isEqualTo("外壁改修工事");
        assertThat(k1.pending()).extracting(OutboxEntry::state).containsExactly(OutboxState.REJECTED);
        assertThat(store.contracts().search(ContractQuery.all(50)).items().stream()
                .filter(c -> c.current().id().equals("k1")).findFirst().orElseThrow().pending()).hasSize(1);
    }
}
