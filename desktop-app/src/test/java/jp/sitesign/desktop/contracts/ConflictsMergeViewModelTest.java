package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
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

/**
 * Merging a conflicting draft edit field by field: which fields are offered, the merged draft, and that
 * saving it queues one edit of the server's current revision (or, refused by the field checks, nothing).
 */
class ConflictsMergeViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);
    static final String OTHER_PARTNER = "C00000999";

    @TempDir
    Path dir;
    StoreSession store;
    final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        UiTestStores.changes().contract(UiTestStores.draft("k1", "足場工事 注文書", "K-001", LocalDate.of(2026, 4, 1),
                1_200_000L, 3)).applyTo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The server's revision 5: a construction contract with two 19条 items filled in. */
    private static ContractDraft theirsDraft() {
        return new ContractDraft(null, ContractForm.BILATERAL, "K-001", "足場工事 注文書（改）", LocalDate.of(2026, 4, 1),
                1_500_000L, true, true, Map.of(ConstructionItem.WORK_NAME, "足場工事", ConstructionItem.WORK_SITE,
                        "東京都港区"), "同僚のメモ", null,
                List.of(new ContractDraft.Counterparty(UiTestStores.PARTNER.value(), "U00000201")), List.of(), null,
                null);
    }

    private static ContractSnapshot snapshot(ContractDraft d, long revision) {
        return ContractSnapshot.of("k1", UiTestStores.OWN, UiTestStores.ME, d.progress(UiTestStores.OWN), d.data(),
                null, List.of(), revision, UiTestStores.T, UiTestStores.T.plusSeconds(revision));
    }

    /** The user's edit on revision 3, refused as a conflict with {@code theirs} (revision 5). */
    private Command conflict(ContractDraft mine, ContractDraft theirs) {
        Command edit = Command.editDraft("k1", 3L, mine.withRevision(3L));
        store.outbox().append(edit);
        store.outbox().markResult(new CommandResult(edit.id(), CommandOutcome.CONFLICT, "k1", null,
                ErrorCode.CONFLICT, null, null, snapshot(theirs, 5)));
        return edit;
    }

    /** Mine differs from theirs in every field kind. */
    private static ContractDraft mineDiffering() {
        return new ContractDraft(3L, ContractForm.BILATERAL, "K-002", "足場工事 注文書（私の版）", LocalDate.of(2026, 5, 10),
                900_000L, false, false, Map.of(ConstructionItem.WORK_NAME, "足場組立工事"), "私のメモ", null,
                List.of(new ContractDraft.Counterparty(OTHER_PARTNER, "U00000999")), List.of(), null, null);
    }

    private ConflictsViewModel viewModel(ResourceBundle bundle) {
        ConflictsViewModel vm = new ConflictsViewModel(store, saved::incrementAndGet, Runnable::run, Runnable::run,
                bundle);
        vm.refresh();
        return vm;
    }

    private static MergeViewModel.Field field(MergeViewModel m, MergeViewModel.Kind kind) {
        return m.fields().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theRouteIsShownByTheColleaguesNames() {
        UiTestStores.changes().user("U00000301", jp.sitesign.model.user.Role.ADMIN, false)
                .user("U00000302", jp.sitesign.model.user.Role.OWNER, true).applyTo(store);
        ContractDraft theirs = theirsDraft();
        ContractDraft mine = new ContractDraft(3L, theirs.form(), theirs.managementNumber(), theirs.title(),
                theirs.transactionDate(), theirs.amountYen(), theirs.taxIncluded(), theirs.construction(),
                theirs.terms(), theirs.note(), null, theirs.counterparties(), List.of("U00000301"), "U00000302", null);
        conflict(mine, theirs);

        MergeViewModel m = viewModel(JA).merge(viewModel(JA).items().get(0)).orElseThrow();

        assertThat(m.fields()).extracting(MergeViewModel.Field::kind).containsExactly(MergeViewModel.Kind.ROUTE);
        assertThat(field(m, MergeViewModel.Kind.ROUTE).mine()).isEqualTo("利用者 U00000301（署名者：利用者 U00000302）");
    }

    @Test
    void everyKindOfFieldThatDiffersIsOfferedWithBothValuesAndTheServersChosen() {
        conflict(mineDiffering(), theirsDraft());

        MergeViewModel m = viewModel(JA).merge(viewModel(JA).items().get(0)).orElseThrow();

        assertThat(m.fields()).extracting(MergeViewModel.Field::kind).containsExactly(MergeViewModel.Kind.NUMBER,
                MergeViewModel.Kind.TITLE, MergeViewModel.Kind.DATE, MergeViewModel.Kind.AMOUNT,
                MergeViewModel.Kind.COUNTERPARTIES, MergeViewModel.Kind.CONSTRUCTION, MergeViewModel.Kind.TERM, MergeViewModel.Kind.TERM,
                MergeViewModel.Kind.NOTE);
        assertThat(m.fields()).filteredOn(f -> f.kind() == MergeViewModel.Kind.TERM)
                .extracting(MergeViewModel.Field::item, MergeViewModel.Field::label, MergeViewModel.Field::mine,
                        MergeViewModel.Field::theirs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConstructionItem.WORK_NAME, "工事名", "足場組立工事", "足場工事"),
                        org.assertj.core.groups.Tuple.tuple(ConstructionItem.WORK_SITE, "工事場所", "", "東京都港区"));
        MergeViewModel.Field title = field(m, MergeViewModel.Kind.TITLE);
        assertThat(title.label()).isEqualTo("契約文書名称");
        assertThat(title.mine()).isEqualTo("足場工事 注文書（私の版）");
        assertThat(title.theirs()).isEqualTo("足場工事 注文書（改）");
        assertThat(field(m, MergeViewModel.Kind.AMOUNT)).satisfies(f -> {
            assertThat(f.mine()).isEqualTo("¥900,000（税抜）");
            assertThat(f.theirs()).isEqualTo("¥1,500,000（税込）");
        });
        assertThat(field(m, MergeViewModel.Kind.DATE).mine()).isEqualTo("2026-05-10");
        assertThat(field(m, MergeViewModel.Kind.CONSTRUCTION)).satisfies(f -> {
            assertThat(f.label()).isEqualTo(JA.getString("editor.construction"));
            assertThat(f.mine()).isEqualTo("いいえ");
            assertThat(f.theirs()).isEqualTo("はい");
        });
        assertThat(field(m, MergeViewModel.Kind.COUNTERPARTIES).mine()).contains(OTHER_PARTNER);
        assertThat(m.fields()).allSatisfy(f -> {
            assertThat(f.useMineProperty().get()).as("the server's version is the default").isFalse();
            assertThat(f.resultProperty().get()).isEqualTo(f.theirs());
        });
        assertThat(m.merged()).usingRecursiveComparison().isEqualTo(ContractDraft.of(snapshot(theirsDraft(), 5)));
    }

    @Test
    void onlyTheTaxFlagDifferingIsAnAmountDifference() {
        ContractDraft theirs = theirsDraft();
        ContractDraft mine = new ContractDraft(3L, theirs.form(), theirs.managementNumber(), theirs.title(),
                theirs.transactionDate(), theirs.amountYen(), false, theirs.construction(), theirs.terms(),
                theirs.note(), null, theirs.counterparties(), List.of(), null, null);
        conflict(mine, theirs);
        ConflictsViewModel vm = viewModel(JA);

        MergeViewModel m = vm.merge(vm.items().get(0)).orElseThrow();

        assertThat(m.fields()).extracting(MergeViewModel.Field::kind).containsExactly(MergeViewModel.Kind.AMOUNT);
        field(m, MergeViewModel.Kind.AMOUNT).useMineProperty().set(true);
        assertThat(m.merged().taxIncluded()).isFalse();
        assertThat(m.merged().amountYen()).isEqualTo(1_500_000L);
    }

    @Test
    void theMergedDraftTakesEachChosenFieldFromItsVersionAndIsQueuedOnTheServersRevision() {
        Command edit = conflict(mineDiffering(), theirsDraft());
        ConflictsViewModel vm = viewModel(JA);
        MergeViewModel m = vm.merge(vm.items().get(0)).orElseThrow();

        field(m, MergeViewModel.Kind.TITLE).useMineProperty().set(true);
        field(m, MergeViewModel.Kind.NOTE).useMineProperty().set(true);
        m.fields().stream().filter(f -> f.item() == ConstructionItem.WORK_NAME).findFirst().orElseThrow()
                .useMineProperty().set(true);
        assertThat(field(m, MergeViewModel.Kind.TITLE).resultProperty().get()).isEqualTo("足場工事 注文書（私の版）");

        assertThat(m.save()).isTrue();

        assertThat(store.outbox().needingAttention()).as("the conflict is resolved").isEmpty();
        assertThat(store.outbox().pending()).singleElement().satisfies(e -> {
            assertThat(e.command().id()).isNotEqualTo(edit.id());
            assertThat(e.command().type()).isEqualTo(CommandType.EDIT_DRAFT);
            assertThat(e.command().baseRevision()).isEqualTo(5L);
            ContractDraft d = ((Command.WithDraft) e.command()).draft();
            assertThat(d.revision()).isEqualTo(5L);
            assertThat(d.title()).as("mine").isEqualTo("足場工事 注文書（私の版）");
            assertThat(d.note()).as("mine").isEqualTo("私のメモ");
            assertThat(d.terms()).as("工事名 mine, 工事場所 theirs").containsOnly(
                    Map.entry(ConstructionItem.WORK_NAME, "足場組立工事"), Map.entry(ConstructionItem.WORK_SITE, "東京都港区"));
            assertThat(d.amountYen()).as("theirs").isEqualTo(1_500_000L);
            assertThat(d.taxIncluded()).as("theirs").isTrue();
            assertThat(d.managementNumber()).as("theirs").isEqualTo("K-001");
            assertThat(d.construction()).as("theirs").isTrue();
            assertThat(d.transactionDate()).as("theirs").isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(d.counterparties()).as("theirs").extracting(ContractDraft.Counterparty::companyId)
                    .containsExactly(UiTestStores.PARTNER.value());
        });
        assertThat(saved).hasValue(1);
        assertThat(vm.items()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(JA.getString("merge.saved"));
    }

    @Test
    void nothingToChooseWhenTheVersionsAgreeSoMergeIsNotOffered() {
        ContractDraft theirs = theirsDraft();
        conflict(ContractDraft.of(snapshot(theirs, 5)), theirs);
        ConflictsViewModel vm = viewModel(JA);

        assertThat(vm.items().get(0).canKeepMine()).isTrue();
        assertThat(vm.merge(vm.items().get(0))).isEmpty();
    }

    @Test
    void mergeIsNotOfferedForARefusedCommand() {
        Command submit = Command.step(CommandType.SUBMIT, "k1", 3L);
        store.outbox().append(submit);
        store.outbox().markResult(new CommandResult(submit.id(), CommandOutcome.REJECTED, "k1", null,
                ErrorCode.FORBIDDEN, "この操作の権限がありません。", "Not allowed.", null));
        ConflictsViewModel vm = viewModel(JA);

        assertThat(vm.merge(vm.items().get(0))).isEmpty();
    }

    @Test
    void aMergedDraftTheFieldChecksRefuseIsNotQueuedAndTheReasonShowsInJapaneseAndEnglish() {
        ContractDraft theirs = theirsDraft();
        ContractDraft blankTitle = new ContractDraft(3L, theirs.form(), theirs.managementNumber(), " ",
                theirs.transactionDate(), theirs.amountYen(), theirs.taxIncluded(), theirs.construction(),
                theirs.terms(), theirs.note(), null, theirs.counterparties(), List.of(), null, null);
        Command edit = conflict(blankTitle, theirs);

        for (ResourceBundle bundle : List.of(JA, EN)) {
            ConflictsViewModel vm = viewModel(bundle);
            MergeViewModel m = vm.merge(vm.items().get(0)).orElseThrow();
            field(m, MergeViewModel.Kind.TITLE).useMineProperty().set(true);

            assertThat(m.save()).isFalse();

            assertThat(m.errorProperty().get())
                    .isEqualTo(bundle == JA ? "契約文書名称を入力してください。" : "The title is required.");
            assertThat(store.outbox().pending()).as("nothing queued").isEmpty();
            assertThat(store.outbox().needingAttention()).extracting(e -> e.command().id())
                    .as("the conflict stays").containsExactly(edit.id());
            assertThat(vm.items()).hasSize(1);
        }
        assertThat(saved).hasValue(0);
    }
}
