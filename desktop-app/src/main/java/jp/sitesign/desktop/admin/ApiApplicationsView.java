package jp.sitesign.desktop.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.admin.IntegrationClient.ApiApplication;
import jp.sitesign.desktop.admin.IntegrationClient.Delivery;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.integration.ApiScope;

/** API 連携's controller: the applications, the application form, the key shown once, the delivery log. */
public final class ApiApplicationsView {
    private final ApiApplicationsViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private Button applyButton;
    @FXML
    private Button keyButton;
    @FXML
    private Button deliveriesButton;
    @FXML
    private Button refreshButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private TableView<ApiApplication> applicationTable;
    @FXML
    private TableColumn<ApiApplication, String> idColumn;
    @FXML
    private TableColumn<ApiApplication, String> nameColumn;
    @FXML
    private TableColumn<ApiApplication, String> scopesColumn;
    @FXML
    private TableColumn<ApiApplication, String> addressesColumn;
    @FXML
    private TableColumn<ApiApplication, String> statusColumn;
    @FXML
    private TableColumn<ApiApplication, String> reasonColumn;
    @FXML
    private TableColumn<ApiApplication, String> appliedColumn;
    @FXML
    private TableColumn<ApiApplication, String> keyIssuedColumn;
    @FXML
    private TableView<Delivery> deliveryTable;
    @FXML
    private TableColumn<Delivery, String> createdColumn;
    @FXML
    private TableColumn<Delivery, String> eventColumn;
    @FXML
    private TableColumn<Delivery, String> contractColumn;
    @FXML
    private TableColumn<Delivery, String> deliveryStatusColumn;
    @FXML
    private TableColumn<Delivery, String> attemptsColumn;
    @FXML
    private TableColumn<Delivery, String> lastResultColumn;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public ApiApplicationsView(ApiApplicationsViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        AdminControls.column(idColumn, ApiApplication::id);
        AdminControls.column(nameColumn, ApiApplication::name);
        AdminControls.column(scopesColumn, viewModel::scopesText);
        AdminControls.column(addressesColumn, a -> String.join(", ", a.allowedAddresses()));
        AdminControls.column(statusColumn, viewModel::statusText);
        AdminControls.column(reasonColumn, viewModel::reasonText);
        AdminControls.column(appliedColumn, a -> viewModel.dateTime(a.appliedAt()));
        AdminControls.column(keyIssuedColumn, a -> viewModel.dateTime(a.keyIssuedAt()));
        applicationTable.setItems(viewModel.applications());
        applicationTable.getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> viewModel.selectedProperty().set(now));
        AdminControls.column(createdColumn, d -> viewModel.dateTime(d.createdAt()));
        AdminControls.column(eventColumn, d -> d.event().wireName());
        AdminControls.column(contractColumn, Delivery::contractId);
        AdminControls.column(deliveryStatusColumn, viewModel::deliveryStatusText);
        AdminControls.column(attemptsColumn, d -> Integer.toString(d.attempts()));
        AdminControls.column(lastResultColumn, viewModel::lastResultText);
        deliveryTable.setItems(viewModel.deliveries());

        AdminControls.guard(applyButton, viewModel.applyDecision(), viewModel.busyProperty(), viewModel::reason);
        applyButton.setOnAction(e -> showForm());
        keyButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canTakeKey(viewModel.selectedProperty().get()), viewModel.selectedProperty(),
                viewModel.applyDecision()).or(viewModel.busyProperty()));
        keyButton.textProperty().bind(Bindings.createStringBinding(() -> {
            ApiApplication a = viewModel.selectedProperty().get();
            return bundle.getString(a != null && a.keyIssuedAt() != null ? "admin.api.rotateKey"
                    : "admin.api.takeKey");
        }, viewModel.selectedProperty()));
        keyButton.setOnAction(e -> {
            ApiApplication a = viewModel.selectedProperty().get();
            viewModel.takeKey(a, key -> ShownOnceDialog.apiKey(FxDialogService.ownedBy(applicationTable), bundle, a,
                    key));
        });
        deliveriesButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        deliveriesButton.setOnAction(e -> viewModel.showDeliveries(viewModel.selectedProperty().get()));
        refreshButton.setOnAction(e -> viewModel.refresh());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void showForm() {
        TextField name = new TextField();
        name.setId("apiNameInput");
        TextArea purpose = new TextArea();
        purpose.setId("apiPurposeInput");
        purpose.setPrefRowCount(3);
        Map<ApiScope, CheckBox> scopes = new LinkedHashMap<>();
        VBox scopeBoxes = new VBox(4);
        for (ApiScope s : ApiScope.values()) {
            CheckBox box = new CheckBox(viewModel.scopeLabel(s));
            box.setId("scope-" + s.wireName().replace(':', '-'));
            scopes.put(s, box);
            scopeBoxes.getChildren().add(box);
        }
        TextArea addresses = new TextArea();
        addresses.setId("apiAddressesInput");
        addresses.setPrefRowCount(3);
        addresses.setPromptText(bundle.getString("admin.api.addressesHint"));
        Label addressError = AdminControls.errorLabel("apiAddressesError");
        addressError.textProperty().bind(viewModel.addressErrorProperty());
        viewModel.addressErrorProperty().set("");
        TextField contact = new TextField();
        contact.setId("apiContactInput");
        Label error = AdminControls.errorLabel("apiFormError");
        error.textProperty().bind(viewModel.errorProperty());
        viewModel.errorProperty().set("");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(bundle.getString("admin.api.name")), name);
        grid.addRow(1, new Label(bundle.getString("admin.api.purpose")), purpose);
        grid.addRow(2, new Label(bundle.getString("admin.api.scopes")), scopeBoxes);
        grid.addRow(3, new Label(bundle.getString("admin.api.addresses")), new VBox(4, addresses, addressError));
        grid.addRow(4, new Label(bundle.getString("admin.api.contact")), contact);
        grid.add(error, 0, 5, 2, 1);
        AdminControls.showForm(applicationTable, new AdminControls.Form(bundle.getString("admin.api.formTitle"),
                bundle.getString("admin.api.send"), bundle.getString("admin.api.cancel"), "apiSendButton"), grid,
                viewModel.busyProperty(), close -> {
                    List<ApiScope> chosen = scopes.entrySet().stream().filter(e -> e.getValue().isSelected())
                            .map(Map.Entry::getKey).toList();
                    viewModel.apply(name.getText(), purpose.getText(), chosen, addresses.getText(), contact.getText(),
                            close);
                });
        error.textProperty().unbind();
        addressError.textProperty().unbind();
    }
}
