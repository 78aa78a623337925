package jp.sitesign.desktop.signing;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.signing.seal.SealPlacementView;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.token.Pkcs11Slot;

/** The signing dialog's controller: binds the key choice, the PIN field and the result to {@link SigningViewModel}. */
public final class SigningView {
    private final SigningViewModel viewModel;
    private final DialogService dialogs;
    private ResourceBundle bundle;

    @FXML private RadioButton tokenRadio;
    @FXML private RadioButton fileRadio;
    @FXML private GridPane tokenGrid;
    @FXML private ComboBox<TokenLibraries.Library> libraryChoice;
    @FXML private ComboBox<Pkcs11Slot> slotChoice;
    @FXML private Button refreshButton;
    @FXML private HBox fileBox;
    @FXML private Label fileLabel;
    @FXML private Button fileButton;
    @FXML private GridPane whatGrid;
    @FXML private Label hintLabel;
    @FXML private Button readKeysButton;
    @FXML private Label keyChoiceLabel;
    @FXML private ComboBox<SigningViewModel.KeyChoice> keyChoice;
    @FXML private Label keyLabel;
    @FXML private Button closeButton;
    @FXML private javafx.scene.control.TitledPane detailsPane;
    @FXML private TextArea detailsArea;
    @FXML private ChoiceBox<SignatureLevel> levelChoice;
    @FXML private PasswordField pinField;
    @FXML private VBox sealArea;
    @FXML private Button signButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private TextArea reportArea;
    @FXML private org.controlsfx.control.MaskerPane masker;

    public SigningView(SigningViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param dialogs where the PKCS#12 file is chosen (the shell gives the signing window's); null: its own */
    public SigningView(SigningViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public Parent load(ResourceBundle texts) {
        this.bundle = texts;
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        new KeySourceControls(tokenRadio, fileRadio, tokenGrid, fileBox, libraryChoice, slotChoice, refreshButton,
                fileLabel, fileButton, levelChoice, keyChoice, keyChoiceLabel, keyLabel)
                .bind(viewModel, bundle, "signing.key.unknown", this::dialogs);
        showWhat();
        viewModel.whatIsSigned().addListener((javafx.collections.ListChangeListener<String[]>) c -> showWhat());
        hintLabel.textProperty().bind(viewModel.hintProperty());
        hintLabel.visibleProperty().bind(viewModel.hintProperty().isNotEmpty());
        hintLabel.managedProperty().bind(hintLabel.visibleProperty());
        // The keys: read with the PIN; a choice only when the source holds several, else just whose key it is.
        readKeysButton.disableProperty().bind(pinField.textProperty().isEmpty().or(viewModel.busyProperty())
                .or(viewModel.signedProperty()));
        readKeysButton.setOnAction(e -> viewModel.readKeys(pinField.getText().toCharArray()));

        if (viewModel.seal() != null) {
            sealArea.getChildren().add(new SealPlacementView(viewModel.seal()).load(bundle));
            signButton.disableProperty().bind(viewModel.canSignProperty().not().or(viewModel.seal().ready().not()));
        } else {
            signButton.disableProperty().bind(viewModel.canSignProperty().not());
        }
        closeButton.setOnAction(e -> {
            if (closeButton.getScene() != null && closeButton.getScene().getWindow() != null) {
                closeButton.getScene().getWindow().hide();
            }
        });
        // After a signature the window's work is done: Enter closes it as Escape does.
        viewModel.signedProperty().addListener((obs, old, now) -> {
            closeButton.setDefaultButton(now);
            if (now) {
                closeButton.requestFocus();
            }
        });
        progress.visibleProperty().bind(viewModel.busyProperty());
        // The same busy state masks the form: the signature being made says so (the status), reading the keys
        // from the token or file says that.
        masker.visibleProperty().bind(viewModel.busyProperty());
        masker.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.statusProperty().isEmpty())
                .then(bundle.getString("signing.masker.keys")).otherwise(viewModel.statusProperty()));
        signButton.setOnAction(e -> {
            char[] pin = pinField.getText().toCharArray();
            pinField.clear();
            viewModel.sign(pin);
        });
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        reportArea.textProperty().bind(viewModel.reportProperty());
        reportArea.visibleProperty().bind(viewModel.reportProperty().isNotEmpty());
        reportArea.managedProperty().bind(reportArea.visibleProperty());
        detailsArea.textProperty().bind(viewModel.detailsProperty());
        detailsPane.visibleProperty().bind(viewModel.detailsProperty().isNotEmpty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }

    private void showWhat() {
        whatGrid.getChildren().clear();
        int row = 0;
        for (String[] pair : viewModel.whatIsSigned()) {
            Label name = new Label(pair[0]);
            name.getStyleClass().add("field-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(pair[1]);
            value.setWrapText(true);
            value.setId("what-" + row);
            whatGrid.addRow(row++, name, value);
        }
    }

    /** Where this window's questions are asked: the one given, or this window's own dialogs. */
    private DialogService dialogs() {
        return dialogs != null ? dialogs : FxDialogService.ownedBy(fileButton);
    }
}
