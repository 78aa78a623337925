package jp.sitesign.desktop.login;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.ui.ViewLoader;

/** First run: the server address and the certificate fingerprint to confirm. */
public final class FirstRunView {
    private final FirstRunViewModel viewModel;

    @FXML
    private TextField serverAddress;
    @FXML
    private Button fetchButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private VBox fingerprintBox;
    @FXML
    private TextField fingerprint;
    @FXML
    private Button confirmButton;
    @FXML
    private Label error;

    public FirstRunView(FirstRunViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        serverAddress.textProperty().bindBidirectional(viewModel.addressProperty());
        serverAddress.disableProperty().bind(viewModel.busyProperty());
        fetchButton.disableProperty().bind(viewModel.busyProperty());
        fetchButton.setOnAction(e -> viewModel.fetchCertificate());
        progress.visibleProperty().bind(viewModel.busyProperty());
        fingerprint.textProperty().bind(viewModel.fingerprintProperty());
        fingerprintBox.visibleProperty().bind(viewModel.fingerprintProperty().isNotEmpty());
        fingerprintBox.managedProperty().bind(fingerprintBox.visibleProperty());
        confirmButton.disableProperty().bind(viewModel.canConfirm().not());
        confirmButton.setOnAction(e -> viewModel.confirm());
        error.textProperty().bind(viewModel.errorProperty());
    }
}
