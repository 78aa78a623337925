package jp.sitesign.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.user.PersonName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor as office staff expect it (issue 14): 新規作成 vs 契約書の編集, キャンセル that asks before throwing work
 * away, errors on the fields, the amount entered once for 取引金額 and 請負代金の額, the partner's people by name.
 */
class ContractEditorFormTest {
    @TempDir
    Path dir;
    private StoreSession store;
    private ContractEditorViewModel vm;
    private final AtomicInteger closed = new AtomicInteger();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void open() {
        store = EditorFixtures.store(dir.resolve("home"));
        vm = new ContractEditorViewModel(store, () -> { }, Language.JA, I18n.bundle(Language.JA))
                .closing(dialogs, closed::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewContractIsHeadedNewAndASavedOneReopensAsAnEdit() {
        assertThat(vm.headingProperty().get()).isEqualTo("新規作成");
        vm.titleProperty().set("外構工事 注文書");
        assertThat(vm.save()).isTrue();

        ContractEditorViewModel again = new ContractEditorViewModel(store, () -> { }, Language.JA,
                I18n.bundle(Language.JA));
        again.load(vm.contractId().orElseThrow());
        assertThat(again.headingProperty().get()).isEqualTo("契約書の編集");
    }

    @Test
    void cancelWithoutChangesClosesWithoutAsking() {
        assertThat(vm.cancel()).isTrue();
        assertThat(closed).hasValue(1);
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void cancelWithUnsavedChangesAsksAndKeepsTheWorkUnlessTheUserDiscardsIt() {
        vm.titleProperty().set("外構工事 注文書");
        dialogs.confirm(false);

        assertThat(vm.cancel()).isFalse();
        assertThat(closed).hasValue(0);
        assertThat(dialogs.questions()).singleElement().satisfies(q -> {
            assertThat(q.text()).contains("保存していない変更");
            assertThat(q.confirm()).isEqualTo("破棄して閉じる");
        });
        assertThat(vm.titleProperty().get()).isEqualTo("外構工事 注文書");

        dialogs.confirm(true);
        assertThat(vm.cancel()).isTrue();
        assertThat(closed).hasValue(1);
        assertThat(store.outbox().all()).as("discarded, not saved").isEmpty();
    }

    @Test
    void afterSavingCancelClosesWithoutAsking() {
        vm.titleProperty().set("外構工事 注文書");
        assertThat(vm.save()).isTrue();

        assertThat(vm.hasUnsavedChanges()).isFalse();
        assertThat(vm.cancel()).isTrue();
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void theAmountIsEnteredOnceAndFillsTheContractPrice() {
        vm.titleProperty().set("外構工事 注文書");
        vm.amountProperty().set("12,100,000");

        assertThat(vm.termProperty(ConstructionItem.CONTRACT_PRICE).get()).isEqualTo("金12,100,000円（消費税等を含む）");
        assertThat(vm.missingItems()).doesNotContain(ConstructionItem.CONTRACT_PRICE);
        vm.taxIncludedProperty().set(false);
        assertThat(vm.termProperty(ConstructionItem.CONTRACT_PRICE).get()).isEqualTo("金12,100,000円（消費税等を含まない）");
        vm.amountProperty().set("");
        assertThat(vm.termProperty(ConstructionItem.CONTRACT_PRICE).get()).isEmpty();
        assertThat(vm.missingItems()).contains(ConstructionItem.CONTRACT_PRICE);

        vm.amountProperty().set("5000000");
        assertThat(vm.save()).isTrue();
        ContractDraft saved = ((Command.WithDraft) store.outbox().all().get(0).command()).draft();
        assertThat(saved.amountYen()).isEqualTo(5_000_000L);
        assertThat(saved.terms()).containsEntry(ConstructionItem.CONTRACT_PRICE, "金5,000,000円（消費税等を含まない）");
    }

    @Test
    void aContractPriceTheUserWroteThemselvesIsKept() {
        vm.amountProperty().set("1000000");
        vm.termProperty(ConstructionItem.CONTRACT_PRICE).set("金1,000,000円（うち消費税等 90,909円）");
        vm.amountProperty().set("2000000");

        assertThat(vm.termProperty(ConstructionItem.CONTRACT_PRICE).get()).isEqualTo("金1,000,000円（うち消費税等 90,909円）");
    }

    @Test
    void fieldErrorsSitOnTheirFieldsAndBlockSaving() {
        vm.amountProperty().set("12万円");
        assertThat(vm.amountErrorProperty().get()).isNotEmpty();
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("赤字の項目を直してから保存してください。");

        vm.amountProperty().set("120000");
        vm.dateErrorProperty().set(I18n.bundle(Language.JA).getString("dateInput.invalid"));
        assertThat(vm.save()).isFalse();
        vm.dateErrorProperty().set("");

        assertThat(vm.save()).isFalse();
        assertThat(vm.titleErrorProperty().get()).isEqualTo("契約文書名称を入力してください。");
        assertThat(store.outbox().all()).isEmpty();

        vm.titleProperty().set("外構工事 注文書");
        assertThat(vm.titleErrorProperty().get()).isEmpty();
        vm.transactionDateProperty().set(LocalDate.of(2026, 4, 1));
        assertThat(vm.save()).isTrue();
    }

    @Test
    void thePartnersPeopleAreOfferedByNameAndTheChosenOneIsShownByName() {
        store.rememberPartnerPeople(List.of(
                new PersonName("U00000202", EditorFixtures.CONSENTED.value(), "中村 さくら", "工事課長"),
                new PersonName("U00000201", EditorFixtures.CONSENTED.value(), "小林 健", null),
                new PersonName("U00000301", EditorFixtures.NOT_CONSENTED.value(), "他社 の人", null)));

        assertThat(vm.receiverOptions(EditorFixtures.CONSENTED.value())).extracting(PersonName::name)
                .containsExactly("中村 さくら", "小林 健");
        assertThat(vm.addCounterparty(vm.partnerOptions().get(0), "U00000202")).isTrue();
        assertThat(vm.receiverText(vm.counterparties().get(0).receiverId())).isEqualTo("中村 さくら");
        assertThat(vm.receiverText("U00000999")).as("someone not known by name keeps the id").isEqualTo("U00000999");
    }
}
