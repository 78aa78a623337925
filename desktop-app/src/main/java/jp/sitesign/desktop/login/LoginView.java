package jp.sitesign.desktop.login;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import jp.sitesign.desktop.ui.ViewLoader;

/** The login form; progress while the session opens in the background. */
public final class LoginView {
    private final LoginViewModel viewModel;

    @FXML
    private TextField userId;
    @FXML
    private PasswordField password;
    @FXML
    private Button loginButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label progressText;
    @FXML
    private Label error;
    @FXML
    private Label server;
    @FXML
    private Label demoHint;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        userId.textProperty().bindBidirectional(viewModel.userIdProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        userId.disableProperty().bind(viewModel.busyProperty());
        password.disableProperty().bind(viewModel.busyProperty());
        loginButton.disableProperty().bind(viewModel.canLogin().not());
        loginButton.setOnAction(e -> viewModel.login());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progressText.visibleProperty().bind(viewModel.busyProperty());
        error.textProperty().bind(viewModel.errorProperty());
        server.setText(viewModel.serverText());
        demoHint.textProperty().bind(viewModel.demoHintProperty());
        demoHint.visibleProperty().bind(viewModel.demoHintProperty().isNotEmpty());
        demoHint.managedProperty().bind(demoHint.visibleProperty());
    }
}
