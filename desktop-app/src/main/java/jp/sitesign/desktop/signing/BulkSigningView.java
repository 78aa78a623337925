package jp.sitesign.desktop.signing;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.token.Pkcs11Slot;

/**
 * The 一括署名 window's controller: the list with a tick per contract and its result, the key source and level
 * bound to the single dialog's view model, the seal rule, one PIN field; 署名する asks first how many contracts
 * will be signed. While a run goes on, Escape does not close the window (中止 stops it between contracts).
 */
public final class BulkSigningView {
    private final BulkSigningViewModel viewModel;
    private final DialogService dialogs;
    private ResourceBundle bundle;

    @FXML private TableView<BulkSigningViewModel.Row> bulkTable;
    @FXML private TableColumn<BulkSigningViewModel.Row, Boolean> tickColumn;
    @FXML private TableColumn<BulkSigningViewModel.Row, String> numberColumn;
    @FXML private TableColumn<BulkSigningViewModel.Row, String> titleColumn;
    @FXML private TableColumn<BulkSigningViewModel.Row, String> counterpartyColumn;
    @FXML private TableColumn<BulkSigningViewModel.Row, String> amountColumn;
    @FXML private TableColumn<BulkSigningViewModel.Row, String> resultColumn;
    @FXML private Button tickAllButton;
    @FXML private Button tickNoneButton;
    @FXML private RadioButton tokenRadio;
    @FXML private RadioButton fileRadio;
    @FXML private GridPane tokenGrid;
    @FXML private ComboBox<TokenLibraries.Library> libraryChoice;
    @FXML private ComboBox<Pkcs11Slot> slotChoice;
    @FXML private Button refreshButton;
    @FXML private HBox fileBox;
    @FXML private Label fileLabel;
    @FXML private Button fileButton;
    @FXML private Label hintLabel;
    @FXML private ChoiceBox<SignatureLevel> levelChoice;
    @FXML private RadioButton sealRememberedRadio;
    @FXML private RadioButton sealNoneRadio;
    @FXML private Label sealHintLabel;
    @FXML private PasswordField pinField;
    @FXML private Button readKeysButton;
    @FXML private Label keyChoiceLabel;
    @FXML private ComboBox<SigningViewModel.KeyChoice> keyChoice;
    @FXML private Label keyLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Button signAllButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    /** @param dialogs where the confirmation is asked and the PKCS#12 file chosen (the window's own) */
    public BulkSigningView(BulkSigningViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public Parent load(ResourceBundle texts) {
        this.bundle = texts;
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        table();
        keySource();
        seal();
        javafx.beans.binding.BooleanBinding busy = viewModel.busyProperty().or(viewModel.finishedProperty());
        tickAllButton.setOnAction(e -> viewModel.tickAll(true));
        tickNoneButton.setOnAction(e -> viewModel.tickAll(false));
        tickAllButton.disableProperty().bind(busy);
        tickNoneButton.disableProperty().bind(busy);
        pinField.disableProperty().bind(busy);
        keys(busy);
        signAllButton.disableProperty().bind(viewModel.canSignProperty().not().or(pinField.textProperty().isEmpty())
                .or(viewModel.keys().busyProperty()));
        signAllButton.setOnAction(e -> sign());
        cancelButton.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setOnAction(e -> viewModel.cancel());
        closeButton.disableProperty().bind(viewModel.busyProperty());
        closeButton.setOnAction(e -> closeButton.getScene().getWindow().hide());
        // After the run the window's work is done: Enter closes it as Escape does.
        viewModel.finishedProperty().addListener((obs, old, now) -> {
            closeButton.setDefaultButton(now);
            if (now) {
                closeButton.requestFocus();
            }
        });
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        // Escape closes the window, except while signing: the run is stopped with 中止, never left behind.
        bulkTable.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() == KeyCode.ESCAPE && viewModel.busyProperty().get()) {
                        e.consume();
                    }
                });
            }
        });
    }

    private void table() {
        bulkTable.setItems(viewModel.rows());
        bulkTable.setPlaceholder(new Label(bundle.getString("bulk.none")));
        tickColumn.setCellValueFactory(c -> c.getValue().tickedProperty());
        tickColumn.setCellFactory(CheckBoxTableCell.forTableColumn(tickColumn));
        tickColumn.editableProperty().bind(viewModel.busyProperty().or(viewModel.finishedProperty()).not());
        numberColumn.setCellValueFactory(c -> fixed(c.getValue().entry().number()));
        titleColumn.setCellValueFactory(c -> fixed(c.getValue().entry().title()));
        counterpartyColumn.setCellValueFactory(c -> fixed(c.getValue().entry().counterparty()));
        amountColumn.setCellValueFactory(c -> fixed(c.getValue().entry().amount()));
        resultColumn.setCellValueFactory(c -> c.getValue().resultProperty());
        // A reason may be longer than the column: the whole of it on hover.
        resultColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
    }

    private static javafx.beans.value.ObservableValue<String> fixed(String text) {
        return new ReadOnlyStringWrapper(text == null ? "" : text).getReadOnlyProperty();
    }

    /** The single dialog's key source choice, on its own view model. */
    private void keySource() {
        SigningViewModel keys = viewModel.keys();
        new KeySourceControls(tokenRadio, fileRadio, tokenGrid, fileBox, libraryChoice, slotChoice, refreshButton,
                fileLabel, fileButton, levelChoice, keyChoice, keyChoiceLabel, keyLabel)
                .bind(keys, bundle, "bulk.key.unknown", this::dialogs);
        hintLabel.textProperty().bind(Bindings.createStringBinding(() -> !keys.errorProperty().get().isEmpty()
                ? keys.errorProperty().get() : keys.hintProperty().get(), keys.errorProperty(), keys.hintProperty()));
        hintLabel.visibleProperty().bind(hintLabel.textProperty().isNotEmpty());
        hintLabel.managedProperty().bind(hintLabel.visibleProperty());
    }

    /**
     * Whose key signs, as in the single dialog: read with the PIN typed (the field keeps it for the run), a choice
     * only when the token holds several keys.
     */
    private void keys(javafx.beans.binding.BooleanBinding busy) {
        SigningViewModel keys = viewModel.keys();
        readKeysButton.disableProperty().bind(pinField.textProperty().isEmpty().or(keys.busyProperty()).or(busy));
        readKeysButton.setOnAction(e -> keys.readKeys(pinField.getText().toCharArray()));
    }

    private void seal() {
        ToggleGroup group = new ToggleGroup();
        sealRememberedRadio.setToggleGroup(group);
        sealNoneRadio.setToggleGroup(group);
        sealRememberedRadio.setDisable(!viewModel.canUseRememberedSeal());
        group.selectToggle(viewModel.sealProperty().get() == BulkSigningViewModel.SealChoice.REMEMBERED
                ? sealRememberedRadio : sealNoneRadio);
        group.selectedToggleProperty().addListener((obs, old, now) -> viewModel.sealProperty().set(
                now == sealRememberedRadio ? BulkSigningViewModel.SealChoice.REMEMBERED
                        : BulkSigningViewModel.SealChoice.NONE));
        sealHintLabel.setText(viewModel.sealUnavailable());
        sealHintLabel.setVisible(!viewModel.sealUnavailable().isEmpty());
        sealHintLabel.setManaged(sealHintLabel.isVisible());
    }

    /** Asks first, naming how many contracts; then signs them all with the PIN typed once. */
    private void sign() {
        boolean go = dialogs().confirm(new DialogService.Question(DialogService.Tone.QUESTION,
                bundle.getString("bulk.confirm.title"), null, viewModel.confirmation(), bundle.getString("bulk.sign"),
                bundle.getString("bulk.confirm.back"), "bulkConfirm"));
        if (!go) {
            return;
        }
        char[] pin = pinField.getText().toCharArray();
        pinField.clear();
        viewModel.sign(pin);
    }

    private DialogService dialogs() {
        return dialogs != null ? dialogs : FxDialogService.ownedBy(signAllButton);
    }
}
