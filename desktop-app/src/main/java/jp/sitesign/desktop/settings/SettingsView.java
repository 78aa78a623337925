package jp.sitesign.desktop.settings;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import jp.sitesign.desktop.ui.ChoiceText;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.signature.core.SignatureLevel;

/** The settings screen's controller: binds the controls to {@link SettingsViewModel}. */
public final class SettingsView {
    private final SettingsViewModel viewModel;
    private ResourceBundle bundle;

    @FXML private ChoiceBox<Language> languageChoice;
    @FXML private ChoiceBox<DateStyle> dateStyleChoice;
    @FXML private ListView<TokenLibraryRow> libraryList;
    @FXML private TextField newLibraryField;
    @FXML private Button browseLibraryButton;
    @FXML private Button addLibraryButton;
    @FXML private Button removeLibraryButton;
    @FXML private Button resetLibrariesButton;
    @FXML private Label libraryErrorLabel;
    @FXML private TextField tsaField;
    @FXML private Label tsaErrorLabel;
    @FXML private ChoiceBox<SignatureLevel> levelChoice;
    @FXML private TextField dataFolderField;
    @FXML private Button browseFolderButton;
    @FXML private Label dataFolderErrorLabel;
    @FXML private Label folderInUseLabel;
    @FXML private Button saveButton;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle texts) {
        this.bundle = texts;
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(viewModel.languages());
        languageChoice.setConverter(ChoiceText.of(Language::nativeName));
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());
        dateStyleChoice.getItems().setAll(viewModel.dateStyles());
        dateStyleChoice.setConverter(ChoiceText.of(viewModel::label));
        dateStyleChoice.valueProperty().bindBidirectional(viewModel.dateStyleProperty());

        libraryList.setItems(viewModel.libraries());
        libraryList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TokenLibraryRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty ? null : viewModel.label(row));
                setStyle(empty || row.installed() ? "" : "-fx-text-fill: #8a8a8a;");
            }
        });
        newLibraryField.textProperty().bindBidirectional(viewModel.newLibraryProperty());
        addLibraryButton.setOnAction(e -> viewModel.addLibrary());
        browseLibraryButton.setOnAction(e -> chooseLibrary());
        removeLibraryButton.disableProperty().bind(libraryList.getSelectionModel().selectedItemProperty().isNull());
        removeLibraryButton.setOnAction(e -> viewModel.removeLibrary(libraryList.getSelectionModel().getSelectedItem()));
        resetLibrariesButton.setOnAction(e -> viewModel.resetLibraries());
        libraryErrorLabel.textProperty().bind(viewModel.libraryErrorProperty());

        tsaField.textProperty().bindBidirectional(viewModel.tsaUrlProperty());
        tsaErrorLabel.textProperty().bind(viewModel.tsaErrorProperty());
        levelChoice.setItems(viewModel.levels());
        levelChoice.setConverter(ChoiceText.of(viewModel::label));
        levelChoice.valueProperty().bindBidirectional(viewModel.levelProperty());

        dataFolderField.textProperty().bindBidirectional(viewModel.dataFolderProperty());
        browseFolderButton.setOnAction(e -> chooseFolder());
        dataFolderErrorLabel.textProperty().bind(viewModel.dataFolderErrorProperty());
        folderInUseLabel.setText(viewModel.folderInUseText());

        saveButton.setOnAction(e -> viewModel.save());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void chooseLibrary() {
        FxDialogService.ownedBy(saveButton).openFile(bundle.getString("settings.library.chooserTitle"),
                java.util.List.of()).ifPresent(chosen -> {
                    viewModel.newLibraryProperty().set(chosen.toAbsolutePath().toString());
                    viewModel.addLibrary();
                });
    }

    private void chooseFolder() {
        FxDialogService.ownedBy(saveButton).chooseFolder(bundle.getString("settings.dataFolder"))
                .ifPresent(chosen -> viewModel.dataFolderProperty().set(chosen.toAbsolutePath().toString()));
    }

}
