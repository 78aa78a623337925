package jp.sitesign.desktop.contracts;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.LocalPage;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * The contract list: one property per search key (as typed), a page of rows from the local store's
 * search, paging for lists of any length, the filters saved for the user, and the server's CSV/ZIP
 * export of the same result. Searches run on {@code background}; results come back through {@code ui},
 * and only the newest search's result is shown.
 */
public final class ContractListViewModel {
    static final int PAGE_SIZE = 200;

    /** The server's export (online only). */
    @FunctionalInterface
    public interface Exporter {
        /** @throws OfflineException when the server does not answer */
        byte[] download(String path);
    }

    private final StoreSession store;
    private final FilterFile filterFile;
    private final Exporter exporter;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;

    private final StringProperty number = new SimpleStringProperty(this, "number");
    private final StringProperty title = new SimpleStringProperty(this, "title");
    /** The statuses the list is narrowed to (none: every status); always an unmodifiable set, never null. */
    private final ObjectProperty<java.util.Set<ContractStatus>> statuses =
            new SimpleObjectProperty<>(this, "statuses", java.util.Set.of());
    private final StringProperty dateFrom = new SimpleStringProperty(this, "dateFrom");
    private final StringProperty dateTo = new SimpleStringProperty(this, "dateTo");
    private final StringProperty amountMin = new SimpleStringProperty(this, "amountMin");
    private final StringProperty amountMax = new SimpleStringProperty(this, "amountMax");
    private final StringProperty counterparty = new SimpleStringProperty(this, "counterparty");
    private final ObjectProperty<ContractQuery.Sort> sort = new SimpleObjectProperty<>(this, "sort",
            ContractQuery.Sort.UPDATED_DESC);
    private final ObservableList<ContractRow> rows = FXCollections.observableArrayList();
    /** The 取引先 picker: null (every company) first, then the partners by name, and a saved id no longer one. */
    private final ObservableList<String> counterparties = FXCollections.observableArrayList((String) null);
    private Map<String, String> partnerNames = Map.of();
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page");
    private final StringProperty pageText = new SimpleStringProperty(this, "pageText", "");
    private final StringProperty filterError = new SimpleStringProperty(this, "filterError", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching");
    /** 「同期中… n / m 件」 while a long pull (the first sync) fills the store; empty otherwise. */
    private final StringProperty syncProgress = new SimpleStringProperty(this, "syncProgress", "");
    private long generation;
    /** The search whose rows are shown: an older result arriving later is dropped, a newer one always shown. */
    private long shownGeneration;
    private volatile DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    /** What "today" is for the deadlines' days left (in Japan, as the deadlines are). */
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    /** Held here: the display keeps it only weakly. */
    private final javafx.beans.value.ChangeListener<Object> redraw = (obs, old, now) -> search();

    public ContractListViewModel(StoreSession store, FilterFile filterFile, Exporter exporter, Executor background,
            Executor ui, ResourceBundle bundle) {
        this.store = store;
        this.filterFile = filterFile;
        this.exporter = exporter;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
        show(filterFile.load());
    }

    /** How dates are written (西暦 unless set; the section passes the one that follows the settings). */
    public ContractListViewModel dates(DateDisplay display) {
        this.dates = display;
        display.onChange(redraw);
        return this;
    }

    /** The clock the deadlines count their days left from (the system's unless a test sets one). */
    public ContractListViewModel clock(java.time.Clock now) {
        this.clock = now;
        return this;
    }

    /** The filter properties, for a view that searches again a moment after the user stops typing. */
    public Observable[] filterProperties() {
        return new Observable[] {number, title, statuses, dateFrom, dateTo, amountMin, amountMax, counterparty, sort};
    }

    /** The filters as they stand now. */
    public ContractFilter filter() {
        return new ContractFilter(number.get(), title.get(), statuses.get(), dateFrom.get(), dateTo.get(),
                amountMin.get(), amountMax.get(), counterparty.get(), sort.get());
    }

    private void show(ContractFilter f) {
        number.set(f.number());
        title.set(f.title());
        statuses.set(f.statuses());
        dateFrom.set(f.dateFrom());
        dateTo.set(f.dateTo());
        amountMin.set(f.amountMin());
        amountMax.set(f.amountMax());
        counterparty.set(f.counterparty());
        sort.set(f.sort());
        updateCounterparties();
    }

    /** The filters changed: back to the first page, save them, search. */
    public void filtersChanged() {
        page.set(0);
        search();
    }

    /** Clears every filter. */
    public void clearFilters() {
        show(ContractFilter.NONE);
        filtersChanged();
    }

    public void nextPage() {
        if ((page.get() + 1) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            search();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            search();
        }
    }

    /**
     * Saves the filters as they stand, searched or not: the list searches (and saves) a moment after the last
     * keystroke, and a user who types a filter and logs out at once must find it again at the next login.
     */
    public void keepFilters() {
        try {
            filterFile.save(filter());
        } catch (java.io.UncheckedIOException e) {
            System.getLogger(ContractListViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "the contract list's filters were not saved", e);
        }
    }

    /** Searches the local store off the UI thread with the current filters and page. */
    public CompletableFuture<Void> search() {
        ContractFilter f = filter();
        ContractQuery q;
        try {
            q = f.query(page.get() * PAGE_SIZE, PAGE_SIZE);
        } catch (ContractFilter.InvalidFilter e) {
            filterError.set(bundle.getString("contracts.filter.invalid." + e.field()));
            return CompletableFuture.completedFuture(null);
        }
        filterError.set("");
        long request = ++generation;
        searching.set(true);
        return CompletableFuture.supplyAsync(() -> {
            filterFile.save(f);
            LocalPage found = store.contracts().search(q);
            List<Partnership> partners = store.partnerships();
            ContractTexts texts = ContractTexts.of(bundle, store, partners);
            return new Found(found.items().stream().map(k -> row(k, texts)).toList(), found.total(), partners);
        }, background).handleAsync((found, failure) -> {
            // A result newer than the one shown is shown even while a later search runs: at login the window's
            // first search, the section's and the first sync's follow each other, and waiting for the last one
            // kept the list empty until the sync had ended.
            if (request <= shownGeneration) {
                return null;
            }
            shownGeneration = request;
            if (request == generation) {
                searching.set(false);
            }
            if (failure != null) {
                message.set(I18n.format(bundle, "contracts.searchFailed", String.valueOf(failure.getCause())));
                return null;
            }
            // The same rows again (a sync page that brought other contracts) are left as they are: the table
            // keeps its selection and scroll without being told the items were replaced.
            if (!rows.equals(found.rows())) {
                rows.setAll(found.rows());
            }
            total.set(found.total());
            partners(found.partners());
            updatePageText();
            return null;
        }, ui);
    }

    /**
     * A page of a long pull (the first sync) was committed: the list shows what the store holds now, on the
     * page the user is on (the view keeps the selected row), and says how far the pull has come; once the feed
     * is read to its end the words go. On the UI thread.
     */
    public void pullProgress(jp.sitesign.desktop.sync.SyncEngine.PullProgress p) {
        if (p.done()) {
            syncProgress.set("");
        } else if (p.expected() > 0) {
            syncProgress.set(I18n.format(bundle, "contracts.syncProgress", p.contracts(),
                    Math.max(p.expected(), p.contracts())));
        } else {
            syncProgress.set(I18n.format(bundle, "contracts.syncProgress.count", p.contracts()));
        }
        search();
    }

    private record Found(List<ContractRow> rows, int total, List<Partnership> partners) {
    }

    /** The picker's companies from the partnerships the store holds now (on the UI thread). */
    private void partners(List<Partnership> partners) {
        Map<String, String> names = new LinkedHashMap<>();
        Collator byName = Collator.getInstance(Locale.JAPANESE);
        partners.stream().sorted(Comparator.comparing(ContractListViewModel::name, byName))
                .forEach(p -> names.putIfAbsent(p.counterpartyId().value(), name(p)));
        partnerNames = names;
        updateCounterparties();
    }

    private static String name(Partnership p) {
        return p.counterpartyName() == null ? p.counterpartyId().value() : p.counterpartyName();
    }

    private void updateCounterparties() {
        List<String> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(partnerNames.keySet());
        String chosen = counterparty.get();
        if (chosen != null && !chosen.isBlank() && !choices.contains(chosen)) {
            choices.add(chosen);
        }
        if (!choices.equals(counterparties)) {
            counterparties.setAll(choices);
        }
    }

    /** The picker's text for a company id: the partner's name, the id itself for another company, or すべて. */
    public String counterpartyLabel(String id) {
        if (id == null || id.isBlank()) {
            return bundle.getString("contracts.filter.partner.all");
        }
        return partnerNames.getOrDefault(id, id);
    }

    /** The companies the 取引先 filter offers, as ids (null first: every company); see {@link #counterpartyLabel}. */
    public ObservableList<String> counterpartyChoices() {
        return counterparties;
    }

    private ContractRow row(LocalContract lk, ContractTexts texts) {
        ContractSnapshot k = lk.current();
        ContractTexts.Deadline deadline = texts.deadline(k.deadline(), k.status(),
                java.time.LocalDate.now(clock.withZone(jp.sitesign.model.time.JapanTime.ZONE)));
        return new ContractRow(k.id(), nullToEmpty(k.managementNumber()), nullToEmpty(k.title()),
                texts.counterparty(k, store.company().value()), texts.status(k, store.company().value()),
                texts.amount(k.amountYen(), k.taxIncluded()),
                dates.date(k.transactionDate()), dates.dateTime(k.updatedAt()), texts.badge(lk),
                k.status(), deadline.text(), deadline.overdue());
    }

    private void updatePageText() {
        int n = total.get();
        if (n == 0) {
            pageText.set(bundle.getString("contracts.page.none"));
            return;
        }
        int from = page.get() * PAGE_SIZE + 1;
        int to = Math.min(n, from + PAGE_SIZE - 1);
        pageText.set(I18n.format(bundle, "contracts.page", n, from, to));
    }

    /** Saves the server's export of the current result (CSV, or ZIP with the PDFs) to {@code target}. */
    public CompletableFuture<Void> export(boolean zip, Path target) {
        String path;
        try {
            path = filter().exportPath(zip);
        } catch (ContractFilter.InvalidFilter e) {
            filterError.set(bundle.getString("contracts.filter.invalid." + e.field()));
            return CompletableFuture.completedFuture(null);
        }
        message.set(bundle.getString("contracts.export.running"));
        return FileDownload.save(() -> exporter.download(path), target, background, ui, bundle, "contracts.export",
                message::set);
    }

    /** The label of a status choice (null: every status). */
    public String statusLabel(ContractStatus s) {
        return new ContractTexts(bundle, List.of()).status(s);
    }

    /** Narrows the list to {@code chosen} (empty: every status), as the user ticked them. */
    public void chooseStatuses(java.util.Collection<ContractStatus> chosen) {
        java.util.Set<ContractStatus> next = chosen.isEmpty() ? java.util.Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(chosen));
        if (!next.equals(statuses.get())) {
            statuses.set(next);
        }
    }

