package jp.sitesign.desktop.admin;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import jp.sitesign.desktop.ui.ChoiceText;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/** 利用者管理's controller: the search form, the table, the action buttons and their dialogs. */
public final class UsersView {
    private final UsersViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private TextField idField;
    @FXML
    private TextField nameField;
    @FXML
    private TextField departmentField;
    @FXML
    private TextField titleField;
    @FXML
    private ComboBox<Role> roleBox;
    @FXML
    private ComboBox<UserStatus> statusBox;
    @FXML
    private Button searchButton;
    @FXML
    private Button clearButton;
    @FXML
    private Button registerButton;
    @FXML
    private Button editButton;
    @FXML
    private Button suspendButton;
    @FXML
    private Button resumeButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button grantAuthorityButton;
    @FXML
    private Button withdrawAuthorityButton;
    @FXML
    private Label reasonLabel;
    @FXML
    private TableView<UserView> table;
    @FXML
    private TableColumn<UserView, String> idColumn;
    @FXML
    private TableColumn<UserView, String> nameColumn;
    @FXML
    private TableColumn<UserView, String> kanaColumn;
    @FXML
    private TableColumn<UserView, String> departmentColumn;
    @FXML
    private TableColumn<UserView, String> titleColumn;
    @FXML
    private TableColumn<UserView, String> roleColumn;
    @FXML
    private TableColumn<UserView, String> statusColumn;
    @FXML
    private TableColumn<UserView, String> authorityColumn;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public UsersView(UsersViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        idField.textProperty().bindBidirectional(viewModel.idFilterProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameFilterProperty());
        departmentField.textProperty().bindBidirectional(viewModel.departmentFilterProperty());
        titleField.textProperty().bindBidirectional(viewModel.titleFilterProperty());
        roleBox.getItems().setAll(Role.values());
        roleBox.setConverter(ChoiceText.of(viewModel::roleLabel));
        roleBox.valueProperty().bindBidirectional(viewModel.roleFilterProperty());
        statusBox.getItems().setAll(UserStatus.values());
        statusBox.setConverter(ChoiceText.of(viewModel::statusLabel));
        statusBox.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        searchButton.setOnAction(e -> viewModel.search());
        clearButton.setOnAction(e -> {
            viewModel.idFilterProperty().set("");
            viewModel.nameFilterProperty().set("");
            viewModel.departmentFilterProperty().set("");
            viewModel.titleFilterProperty().set("");
            viewModel.roleFilterProperty().set(null);
            viewModel.statusFilterProperty().set(null);
            viewModel.search();
        });

        AdminControls.column(idColumn, UserView::id);
        AdminControls.column(nameColumn, UserView::name);
        AdminControls.column(kanaColumn, UserView::nameKana);
        AdminControls.column(departmentColumn, UserView::department);
        AdminControls.column(titleColumn, UserView::title);
        AdminControls.column(roleColumn, u -> viewModel.roleLabel(u.role()));
        AdminControls.column(statusColumn, u -> viewModel.statusLabel(u.status()));
        AdminControls.column(authorityColumn, u -> bundle.getString(u.signingAuthority() ? "admin.users.yes" : "admin.users.no"));
        table.setItems(viewModel.users());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null || !viewModel.users().contains(viewModel.selectedProperty().get())) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        registerButton.disableProperty().bind(viewModel.canRegister().not().or(viewModel.busyProperty()));
        registerButton.setOnAction(e -> register());
        guard(editButton, viewModel.editDecision());
        editButton.setOnAction(e -> edit());
        guard(suspendButton, viewModel.suspendDecision());
        suspendButton.setOnAction(e -> viewModel.suspend());
        guard(resumeButton, viewModel.resumeDecision());
        resumeButton.setOnAction(e -> viewModel.resume());
        guard(deleteButton, viewModel.deleteDecision());
        deleteButton.setOnAction(e -> viewModel.askDelete());
        guard(grantAuthorityButton, viewModel.grantDecision());
        grantAuthorityButton.setOnAction(e -> chooseCertificate());
        guard(withdrawAuthorityButton, viewModel.withdrawAuthorityDecision());
        withdrawAuthorityButton.setOnAction(e -> viewModel.withdrawSigningAuthority());
        reasonLabel.textProperty().bind(Bindings.createStringBinding(() -> firstReason(viewModel.editDecision().get(),
                viewModel.suspendDecision().get(), viewModel.deleteDecision().get()), viewModel.editDecision(),
                viewModel.suspendDecision(), viewModel.deleteDecision()));

        previousButton.setOnAction(e -> viewModel.previousPage());
        nextButton.setOnAction(e -> viewModel.nextPage());
        pageLabel.textProperty().bind(viewModel.pageText());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        viewModel.registeredProperty().addListener((o, old, now) -> {
            if (now != null) {
                ShownOnceDialog.oneTimePassword(dialogs(), bundle, now);
                viewModel.acknowledgeOneTimePassword();
            }
        });
    }

    private void register() {
        UserFormDialog.ask(dialogs(), bundle, bundle.getString("admin.users.registerTitle"), null,
                viewModel.registrableRoles(), viewModel::roleLabel, viewModel::register, viewModel.errorProperty(),
                viewModel.busyProperty());
    }

    private void edit() {
        UserView u = viewModel.selectedProperty().get();
        if (u == null) {
            return;
        }
        List<Role> roles = viewModel.registrableRoles().contains(u.role()) ? viewModel.registrableRoles()
                : List.of(u.role());
        UserFormDialog.ask(dialogs(), bundle, bundle.getString("admin.users.editTitle"), u, roles,
                viewModel::roleLabel, viewModel::edit, viewModel.errorProperty(), viewModel.busyProperty());
    }

    /** Which certificate gives the selected user their authority; none registered is said, not offered. */
    private void chooseCertificate() {
        if (viewModel.bindableCertificates().isEmpty()) {
            viewModel.errorProperty().set(bundle.getString("admin.users.noCertificate"));
            return;
        }
        ChoiceDialog<AdminClient.Certificate> dialog = new ChoiceDialog<>(viewModel.bindableCertificates().get(0),
                viewModel.bindableCertificates());
        dialog.setTitle(bundle.getString("admin.users.grantTitle"));
        dialog.setHeaderText(bundle.getString("admin.users.grantHeader"));
        // The choice box exists only once the dialog pane is laid out.
        dialog.setOnShown(e -> {
            @SuppressWarnings("unchecked")
            ComboBox<AdminClient.Certificate> box = (ComboBox<AdminClient.Certificate>) dialog.getDialogPane()
                    .lookup(".combo-box");
            if (box != null) {
                box.setId("certificateChoice");
                box.setConverter(ChoiceText.of(c -> c.number() + "  " + c.commonName() + "  〜" + c.notAfter()
                        .atZone(jp.sitesign.model.time.JapanTime.ZONE).toLocalDate()));
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(bundle.getString("admin.users.grant"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(bundle.getString("admin.users.cancel"));
        dialogs().showAndWait(dialog).ifPresent(c -> viewModel.grantSigningAuthority(c.number()));
    }

    /** The forms and the one-time password belong to the window this screen is in. */
    private FxDialogService dialogs() {
        return FxDialogService.ownedBy(table);
    }

    private String firstReason(Decision... decisions) {
        for (Decision d : decisions) {
            if (d != null && d.denied()) {
                return viewModel.reason(d);
            }
        }
        return "";
    }

    private void guard(Button button, ObjectBinding<Decision> decision) {
        AdminControls.guard(button, decision, viewModel.busyProperty(), viewModel::reason);
    }


}
