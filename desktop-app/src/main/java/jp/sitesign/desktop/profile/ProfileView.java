package jp.sitesign.desktop.profile;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import jp.sitesign.desktop.login.PasswordChangeViewModel;
import jp.sitesign.desktop.ui.ViewLoader;

/** 自分の情報: the read-only account facts, the own profile form and the password change. */
public final class ProfileView {
    private final ProfileViewModel viewModel;

    @FXML
    private Label userIdLabel;
    @FXML
    private Label companyLabel;
    @FXML
    private Label roleLabel;
    @FXML
    private TextField nameField;
    @FXML
    private TextField nameKanaField;
    @FXML
    private TextField emailField;
    @FXML
    private Button saveButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label statusLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Pane passwordBox;
    @FXML
    private PasswordField currentPassword;
    @FXML
    private PasswordField newPassword;
    @FXML
    private PasswordField confirmPassword;
    @FXML
    private Button changePasswordButton;
    @FXML
    private ProgressIndicator passwordProgress;
    @FXML
    private Label passwordError;

    public ProfileView(ProfileViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        userIdLabel.textProperty().bind(viewModel.userIdProperty());
        companyLabel.textProperty().bind(viewModel.companyProperty());
        roleLabel.textProperty().bind(viewModel.roleProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        nameKanaField.textProperty().bindBidirectional(viewModel.nameKanaProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        nameField.editableProperty().bind(viewModel.onlineProperty());
        nameKanaField.editableProperty().bind(viewModel.onlineProperty());
        emailField.editableProperty().bind(viewModel.onlineProperty());
        saveButton.disableProperty().bind(viewModel.canSave().not());
        saveButton.setOnAction(e -> viewModel.save());
        progress.visibleProperty().bind(viewModel.busyProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());

        PasswordChangeViewModel password = viewModel.password();
        currentPassword.textProperty().bindBidirectional(password.currentProperty());
        newPassword.textProperty().bindBidirectional(password.nextProperty());
        confirmPassword.textProperty().bindBidirectional(password.confirmationProperty());
        passwordBox.disableProperty().bind(viewModel.onlineProperty().not());
        changePasswordButton.disableProperty().bind(password.canChange().not());
        changePasswordButton.setOnAction(e -> password.change());
        passwordProgress.visibleProperty().bind(password.busyProperty());
        passwordError.textProperty().bind(password.errorProperty());
    }
}
