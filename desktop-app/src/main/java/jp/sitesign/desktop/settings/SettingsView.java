package jp.sitesign.desktop.settings;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.util.StringConverter;
import jp.sitesign.desktop.app.ViewLoader;

/** The settings screen's controller: binds the controls to {@link SettingsViewModel}. */
public final class SettingsView {
    private final SettingsViewModel viewModel;

    @FXML
    private ChoiceBox<Language> languageChoice;
    @FXML
    private Button saveButton;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(viewModel.languages());
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language language) {
                return language == null ? "" : language.nativeName();
            }

            @Override
            public Language fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());
        saveButton.setOnAction(e -> viewModel.save());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }
}
