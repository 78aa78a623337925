package jp.sitesign.desktop.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.workflow.ContractOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract detail over a real local store: buttons from ContractOptions, and actions queued. */
class ContractDetailViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final Clock CLOCK = Clock.fixed(UiTestStores.T.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreSession store;
    ContractSnapshot draft;
    final AtomicInteger saved = new AtomicInteger();
    final byte[] pdf = "%PDF-1.7 test".getBytes();

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        draft = UiTestStores.draft("k1", "足場工事 注文書", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 7);
        jp.sitesign.model.sync.ContractDraft signed = new jp.sitesign.model.sync.ContractDraft(null,
                jp.sitesign.model.contract.ContractForm.BILATERAL, null, "署名者つき", LocalDate.of(2026, 4, 2), 10L, true,
                false, java.util.Map.of(), null, null, List.of(new jp.sitesign.model.sync.ContractDraft.Counterparty(
                        UiTestStores.PARTNER.value(), "U00000201")), List.of(), UiTestStores.ME.value(), null);
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .partner(UiTestStores.PARTNER, "株式会社 山田工務店").contract(draft)
                .contract(ContractSnapshot.of("k2", UiTestStores.OWN, UiTestStores.ME, signed.progress(UiTestStores.OWN),
                        signed.data().withManagementNumber("K-002"), null, List.of(), 2, UiTestStores.T, UiTestStores.T))
                .applyTo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ContractDetailViewModel viewModel() {
        return new ContractDetailViewModel(store, (id, sha) -> pdf, saved::incrementAndGet, CLOCK, Runnable::run,
                Runnable::run, JA);
    }

    @Test
    void everyButtonIsEnabledExactlyWhenContractOptionsAllowsItWithItsJapaneseReasonOtherwise() {
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        Actor me = new Actor(UiTestStores.ME, UiTestStores.OWN, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE,
                false);
        List<ContractOptions.Option> options = ContractOptions.of(me, draft.progress(), UiTestStores.ME, true,
                CLOCK.instant());
        assertThat(vm.actions()).extracting(ActionState::command).containsExactlyElementsOf(
                ContractDetailViewModel.ACTIONS);
        for (ActionState a : vm.actions()) {
            ContractOptions.Option o = options.stream().filter(x -> x.command() == a.command()).findFirst()
                    .orElseThrow();
            assertThat(a.allowed()).as(a.command().name()).isEqualTo(o.allowed());
            assertThat(a.tooltip()).as(a.command().name()).isEqualTo(o.allowed() ? null : o.reasonJa());
        }
        ActionState delete = state(vm, LifecycleCommand.DELETE);
        assertThat(delete.allowed()).as("the creator may delete the own draft").isTrue();
        assertThat(delete.label()).isEqualTo("下書きを削除する…");
        ActionState approve = state(vm, LifecycleCommand.APPROVE);
        assertThat(approve.allowed()).isFalse();
        assertThat(approve.tooltip()).isNotBlank();
    }

    @Test
    void thePartiesAreNamedByCompanyName_theOwnCompanyByTheNameTheLoginGave() {
        store.rememberCompanyName("元請建設株式会社");
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        assertThat(vm.parties()).hasSize(2);
        assertThat(vm.parties().get(0)).contains("元請建設株式会社").doesNotContain(UiTestStores.OWN.value());
        assertThat(vm.parties().get(1)).contains("株式会社 山田工務店");
    }

    @Test
    void aSignerTheStoreKnowsIsNamedInThePartyList() {
        ContractDetailViewModel vm = viewModel();
        vm.load("k2");

        assertThat(vm.parties().get(0)).contains("利用者 " + UiTestStores.ME.value());
    }

    @Test
    void theCreatorMayOpenTheEditorOnTheirDraft_butNotTheSigningDialog_andNobodyWithoutAContract() {
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");
        assertThat(vm.canEditProperty().get()).isTrue();
        assertThat(vm.canSignProperty().get()).as("a draft is not awaiting a signature").isFalse();

        vm.load(null);
        assertThat(vm.canEditProperty().get()).isFalse();
    }

    @Test
    void anotherMemberSeesDeleteDisabledWithThePolicysReason() {
        UiTestStores.changesAfter(store).user("U00000102", Role.MEMBER, false).contract(
                new ContractSnapshot(draft.id(), draft.senderId(), "U00000102", draft.form(), draft.status(),
                        draft.managementNumber(), draft.title(), draft.transactionDate(), draft.amountYen(),
                        draft.taxIncluded(), draft.construction(), draft.terms(), draft.note(), draft.originalId(),
                        draft.parties(), draft.currentParty(), draft.routePosition(), draft.deadline(),
                        draft.returnComment(), draft.mainDocument(), draft.documents(), 8, draft.createdAt(),
                        draft.updatedAt().plusSeconds(1)))
                .applyTo(store);
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        Actor me = new Actor(UiTestStores.ME, UiTestStores.OWN, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE,
                false);
        ContractOptions.Option expected = ContractOptions.of(me, draft.progress(), new UserId("U00000102"), true,
                CLOCK.instant(), LifecycleCommand.DELETE);
        assertThat(expected.allowed()).isFalse();
        assertThat(state(vm, LifecycleCommand.DELETE).allowed()).isFalse();
        assertThat(state(vm, LifecycleCommand.DELETE).tooltip()).isEqualTo(expected.reasonJa());
    }

    @Test
    void deletingTheDraftAsksFirst_thenQueuesDeleteDraftOnTheShownRevisionAndShowsItAsPending() {
        ScriptedDialogs dialogs = new ScriptedDialogs().confirm(false).confirm(true);
        ContractDetailViewModel vm = viewModel().dialogs(dialogs);
        vm.load("k1");

        vm.act(LifecycleCommand.DELETE);
        assertThat(dialogs.asked()).singleElement().asString().contains("足場工事 注文書").contains("元に戻せません");
        assertThat(store.outbox().all()).as("declined: nothing queued").isEmpty();

        vm.act(LifecycleCommand.DELETE);

        List<OutboxEntry> pending = store.outbox().pending();
        assertThat(pending).singleElement().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.DELETE_DRAFT);
            assertThat(e.command().entityId()).isEqualTo("k1");
            assertThat(e.command().baseRevision()).isEqualTo(7L);
        });
        assertThat(saved).as("the sync is told at once").hasValue(1);
        assertThat(vm.messageProperty().get()).contains("下書きを削除する");
    }

    /** k3: sent by the own company, created by ME, ME its approver on turn (ME may approve, return, withdraw). */
    private ContractSnapshot awaitingMyApproval() {
        ContractSnapshot base = UiTestStores.draft("k3", "外構工事 注文書", "K-003", LocalDate.of(2026, 5, 1),
                4_180_000L, 4);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                PartyStep.sender(UiTestStores.OWN, List.of(UiTestStores.ME), new UserId("U00000102")),
                PartyStep.counterparty(UiTestStores.PARTNER, new UserId("U00000201"))), 0, 0, null, null);
        ContractSnapshot k = ContractSnapshot.of("k3", UiTestStores.OWN, UiTestStores.ME, p, base.data(), null,
                List.of(), 4, UiTestStores.T, UiTestStores.T.plusSeconds(4));
        UiTestStores.changesAfter(store).contract(k).applyTo(store);
        return k;
    }

    /** k4: sent by the partner to the own company, ME its 担当者: ME may decline. */
    private ContractSnapshot reachedMe() {
        ContractSnapshot base = UiTestStores.draft("k4", "内装工事 注文書", "P-004", LocalDate.of(2026, 6, 1),
                2_200_000L, 5);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                new PartyStep(UiTestStores.PARTNER, null, List.of(), new UserId("U00000201"), true),
                PartyStep.counterparty(UiTestStores.OWN, UiTestStores.ME)), 1, 0, null, null);
        ContractSnapshot k = ContractSnapshot.of("k4", UiTestStores.PARTNER, new UserId("U00000201"), p,
                base.data(), null, List.of(), 5, UiTestStores.T, UiTestStores.T.plusSeconds(5));
        UiTestStores.changesAfter(store).contract(k).applyTo(store);
        return k;
    }

    @Test
    void everyIrreversibleActionAsksFirst_namingTheContract_andCancelChangesNothing() {
        ContractSnapshot mine = awaitingMyApproval();
        ContractSnapshot theirs = reachedMe();
        ScriptedDialogs dialogs = new ScriptedDialogs().confirm(false).type(null).type(null).type(null)
                .confirm(false);
        ContractDetailViewModel vm = viewModel().dialogs(dialogs);
        vm.load("k3");
        for (LifecycleCommand c : List.of(LifecycleCommand.APPROVE, LifecycleCommand.RETURN,
                LifecycleCommand.WITHDRAW)) {
            assertThat(state(vm, c).allowed()).as(c.name()).isTrue();
            vm.act(c);
        }
        vm.load("k4");
        assertThat(state(vm, LifecycleCommand.DECLINE).allowed()).isTrue();
        vm.act(LifecycleCommand.DECLINE);
        vm.load("k1");
        vm.act(LifecycleCommand.DELETE);

        assertThat(dialogs.questions()).extracting(q -> q.id()).containsExactly("approveConfirmation",
                "returnConfirmation", "withdrawConfirmation", "declineConfirmation", "deleteConfirmation");
        for (int i = 0; i < 3; i++) {
            assertThat(dialogs.questions().get(i).text()).contains("K-003", "外構工事 注文書", "株式会社 山田工務店",
                    "¥4,180,000（税込）");
        }
        assertThat(dialogs.questions().get(3).text()).contains("P-004", "内装工事 注文書", "¥2,200,000");
        assertThat(dialogs.questions().get(4).text()).contains("K-001", "足場工事 注文書", "¥1,200,000",
                "元に戻せません");
        assertThat(dialogs.questions()).extracting(q -> q.cancelByDefault()).as("Enter cancels what ends a contract")
                .containsExactly(false, false, true, true, true);
        assertThat(store.outbox().all()).as("cancelled: nothing queued").isEmpty();
        assertThat(saved).hasValue(0);
        assertThat(store.contracts().current("k3").orElseThrow().current()).isEqualTo(mine);
        assertThat(store.contracts().current("k4").orElseThrow().current()).isEqualTo(theirs);
        assertThat(store.contracts().current("k1").orElseThrow().current()).isEqualTo(draft);
    }

    @Test
    void withdrawingAsksForTheReason_andSendsItWithTheCommand() {
        awaitingMyApproval();
        ScriptedDialogs dialogs = new ScriptedDialogs().type("発注内容を見直すため");
        ContractDetailViewModel vm = viewModel().dialogs(dialogs);
        vm.load("k3");

        vm.act(LifecycleCommand.WITHDRAW);

        assertThat(store.outbox().pending()).singleElement().satisfies(e -> {
            assertThat(e.command()).isInstanceOfSatisfying(Command.CommentedStep.class, c -> {
                assertThat(c.type()).isEqualTo(CommandType.WITHDRAW);
                assertThat(c.comment()).isEqualTo("発注内容を見直すため");
                assertThat(c.entityId()).isEqualTo("k3");
                assertThat(c.baseRevision()).isEqualTo(4L);
            });
        });
        assertThat(saved).hasValue(1);
    }

    @Test
    void returningAndDecliningSendTheirReason_andApprovingAndDeletingGoAheadOnceConfirmed() {
        awaitingMyApproval();
        reachedMe();
        ScriptedDialogs dialogs = new ScriptedDialogs().type("工期を確認してください").type("今回は見送ります")
                .confirm(true);
        ContractDetailViewModel vm = viewModel().dialogs(dialogs);
        vm.load("k3");
        vm.act(LifecycleCommand.RETURN);
        vm.load("k4");
        vm.act(LifecycleCommand.DECLINE);
        vm.load("k1");
        vm.act(LifecycleCommand.DELETE);

        List<OutboxEntry> queued = store.outbox().pending();
        assertThat(queued).extracting(e -> e.command().type()).containsExactly(CommandType.RETURN,
                CommandType.DECLINE, CommandType.DELETE_DRAFT);
        assertThat(((Command.CommentedStep) queued.get(0).command()).comment()).isEqualTo("工期を確認してください");
        assertThat(((Command.CommentedStep) queued.get(1).command()).comment()).isEqualTo("今回は見送ります");
    }

    @Test
    void approvingAsksFirstAndQueuesTheApprovalOnceConfirmed() {
        awaitingMyApproval();
        ScriptedDialogs dialogs = new ScriptedDialogs().confirm(true);
        ContractDetailViewModel vm = viewModel().dialogs(dialogs);
        vm.load("k3");

        vm.act(LifecycleCommand.APPROVE);

        assertThat(dialogs.questions()).singleElement().satisfies(q -> {
            assertThat(q.confirm()).isEqualTo("承認する");
            assertThat(q.cancelByDefault()).isFalse();
        });
        assertThat(store.outbox().pending()).singleElement()
                .satisfies(e -> assertThat(e.command().type()).isEqualTo(CommandType.APPROVE));
    }

    @Test
    void aReasonLeftBlankQueuesNothingAndSaysWhy() {
        awaitingMyApproval();
        ContractDetailViewModel vm = viewModel().dialogs(new ScriptedDialogs().type("   "));
        vm.load("k3");

        vm.act(LifecycleCommand.WITHDRAW);
        assertThat(vm.perform(LifecycleCommand.WITHDRAW, null)).isFalse();

        assertThat(store.outbox().all()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(JA.getString("contracts.confirm.reasonRequired"));
    }

    @Test
    void aWithdrawnContractShowsItsReasonUnderThatName_andTheStatusSaysWhoseTurnItIs() {
        ContractSnapshot k = awaitingMyApproval();
        ContractDetailViewModel vm = viewModel();
        vm.load("k3");
        assertThat(field(vm, "ステータス")).isEqualTo("承認待ち（自社・利用者 " + UiTestStores.ME.value() + "）");

        ContractProgress withdrawn = jp.sitesign.model.contract.ContractLifecycle.apply(k.progress(),
                LifecycleCommand.WITHDRAW, CLOCK.instant(), "発注内容を見直すため").next();
        UiTestStores.changesAfter(store).contract(ContractSnapshot.of("k3", UiTestStores.OWN, UiTestStores.ME,
                withdrawn, k.data(), null, List.of(), 5, UiTestStores.T, UiTestStores.T.plusSeconds(5))).applyTo(store);
        vm.load("k3");

        assertThat(field(vm, "ステータス")).isEqualTo("取消");
        assertThat(field(vm, "取消の理由")).isEqualTo("発注内容を見直すため");
    }

    private static String field(ContractDetailViewModel vm, String name) {
        return vm.fields().stream().filter(f -> f[0].equals(name)).findFirst().map(f -> f[1]).orElseThrow(
                () -> new AssertionError(name + " not among " + vm.fields().stream().map(f -> f[0]).toList()));
    }

    @Test
    void aDisabledActionQueuesNothingAndSaysWhy() {
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        assertThat(vm.perform(LifecycleCommand.APPROVE, null)).isFalse();

        assertThat(store.outbox().all()).isEmpty();
        assertThat(saved).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo(state(vm, LifecycleCommand.APPROVE).tooltip());
    }

    @Test
    void aPendingCommandIsShownUntilSynced() {
        store.outbox().append(jp.sitesign.model.sync.Command.step(CommandType.SUBMIT, "k1", 7L));
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        assertThat(vm.pendingTextProperty().get()).contains("未送信の操作が 1 件");
    }

    @Test
    void theMainDocumentIsFetchedWhenMissingAndHandedToThePreviewAsAFile() throws Exception {
        ContractSnapshot withPdf = new ContractSnapshot(draft.id(), draft.senderId(), draft.creatorId(), draft.form(),
                draft.status(), draft.managementNumber(), draft.title(), draft.transactionDate(), draft.amountYen(),
                draft.taxIncluded(), draft.construction(), draft.terms(), draft.note(), draft.originalId(),
                draft.parties(), draft.currentParty(), draft.routePosition(), draft.deadline(), draft.returnComment(),
                "ab".repeat(32), draft.documents(), 8, draft.createdAt(), draft.updatedAt().plusSeconds(1));
        UiTestStores.changesAfter(store).contract(withPdf).applyTo(store);
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");

        vm.openMainDocument();

        Path shown = vm.mainDocumentProperty().get();
        assertThat(shown).isNotNull();
        assertThat(Files.readAllBytes(shown)).isEqualTo(pdf);
        vm.close();
        assertThat(shown).doesNotExist();
    }

    @Test
    void aSyncThatBringsANewerMainDocumentOpensItInPlaceOfTheShownOne() throws Exception {
        UiTestStores.changesAfter(store).contract(withMainDocument(draft, "ab".repeat(32), 8)).applyTo(store);
        ContractDetailViewModel vm = viewModel();
        vm.load("k1");
        vm.openMainDocument();
        Path first = vm.mainDocumentProperty().get();
        assertThat(first).isNotNull();

        vm.load("k1");
        assertThat(vm.mainDocumentProperty().get()).as("the same document: nothing to reopen").isNull();
        assertThat(first).as("still the preview's file").exists();

        UiTestStores.changesAfter(store).contract(withMainDocument(draft, "cd".repeat(32), 9)).applyTo(store);
        vm.load("k1");

        Path second = vm.mainDocumentProperty().get();
        assertThat(second).as("the newer version is handed to the preview and the signature panel").isNotNull()
                .isNotEqualTo(first);
        assertThat(first).as("the old file is deleted").doesNotExist();
        vm.close();
    }

    private ContractSnapshot withMainDocument(ContractSnapshot d, String sha, long revision) {
        return new ContractSnapshot(d.id(), d.senderId(), d.creatorId(), d.form(), d.status(), d.managementNumber(),
                d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(), d.construction(), d.terms(), d.note(),
                d.originalId(), d.parties(), d.currentParty(), d.routePosition(), d.deadline(), d.returnComment(), sha,
                d.documents(), revision, d.createdAt(), d.updatedAt().plusSeconds(revision));
    }

    private static ActionState state(ContractDetailViewModel vm, LifecycleCommand c) {
        return vm.actions().stream().filter(a -> a.command() == c).findFirst().orElseThrow();
    }
}
