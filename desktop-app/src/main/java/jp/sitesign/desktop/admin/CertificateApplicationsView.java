package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import jp.sitesign.desktop.admin.AdminClient.Application;
import jp.sitesign.desktop.ui.ViewLoader;

/** 証明書の申請's controller: the list and the application form, which stays open until the server accepts. */
public final class CertificateApplicationsView {
    private final CertificateApplicationsViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private Button applyButton;
    @FXML
    private Button refreshButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private TableView<Application> applicationTable;
    @FXML
    private TableColumn<Application, String> idColumn;
    @FXML
    private TableColumn<Application, String> appliedColumn;
    @FXML
    private TableColumn<Application, String> byColumn;
    @FXML
    private TableColumn<Application, String> holderColumn;
    @FXML
    private TableColumn<Application, String> reasonColumn;
    @FXML
    private TableColumn<Application, String> statusColumn;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public CertificateApplicationsView(CertificateApplicationsViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        AdminControls.column(idColumn, a -> Long.toString(a.id()));
        AdminControls.column(appliedColumn, a -> viewModel.dateTime(a.appliedAt()));
        AdminControls.column(byColumn, Application::appliedBy);
        AdminControls.column(holderColumn, viewModel::holderText);
        AdminControls.column(reasonColumn, Application::reason);
        AdminControls.column(statusColumn, viewModel::statusText);
        applicationTable.setItems(viewModel.applications());
        AdminControls.guard(applyButton, viewModel.applyDecision(), viewModel.busyProperty(), viewModel::reason);
        applyButton.setOnAction(e -> showForm());
        refreshButton.setOnAction(e -> viewModel.refresh());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void showForm() {
        TextField name = new TextField();
        name.setId("holderNameInput");
        TextField department = new TextField();
        department.setId("holderDepartmentInput");
        TextField title = new TextField();
        title.setId("holderTitleInput");
        TextField email = new TextField();
        email.setId("holderEmailInput");
        TextArea reason = new TextArea();
        reason.setId("reasonInput");
        reason.setPrefRowCount(3);
        TextArea csr = new TextArea();
        csr.setId("csrInput");
        csr.setPrefRowCount(4);
        csr.setPromptText(bundle.getString("admin.apps.csrHint"));
        Label error = AdminControls.errorLabel("formError");
        error.textProperty().bind(viewModel.errorProperty());
        viewModel.errorProperty().set("");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(bundle.getString("admin.apps.holderName")), name);
        grid.addRow(1, new Label(bundle.getString("admin.users.department")), department);
        grid.addRow(2, new Label(bundle.getString("admin.users.title")), title);
        grid.addRow(3, new Label(bundle.getString("admin.users.email")), email);
        grid.addRow(4, new Label(bundle.getString("admin.apps.reason")), reason);
        grid.addRow(5, new Label(bundle.getString("admin.apps.csr")), csr);
        grid.add(error, 0, 6, 2, 1);
        AdminControls.showForm(applicationTable, new AdminControls.Form(bundle.getString("admin.apps.formTitle"),
                bundle.getString("admin.apps.send"), bundle.getString("admin.users.cancel"), null), grid,
                viewModel.busyProperty(), close -> viewModel.apply(new AdminClient.ApplicationForm(name.getText(),
                        department.getText(), title.getText(), email.getText(), reason.getText(), csr.getText()),
                        close));
        error.textProperty().unbind();
    }

}
