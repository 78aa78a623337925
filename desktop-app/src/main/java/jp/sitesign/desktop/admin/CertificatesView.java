package jp.sitesign.desktop.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import jp.sitesign.desktop.admin.AdminClient.Certificate;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.user.UserView;

/** 電子証明書's controller: the table with validity highlighting, the file chooser, bind and unbind. */
public final class CertificatesView {
    private final CertificatesViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private Button registerCertificateButton;
    @FXML
    private Button refreshButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label reasonLabel;
    @FXML
    private TableView<Certificate> certificateTable;
    @FXML
    private TableColumn<Certificate, String> numberColumn;
    @FXML
    private TableColumn<Certificate, String> subjectColumn;
    @FXML
    private TableColumn<Certificate, String> issuerColumn;
    @FXML
    private TableColumn<Certificate, String> serialColumn;
    @FXML
    private TableColumn<Certificate, String> validityColumn;
    @FXML
    private TableColumn<Certificate, String> boundColumn;
    @FXML
    private ComboBox<UserView> userBox;
    @FXML
    private Button bindButton;
    @FXML
    private ListView<String> boundList;
    @FXML
    private Button unbindButton;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public CertificatesView(CertificatesViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        AdminControls.column(numberColumn, Certificate::number);
        AdminControls.column(subjectColumn, viewModel::subjectText);
        AdminControls.column(issuerColumn, Certificate::issuer);
        AdminControls.column(serialColumn, Certificate::serialNumber);
        AdminControls.column(validityColumn, viewModel::validityText);
        AdminControls.column(boundColumn, viewModel::boundUsersText);
        certificateTable.setItems(viewModel.certificates());
        certificateTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Certificate item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("attention-row");
                if (!empty && item != null && viewModel.needsAttention(item)) {
                    getStyleClass().add("attention-row");
                }
            }
        });
        certificateTable.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null || !viewModel.certificates().contains(viewModel.selectedProperty().get())) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, old, now) -> {
            if (certificateTable.getSelectionModel().getSelectedItem() != now) {
                certificateTable.getSelectionModel().select(now);
            }
            boundList.getItems().setAll(now == null ? java.util.List.of()
                    : now.bindings().stream().map(AdminClient.Binding::userId).toList());
        });

        userBox.setItems(viewModel.users());
        userBox.setConverter(jp.sitesign.desktop.ui.ChoiceText.of(u -> u.name() + "（" + u.id() + "）"));
        userBox.valueProperty().bindBidirectional(viewModel.userToBindProperty());
        boundList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : viewModel.users().stream().filter(u -> u.id().equals(id))
                        .map(u -> u.name() + "（" + id + "）").findFirst().orElse(id));
            }
        });
        boundList.getSelectionModel().selectedItemProperty().addListener(
                (o, old, now) -> viewModel.boundUserToUnbindProperty().set(now));

        registerCertificateButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !AdminTasks.allowed(viewModel.manageDecision().get()), viewModel.manageDecision())
                .or(viewModel.busyProperty()));
        registerCertificateButton.setOnAction(e -> chooseFile());
        refreshButton.setOnAction(e -> viewModel.refresh());
        guard(bindButton, viewModel.bindDecision());
        bindButton.setOnAction(e -> viewModel.bind());
        guard(unbindButton, viewModel.unbindDecision());
        unbindButton.setOnAction(e -> viewModel.unbind());
        reasonLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Decision d = viewModel.manageDecision().get();
            return d != null && d.denied() ? viewModel.reason(d) : "";
        }, viewModel.manageDecision()));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void chooseFile() {
        java.util.Optional<java.nio.file.Path> file = FxDialogService.ownedBy(certificateTable).openFile(
                bundle.getString("admin.certs.chooseTitle"), java.util.List.of(
                        DialogService.FileKind.of(bundle.getString("admin.certs.certificateFiles"),
                                "*.pem", "*.crt", "*.cer", "*.der"),
                        DialogService.FileKind.of(bundle.getString("admin.certs.allFiles"), "*.*")));
        if (file.isEmpty()) {
            return;
        }
        try {
            viewModel.register(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            viewModel.errorProperty().set(I18n.format(bundle, "admin.certs.unreadableFile", file.get().getFileName().toString()));
        }
    }

    private void guard(Button button, ObjectBinding<Decision> decision) {
        AdminControls.guard(button, decision, viewModel.busyProperty(), viewModel::reason);
    }

}
