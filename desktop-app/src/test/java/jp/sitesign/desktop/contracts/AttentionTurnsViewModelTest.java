package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.ContractTurn;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 要対応 over a real local store: the contracts waiting on the user first, then the sync problems, and the count. */
class AttentionTurnsViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final UserId COLLEAGUE = new UserId("U00000102");
    static final UserId PARTNER_USER = new UserId("U00000201");

    @TempDir
    Path dir;
    StoreSession store;

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .user(COLLEAGUE.value(), Role.MEMBER, true).partner(UiTestStores.PARTNER, "株式会社 山田工務店")
                .contract(UiTestStores.draft("draft", "下書きの注文書", "K-001", LocalDate.of(2026, 4, 1), 100L, 1))
                .contract(sent("approve-me", ContractStatus.IN_APPROVAL, List.of(UiTestStores.ME), COLLEAGUE, 0))
                .contract(sent("approve-colleague", ContractStatus.IN_APPROVAL, List.of(COLLEAGUE),
                        UiTestStores.ME, 0))
                .contract(sent("sign-me", ContractStatus.AWAITING_SIGNATURE, List.of(), UiTestStores.ME, 0))
                .contract(sent("second-approver", ContractStatus.IN_APPROVAL, List.of(COLLEAGUE, UiTestStores.ME),
                        COLLEAGUE, 0))
                .contract(reachedMe("route-me"))
                .applyTo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Sent by the own company (created by the colleague), in the given state of the sender's step. */
    private static ContractSnapshot sent(String id, ContractStatus status, List<UserId> route, UserId signer,
            int position) {
        ContractSnapshot base = UiTestStores.draft(id, "注文書 " + id, "K-" + id, LocalDate.of(2026, 5, 1),
                4_180_000L, 2);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, status, List.of(
                PartyStep.sender(UiTestStores.OWN, route, signer), PartyStep.counterparty(UiTestStores.PARTNER,
                        PARTNER_USER)), 0, status == ContractStatus.AWAITING_SIGNATURE ? route.size() : position,
                null, null);
        return ContractSnapshot.of(id, UiTestStores.OWN, COLLEAGUE, p, base.data(), null, List.of(), 2,
                UiTestStores.T, UiTestStores.T.plusSeconds(id.length()));
    }

    /** Sent by the partner, signed by it, now with the own company whose 担当者 is ME. */
    private static ContractSnapshot reachedMe(String id) {
        ContractSnapshot base = UiTestStores.draft(id, "注文書 " + id, "P-" + id, LocalDate.of(2026, 6, 1),
                2_200_000L, 3);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                new PartyStep(UiTestStores.PARTNER, null, List.of(), PARTNER_USER, true),
                PartyStep.counterparty(UiTestStores.OWN, UiTestStores.ME)), 1, 0, null, null);
        return ContractSnapshot.of(id, UiTestStores.PARTNER, PARTNER_USER, p, base.data(), null, List.of(), 3,
                UiTestStores.T, UiTestStores.T.plusSeconds(100));
    }

    private ConflictsViewModel viewModel() {
        ConflictsViewModel vm = new ConflictsViewModel(store, () -> { }, Runnable::run, Runnable::run, JA);
        vm.refresh();
        return vm;
    }

    @Test
    void listsExactlyTheContractsWaitingOnTheUser_withWhatEachWaitsForAndWhoseTurnItIs() {
        ConflictsViewModel vm = viewModel();

        assertThat(vm.turns()).extracting(TurnItem::contractId)
                .containsExactlyInAnyOrder("approve-me", "sign-me", "route-me");
        TurnItem approve = turn(vm, "approve-me");
        assertThat(approve.task()).isEqualTo(ContractTurn.Task.APPROVE);
        assertThat(approve.status()).isEqualTo("承認待ち（自社・利用者 " + UiTestStores.ME.value() + "）");
        assertThat(approve.taskText()).isEqualTo("承認または差戻しをしてください。");
        assertThat(approve.heading()).contains("K-approve-me", "注文書 approve-me");
        assertThat(approve.details()).contains("株式会社 山田工務店", "¥4,180,000（税込）");
        assertThat(turn(vm, "sign-me").task()).isEqualTo(ContractTurn.Task.SIGN);
        assertThat(turn(vm, "route-me").task()).isEqualTo(ContractTurn.Task.SET_ROUTE);
        assertThat(turn(vm, "route-me").status()).isEqualTo("承認ルート設定待ち（自社・利用者 "
                + UiTestStores.ME.value() + "）");
        assertThat(vm.countProperty().get()).isEqualTo(3);
    }

    @Test
    void aContractOnWhichTheUserQueuedTheirStepNoLongerWaitsOnThem_andSyncProblemsCountToo() {
        store.outbox().append(Command.step(CommandType.APPROVE, "approve-me", 2L));
        Command refused = Command.step(CommandType.SUBMIT, "draft", 1L);
        store.outbox().append(refused);
        store.outbox().markResult(new CommandResult(refused.id(), CommandOutcome.REJECTED, "draft", null,
                ErrorCode.FORBIDDEN, "権限がありません。", "Forbidden.", null));

        ConflictsViewModel vm = viewModel();

        assertThat(vm.turns()).extracting(TurnItem::contractId).containsExactlyInAnyOrder("sign-me", "route-me");
        assertThat(vm.items()).hasSize(1);
        assertThat(vm.countProperty().get()).isEqualTo(3);
    }

    @Test
    void openingATurnHandsTheContractToTheSection() {
        ConflictsViewModel vm = viewModel();
        List<String> opened = new java.util.ArrayList<>();
        vm.onOpen(opened::add);

        vm.open(turn(vm, "sign-me"));

        assertThat(opened).containsExactly("sign-me");
    }

    private static TurnItem turn(ConflictsViewModel vm, String id) {
        return vm.turns().stream().filter(t -> t.contractId().equals(id)).findFirst().orElseThrow();
    }
}
