package jp.sitesign.desktop.contracts;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;

/** The contract list: filters that search as the user types, the table, paging and the export. */
public final class ContractListView {
    /** How long typing must pause before the list searches again. */
    static final Duration DEBOUNCE = Duration.millis(250);

    private final ContractListViewModel viewModel;
    private ResourceBundle bundle;
    private String selectedId;

    @FXML
    private TextField numberField;
    @FXML
    private TextField titleField;
    @FXML
    private CheckComboBox<ContractStatus> statusBox;
    @FXML
    private TextField dateFromField;
    @FXML
    private TextField dateToField;
    @FXML
    private TextField amountMinField;
    @FXML
    private TextField amountMaxField;
    @FXML
    private ComboBox<String> counterpartyBox;
    @FXML
    private ComboBox<ContractQuery.Sort> sortBox;
    @FXML
    private Button clearButton;
    @FXML
    private Label filterError;
    @FXML
    private TableView<ContractRow> table;
    @FXML
    private TableColumn<ContractRow, String> badgeColumn;
    @FXML
    private TableColumn<ContractRow, String> numberColumn;
    @FXML
    private TableColumn<ContractRow, String> titleColumn;
    @FXML
    private TableColumn<ContractRow, String> counterpartyColumn;
    @FXML
    private TableColumn<ContractRow, String> statusColumn;
    @FXML
    private TableColumn<ContractRow, String> amountColumn;
    @FXML
    private TableColumn<ContractRow, String> dateColumn;
    @FXML
    private TableColumn<ContractRow, String> updatedColumn;
    @FXML
    private TableColumn<ContractRow, String> deadlineColumn;
    @FXML
    private javafx.scene.control.ToggleButton moreFiltersButton;
    @FXML
    private javafx.scene.layout.FlowPane moreFilters;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Button nextButton;
    @FXML
    private Label messageLabel;
    @FXML
    private Label syncProgressLabel;
    @FXML
    private Button exportCsvButton;
    @FXML
    private Button exportZipButton;

    public ContractListView(ContractListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        this.bundle = bundle;
        return ViewLoader.load(this, bundle);
    }

    /** The table's name in the user's column layouts ({@link jp.sitesign.desktop.ui.ColumnMemory}). */
    public static final String LAYOUT_NAME = "contracts";

    /**
     * Keeps the columns' order, widths and visibility in {@code store} (the user's settings), and arranges them as
     * saved there now. Call after {@link #load}.
     */
    public ContractListView rememberColumns(jp.sitesign.desktop.ui.ColumnMemory.Store store) {
        jp.sitesign.desktop.ui.ColumnMemory.remember(table, LAYOUT_NAME, store);
        return this;
    }

    /** Puts the cursor in the title search, its text selected so typing replaces it. */
    public void focusSearch() {
        titleField.requestFocus();
        titleField.selectAll();
    }

    /** The table, so the section can follow the selected row. */
    public TableView<ContractRow> table() {
        return table;
    }

