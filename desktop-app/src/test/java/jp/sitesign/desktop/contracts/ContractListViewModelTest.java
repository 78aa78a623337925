package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract list over a real local store: filters, rows, paging, saved filters, badges and export. */
class ContractListViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final CompanyId OTHER_PARTNER = new CompanyId("C00000077");

    @TempDir
    Path dir;
    StoreSession store;
    final List<String> downloads = new ArrayList<>();

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        UiTestStores.changes().partner(UiTestStores.PARTNER, "株式会社 山田工務店")
                .contract(UiTestStores.draft("k1", "足場工事 注文書", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1))
                .contract(UiTestStores.draft("k2", "内装工事 請負契約書", "K-002", LocalDate.of(2026, 5, 10), 5_500_000L, 2))
                .contract(UiTestStores.draft("k3", "足場工事 変更契約", "K-003", LocalDate.of(2026, 6, 20), 300_000L, 3))
                .applyTo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ContractListViewModel viewModel(ContractListViewModel.Exporter exporter) {
        return new ContractListViewModel(store, new FilterFile(store.location().folder()), exporter, Runnable::run,
                Runnable::run, JA);
    }

    private ContractListViewModel viewModel() {
        return viewModel(path -> {
            downloads.add(path);
            return "csv".getBytes(StandardCharsets.UTF_8);
        });
    }

    private static List<String> ids(ContractListViewModel vm) {
        return vm.rows().stream().map(ContractRow::id).toList();
    }

    @Test
    void everyFilterGoesIntoTheSharedQueryWithRangesAndCombinations() {
        ContractListViewModel vm = viewModel();
        vm.numberProperty().set("K-00");
        vm.titleProperty().set(" 足場 ");
        vm.chooseStatuses(List.of(ContractStatus.DRAFT));
        vm.dateFromProperty().set("2026-04-01");
        vm.dateToProperty().set("2026/06/30");
        vm.amountMinProperty().set("300,000");
        vm.amountMaxProperty().set("¥1,200,000");
        vm.counterpartyProperty().set("C00000002");
        vm.sortProperty().set(ContractQuery.Sort.AMOUNT_ASC);

        assertThat(vm.filter().query(0, 200)).isEqualTo(new ContractQuery("K-00", " 足場 ", Set.of(ContractStatus.DRAFT),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), 300_000L, 1_200_000L, UiTestStores.PARTNER,
                ContractQuery.Sort.AMOUNT_ASC, 0, 200));
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k3", "k1");
    }

    @Test
    void rowsShowTheCounterpartyNameYenWithTaxAndTheStatusInJapanese() {
        ContractListViewModel vm = viewModel();
        vm.search();

        assertThat(ids(vm)).as("most recently updated first").containsExactly("k3", "k2", "k1");
        ContractRow k1 = vm.rows().get(2);
        assertThat(k1.number()).isEqualTo("K-001");
        assertThat(k1.counterparty()).isEqualTo("株式会社 山田工務店");
        assertThat(k1.amount()).isEqualTo("¥1,200,000（税込）");
        assertThat(k1.status()).isEqualTo("下書き");
        assertThat(k1.transactionDate()).isEqualTo("2026/04/01");
        assertThat(k1.updated()).startsWith("2026");
        assertThat(vm.pageTextProperty().get()).isEqualTo("3 件中 1～3 件目");
    }

    @Test
    void aTitleFilterNarrowsTheRowsAndAnAmountRangeCombinesWithIt() {
        ContractListViewModel vm = viewModel();
        vm.titleProperty().set("足場");
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k3", "k1");

        vm.amountMinProperty().set("1000000");
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k1");
    }

    @Test
    void anAmountThatIsNotANumberSaysWhichFieldAndKeepsTheLastRows() {
        ContractListViewModel vm = viewModel();
        vm.search();
        vm.amountMaxProperty().set("百万");
        vm.filtersChanged();

        assertThat(vm.filterErrorProperty().get()).contains("取引金額（以下）");
        assertThat(ids(vm)).hasSize(3);
        vm.amountMaxProperty().set("");
        vm.filtersChanged();
        assertThat(vm.filterErrorProperty().get()).isEmpty();
    }

    @Test
    void theFiltersAreSavedForTheUserAndRestoredByTheNextList() {
        ContractListViewModel vm = viewModel();
        vm.titleProperty().set("内装");
        vm.chooseStatuses(List.of(ContractStatus.COMPLETED, ContractStatus.DRAFT));
        vm.dateFromProperty().set("2026-05-01");
        vm.sortProperty().set(ContractQuery.Sort.NUMBER_ASC);
        vm.filtersChanged();

        assertThat(Files.exists(store.location().folder().resolve(FilterFile.NAME))).isTrue();
        ContractListViewModel next = viewModel();
        assertThat(next.titleProperty().get()).isEqualTo("内装");
        assertThat(next.statusesProperty().get()).containsExactlyInAnyOrder(ContractStatus.DRAFT,
                ContractStatus.COMPLETED);
        assertThat(next.dateFromProperty().get()).isEqualTo("2026-05-01");
        assertThat(next.sortProperty().get()).isEqualTo(ContractQuery.Sort.NUMBER_ASC);
        next.search();
        assertThat(ids(next)).containsExactly("k2");
    }

    @Test
    void severalStatusesNarrowTheListToAnyOfThemAndNoneTickedShowsEveryStatus() {
        ContractListViewModel vm = viewModel();
        vm.search();
        assertThat(ids(vm)).containsExactly("k3", "k2", "k1");
        assertThat(vm.statusesSummary(vm.statusesProperty().get())).isEqualTo("すべて");

        vm.chooseStatuses(List.of(ContractStatus.COMPLETED));
        vm.filtersChanged();
        assertThat(ids(vm)).isEmpty();
        vm.chooseStatuses(List.of(ContractStatus.COMPLETED, ContractStatus.DRAFT, ContractStatus.RETURNED));
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k3", "k2", "k1");
        assertThat(vm.statusesSummary(vm.statusesProperty().get())).isEqualTo("下書き ほか2件");
        assertThat(vm.statusesSummary(Set.of(ContractStatus.COMPLETED))).isEqualTo(ContractStatus.COMPLETED.labelJa());
        vm.chooseStatuses(List.of());
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k3", "k2", "k1");
    }

    @Test
    void aFilterSavedByAnOlderAppWithOneStatusOrWithAStatusThisAppDoesNotKnowStillReads() {
        java.util.Properties one = new java.util.Properties();
        one.setProperty("status", "COMPLETED");
        assertThat(ContractFilter.fromProperties(one).statuses()).containsExactly(ContractStatus.COMPLETED);
        java.util.Properties newer = new java.util.Properties();
        newer.setProperty("status", "DRAFT,ARCHIVED_IN_2030, RETURNED");
        assertThat(ContractFilter.fromProperties(newer).statuses()).containsExactly(ContractStatus.DRAFT,
                ContractStatus.RETURNED);
        java.util.Properties unknown = new java.util.Properties();
        unknown.setProperty("status", "ARCHIVED_IN_2030");
        assertThat(ContractFilter.fromProperties(unknown).statuses()).isEmpty();
        assertThat(ContractFilter.fromProperties(newer).toProperties().getProperty("status"))
                .isEqualTo("DRAFT,RETURNED");
    }

    @Test
    void theCounterpartyPickerOffersEveryCompanyThenThePartnersByNameAndFiltersById() {
        UiTestStores.changesAfter(store).partner(OTHER_PARTNER, "アオキ建設株式会社")
                .contract(draftTo("k4", "外構工事 注文書", OTHER_PARTNER, 4)).applyTo(store);
        ContractListViewModel vm = viewModel();
        vm.search();

        assertThat(vm.counterpartyChoices()).containsExactly(null, OTHER_PARTNER.value(), UiTestStores.PARTNER.value());
        assertThat(vm.counterpartyChoices()).extracting(vm::counterpartyLabel)
                .containsExactly("すべて", "アオキ建設株式会社", "株式会社 山田工務店");
        vm.counterpartyProperty().set(OTHER_PARTNER.value());
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k4");
        vm.counterpartyProperty().set(null);
        vm.filtersChanged();
        assertThat(ids(vm)).containsExactly("k4", "k3", "k2", "k1");
    }

    @Test
    void aSavedCounterpartyThatIsNoLongerAPartnerStillFiltersAndShowsItsId() {
        UiTestStores.changesAfter(store).contract(draftTo("k4", "外構工事 注文書", OTHER_PARTNER, 4)).applyTo(store);
        new FilterFile(store.location().folder()).save(new ContractFilter(null, null, null, null, null, null, null,
                OTHER_PARTNER.value(), ContractQuery.Sort.UPDATED_DESC));

        ContractListViewModel vm = viewModel();
        vm.search();

        assertThat(vm.counterpartyProperty().get()).isEqualTo(OTHER_PARTNER.value());
        assertThat(vm.counterpartyChoices()).containsExactly(null, UiTestStores.PARTNER.value(), OTHER_PARTNER.value());
        assertThat(vm.counterpartyLabel(OTHER_PARTNER.value())).isEqualTo(OTHER_PARTNER.value());
        assertThat(ids(vm)).containsExactly("k4");
    }

    /** A draft of the own company to {@code company} (UiTestStores' drafts all go to its one partner). */
    private static ContractSnapshot draftTo(String id, String title, CompanyId company, long revision) {
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 7, 1),
                800_000L, true, false, Map.of(), null, null,
                List.of(new ContractDraft.Counterparty(company.value(), "U00000301")), List.of(), null, null);
        return ContractSnapshot.of(id, UiTestStores.OWN, UiTestStores.ME, d.progress(UiTestStores.OWN),
                d.data().withManagementNumber("K-00" + revision), null, List.of(), revision, UiTestStores.T,
                UiTestStores.T.plusSeconds(revision));
    }

    @Test
    void aContractWithAnUnsentCommandCarriesThePendingBadge() {
        store.outbox().append(Command.step(CommandType.SUBMIT, "k2", 2L));
        ContractListViewModel vm = viewModel();
        vm.search();

        assertThat(vm.rows()).filteredOn(r -> r.id().equals("k2")).singleElement()
                .extracting(ContractRow::badge).isEqualTo("未送信");
        assertThat(vm.rows()).filteredOn(r -> !r.id().equals("k2")).extracting(ContractRow::badge)
                .containsOnly("");
    }

    @Test
    void tenThousandSizedListsArePagedTwoHundredAtATime() {
        UiTestStores more = UiTestStores.changes();
        for (int i = 0; i < 450; i++) {
            more.contract(UiTestStores.draft("m" + i, "一括 " + i, "M-" + i, LocalDate.of(2026, 1, 1), (long) i, 10 + i));
        }
        more.applyTo(store);
        ContractListViewModel vm = viewModel();
        vm.titleProperty().set("一括");
        vm.filtersChanged();

        assertThat(vm.rows()).hasSize(200);
        assertThat(vm.totalProperty().get()).isEqualTo(450);
        assertThat(vm.rows().get(0).id()).isEqualTo("m449");
        vm.nextPage();
        vm.nextPage();
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.pageTextProperty().get()).isEqualTo("450 件中 401～450 件目");
        vm.nextPage();
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        vm.titleProperty().set("一括 44");
        vm.filtersChanged();
        assertThat(vm.pageProperty().get()).as("a new filter starts on page 1").isZero();
    }

    @Test
    void theExportAsksTheServerForTheSameQueryAndSavesTheFile() throws Exception {
        ContractListViewModel vm = viewModel();
        vm.titleProperty().set("足場 工事");
        vm.amountMinProperty().set("1,000");
        vm.chooseStatuses(List.of(ContractStatus.RETURNED, ContractStatus.DRAFT));
        Path target = dir.resolve("out.zip");

        vm.export(true, target);

        assertThat(downloads).hasSize(1);
        URI asked = URI.create(downloads.get(0));
        assertThat(asked.getPath()).isEqualTo("/api/v1/contracts/export");
        assertThat(URLDecoder.decode(asked.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("title=足場 工事&status=DRAFT,RETURNED&amountMin=1000&sort=UPDATED_DESC&format=zip");
        assertThat(Files.readString(target)).isEqualTo("csv");
        assertThat(vm.messageProperty().get()).contains("out.zip");
    }

    @Test
    void exportingOfflineSaysItNeedsTheServer() {
        ContractListViewModel vm = viewModel(path -> {
            throw new OfflineException(URI.create("https://sitesign.example"), new java.net.ConnectException("refused"));
        });
        Path target = dir.resolve("out.csv");

        vm.export(false, target);

        assertThat(vm.messageProperty().get()).contains("オフラインではできません");
        assertThat(target).doesNotExist();
    }

    @Test
    void aLongPullShowsWhatEachPageBroughtAndHowFarItHasComeThenNothingOnceDone() {
        ContractListViewModel vm = viewModel();
        vm.search();
        assertThat(vm.syncProgressProperty().get()).isEmpty();
        // A page of the first sync is committed: the list shows it at once, not when the whole sync has ended.
        UiTestStores.changesAfter(store)
                .contract(UiTestStores.draft("k4", "杭工事 注文書", "K-004", LocalDate.of(2026, 7, 1), 700_000L, 4))
                .applyTo(store);
        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(4, 1_200, false));
        assertThat(vm.syncProgressProperty().get()).isEqualTo("同期中… 4 / 1,200 件");
        assertThat(ids(vm)).containsExactly("k4", "k3", "k2", "k1");
        assertThat(vm.pageTextProperty().get()).isEqualTo("4 件中 1～4 件目");

        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(1_250, 1_200, false));
        assertThat(vm.syncProgressProperty().get()).as("never more received than expected")
                .isEqualTo("同期中… 1,250 / 1,250 件");
        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(700, 0, false));
        assertThat(vm.syncProgressProperty().get()).as("a server that does not say how many")
                .isEqualTo("同期中… 700 件");
        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(1_200, 1_200, true));
        assertThat(vm.syncProgressProperty().get()).isEmpty();
    }

    @Test
    void aPageThatLeavesTheShownRowsAsTheyWereDoesNotReplaceThemSoTheTableKeepsSelectionAndScroll() {
        ContractListViewModel vm = viewModel();
        vm.sortProperty().set(ContractQuery.Sort.NUMBER_ASC);
        vm.search();
        List<ContractRow> before = List.copyOf(vm.rows());
        List<javafx.collections.ListChangeListener.Change<? extends ContractRow>> told = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<ContractRow>) told::add);

        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(3, 10, false));
        assertThat(told).as("the same rows: the table is not told of a replacement").isEmpty();
        assertThat(vm.rows()).containsExactlyElementsOf(before);

        UiTestStores.changesAfter(store)
                .contract(UiTestStores.draft("k0", "準備工事", "K-000", LocalDate.of(2026, 3, 1), 100_000L, 5))
                .applyTo(store);
        vm.pullProgress(new jp.sitesign.desktop.sync.SyncEngine.PullProgress(4, 10, false));
        assertThat(told).as("a row the page brought onto the shown page").hasSize(1);
        assertThat(ids(vm)).containsExactly("k0", "k1", "k2", "k3");
    }

    @Test
    void aSearchThatEndsWhileALaterOneRunsIsShown_butAnOlderResultArrivingLateIsNot() {
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        ContractListViewModel vm = new ContractListViewModel(store, new FilterFile(store.location().folder()),
                path -> new byte[0], queued::add, Runnable::run, JA);
        // At login: the window's first search, then another (a sync ended) before the first one's rows came back.
        vm.search();
        vm.search();
        queued.poll().run();
        assertThat(ids(vm)).as("the first search's rows, not an empty list until the last search ends")
                .containsExactly("k3", "k2", "k1");
        assertThat(vm.searchingProperty().get()).as("a later search still runs").isTrue();
        UiTestStores.changesAfter(store)
                .contract(UiTestStores.draft("k4", "杭工事 注文書", "K-004", LocalDate.of(2026, 7, 1), 700_000L, 4))
                .applyTo(store);
        queued.poll().run();
        assertThat(ids(vm)).containsExactly("k4", "k3", "k2", "k1");
        assertThat(vm.searchingProperty().get()).isFalse();

        // Out of order (a pool of threads): the newer result is shown, the older one coming later is dropped.
        vm.titleProperty().set("足場");
        vm.search();
        vm.titleProperty().set("");
        vm.search();
        Runnable older = queued.poll();
        queued.poll().run();
        older.run();
        assertThat(ids(vm)).containsExactly("k4", "k3", "k2", "k1");
    }
}