    /**
     * What the status filter shows while closed: 「すべて」 when none is ticked, the status when one is, and the
     * first with how many more when several are (「下書き ほか2件」), so the filter line keeps its width.
     */
    public String statusesSummary(java.util.Set<ContractStatus> chosen) {
        if (chosen.isEmpty()) {
            return statusLabel(null);
        }
        List<ContractStatus> inOrder = chosen.stream().sorted().toList();
        String first = statusLabel(inOrder.get(0));
        return inOrder.size() == 1 ? first
                : java.text.MessageFormat.format(bundle.getString("contracts.filter.statusesMore"), first,
                        inOrder.size() - 1);
    }

    public String sortLabel(ContractQuery.Sort s) {
        return bundle.getString("contracts.sort." + s.name());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The chosen statuses; set it through {@link #chooseStatuses} or with an unmodifiable set. */
    public ObjectProperty<java.util.Set<ContractStatus>> statusesProperty() {
        return statuses;
    }

    public StringProperty dateFromProperty() {
        return dateFrom;
    }

    public StringProperty dateToProperty() {
        return dateTo;
    }

    public StringProperty amountMinProperty() {
        return amountMin;
    }

    public StringProperty amountMaxProperty() {
        return amountMax;
    }

    public StringProperty counterpartyProperty() {
        return counterparty;
    }

    public ObjectProperty<ContractQuery.Sort> sortProperty() {
        return sort;
    }

    public ObservableList<ContractRow> rows() {
        return rows;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public StringProperty pageTextProperty() {
        return pageText;
    }

    public StringProperty filterErrorProperty() {
        return filterError;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** How far the first sync has come (「同期中… n / m 件」), empty when no long pull is running. */
    public StringProperty syncProgressProperty() {
        return syncProgress;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }
}