    @FXML
    private void initialize() {
        numberField.textProperty().bindBidirectional(viewModel.numberProperty());
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        dateFromField.textProperty().bindBidirectional(viewModel.dateFromProperty());
        dateToField.textProperty().bindBidirectional(viewModel.dateToProperty());
        amountMinField.textProperty().bindBidirectional(viewModel.amountMinProperty());
        amountMaxField.textProperty().bindBidirectional(viewModel.amountMaxProperty());
        counterpartyBox.setItems(viewModel.counterpartyChoices());
        counterpartyBox.setCellFactory(list -> labelled(viewModel::counterpartyLabel));
        counterpartyBox.setButtonCell(labelled(viewModel::counterpartyLabel));
        counterpartyBox.valueProperty().bindBidirectional(viewModel.counterpartyProperty());

        bindStatuses();
        sortBox.setItems(FXCollections.observableArrayList(ContractQuery.Sort.values()));
        sortBox.setCellFactory(list -> labelled(viewModel::sortLabel));
        sortBox.setButtonCell(labelled(viewModel::sortLabel));
        sortBox.valueProperty().bindBidirectional(viewModel.sortProperty());

        PauseTransition pause = new PauseTransition(DEBOUNCE);
        pause.setOnFinished(e -> viewModel.filtersChanged());
        InvalidationListener restart = obs -> pause.playFromStart();
        for (var p : viewModel.filterProperties()) {
            p.addListener(restart);
        }
        clearButton.setOnAction(e -> viewModel.clearFilters());
        filterError.textProperty().bind(viewModel.filterErrorProperty());

        column(badgeColumn, "badgeColumn", ContractRow::badge);
        column(numberColumn, "numberColumn", ContractRow::number);
        column(titleColumn, "titleColumn", ContractRow::title);
        column(counterpartyColumn, "counterpartyColumn", ContractRow::counterparty);
        column(statusColumn, "statusColumn", ContractRow::status);
        column(amountColumn, "amountColumn", ContractRow::amount);
        column(dateColumn, "dateColumn", ContractRow::transactionDate);
        column(deadlineColumn, "deadlineColumn", ContractRow::deadline);
        column(updatedColumn, "updatedColumn", ContractRow::updated);
        table.getProperties().put(ContractCells.ATTENTION_TEXT, bundle.getString("contracts.badge.attention"));
        ContractCells.install(statusColumn, amountColumn, deadlineColumn, badgeColumn, numberColumn, titleColumn,
                counterpartyColumn);
        // Every column fits the list's width: no sideways scrolling; a column the user widens takes from the others,
        // and all give way in proportion down to their minimum (the amount and dates are never cut).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        moreFilters.visibleProperty().bind(moreFiltersButton.selectedProperty());
        moreFilters.managedProperty().bind(moreFilters.visibleProperty());
        // A saved range filter stays in sight, or the list would look filtered for no visible reason.
        moreFiltersButton.setSelected(rangeSet());
        for (var p : new javafx.beans.Observable[] {viewModel.dateFromProperty(), viewModel.dateToProperty(),
                viewModel.amountMinProperty(), viewModel.amountMaxProperty()}) {
            p.addListener(o -> {
                if (rangeSet()) {
                    moreFiltersButton.setSelected(true);
                }
            });
        }
        table.setItems(viewModel.rows());
        // A new search replaces the rows; the contract the user had selected stays selected if still listed.
        viewModel.rows().addListener((javafx.collections.ListChangeListener<ContractRow>) c -> reselect());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedId = now.id();
            }
        });
        table.setPlaceholder(new Label(bundle.getString("contracts.page.none")));

        pageLabel.textProperty().bind(viewModel.pageTextProperty());
        previousButton.setOnAction(e -> viewModel.previousPage());
        nextButton.setOnAction(e -> viewModel.nextPage());
        previousButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(0));
        nextButton.disableProperty().bind(viewModel.pageProperty().add(1).multiply(ContractListViewModel.PAGE_SIZE)
                .greaterThanOrEqualTo(viewModel.totalProperty()));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        // The first sync's 「同期中… n / m 件」 beside the page, and no room taken once it is over.
        syncProgressLabel.textProperty().bind(viewModel.syncProgressProperty());
        syncProgressLabel.visibleProperty().bind(viewModel.syncProgressProperty().isNotEmpty());
        syncProgressLabel.managedProperty().bind(syncProgressLabel.visibleProperty());
        exportCsvButton.setOnAction(e -> export(false));
        exportZipButton.setOnAction(e -> export(true));
        viewModel.search();
    }

    private void reselect() {
        if (selectedId == null) {
            return;
        }
        for (ContractRow r : viewModel.rows()) {
            if (r.id().equals(selectedId)) {
                table.getSelectionModel().select(r);
                return;
            }
        }
    }

    private void export(boolean zip) {
        FxDialogService.ownedBy(table).saveFile(bundle.getString("contracts.export.title"),
                zip ? "contracts.zip" : "contracts.csv",
                zip ? DialogService.FileKind.of("ZIP", "*.zip") : DialogService.FileKind.of("CSV", "*.csv"))
                .ifPresent(target -> viewModel.export(zip, target));
    }

    private boolean rangeSet() {
        return !blank(viewModel.dateFromProperty().get()) || !blank(viewModel.dateToProperty().get())
                || !blank(viewModel.amountMinProperty().get()) || !blank(viewModel.amountMaxProperty().get());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void column(TableColumn<ContractRow, String> column, String id,
            Function<ContractRow, String> value) {
        column.setId(id);
        column.setCellValueFactory(c -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(c.getValue())));
        // The order is the query's (ContractQuery.Sort), over all pages, not the visible page's.
        column.setSortable(false);
    }

    /**
     * The status filter ticks any number of statuses (ControlsFX's {@link CheckComboBox}); none ticked is every
     * status. The ticks and the view model's set follow each other both ways: a saved filter restored into the
     * view model ticks its statuses, and a tick narrows the list.
     */
    private void bindStatuses() {
        statusBox.getItems().setAll(ContractStatus.values());
        statusBox.setConverter(jp.sitesign.desktop.ui.ChoiceText.of(viewModel::statusLabel));
        boolean[] copying = {false};
        Runnable showChosen = () -> {
            java.util.Set<ContractStatus> chosen = viewModel.statusesProperty().get();
            statusBox.setTitle(viewModel.statusesSummary(chosen));
            if (!chosen.equals(java.util.Set.copyOf(statusBox.getCheckModel().getCheckedItems()))) {
                copying[0] = true;
                try {
                    statusBox.getCheckModel().clearChecks();
                    chosen.forEach(statusBox.getCheckModel()::check);
                } finally {
                    copying[0] = false;
                }
            }
        };
        showChosen.run();
        viewModel.statusesProperty().addListener((o, was, now) -> showChosen.run());
        statusBox.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<ContractStatus>)
                c -> {
                    if (!copying[0]) {
                        viewModel.chooseStatuses(List.copyOf(statusBox.getCheckModel().getCheckedItems()));
                    }
                });
    }

    private static <T> ListCell<T> labelled(Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : label.apply(item));
            }
        };
    }
}
