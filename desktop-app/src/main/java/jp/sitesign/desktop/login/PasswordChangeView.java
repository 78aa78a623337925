package jp.sitesign.desktop.login;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import jp.sitesign.desktop.ui.ViewLoader;

/** The forced password change before the main window. */
public final class PasswordChangeView {
    private final PasswordChangeViewModel viewModel;

    @FXML
    private PasswordField currentPassword;
    @FXML
    private PasswordField newPassword;
    @FXML
    private PasswordField confirmPassword;
    @FXML
    private Button changeButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label error;

    public PasswordChangeView(PasswordChangeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        currentPassword.textProperty().bindBidirectional(viewModel.currentProperty());
        newPassword.textProperty().bindBidirectional(viewModel.nextProperty());
        confirmPassword.textProperty().bindBidirectional(viewModel.confirmationProperty());
        changeButton.disableProperty().bind(viewModel.canChange().not());
        changeButton.setOnAction(e -> viewModel.change());
        progress.visibleProperty().bind(viewModel.busyProperty());
        error.textProperty().bind(viewModel.errorProperty());
    }
}
