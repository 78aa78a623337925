package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.audit.AuditAction;

/** 監査ログ's controller: filters, the paged table and the CSV export to a file the user picks. */
public final class AuditView {
    private final AuditViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private DatePicker fromPicker;
    @FXML
    private DatePicker toPicker;
    @FXML
    private TextField userField;
    @FXML
    private ComboBox<AuditAction> actionBox;
    @FXML
    private Button searchButton;
    @FXML
    private Button clearButton;
    @FXML
    private Button exportButton;
    @FXML
    private TableView<AdminClient.AuditEntry> table;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> timeColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> actionColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> outcomeColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> actorColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> targetColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> ipColumn;
    @FXML
    private TableColumn<AdminClient.AuditEntry, String> detailsColumn;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public AuditView(AuditViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        jp.sitesign.desktop.ui.DateField.attach(fromPicker, viewModel.dates(), bundle.getString("dateInput.invalid"));
        jp.sitesign.desktop.ui.DateField.attach(toPicker, viewModel.dates(), bundle.getString("dateInput.invalid"));
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        actionBox.getItems().setAll(AuditAction.values());
        actionBox.setConverter(jp.sitesign.desktop.ui.ChoiceText.of(viewModel::actionLabel));
        actionBox.valueProperty().bindBidirectional(viewModel.actionProperty());
        searchButton.setOnAction(e -> viewModel.search());
        clearButton.setOnAction(e -> {
            viewModel.fromProperty().set(null);
            viewModel.toProperty().set(null);
            viewModel.userProperty().set("");
            viewModel.actionProperty().set(null);
            viewModel.search();
        });
        exportButton.disableProperty().bind(viewModel.canExport().not());
        exportButton.setOnAction(e -> export());

        AdminControls.column(timeColumn, viewModel::time);
        AdminControls.column(actionColumn, a -> viewModel.actionLabel(a.action()));
        AdminControls.column(outcomeColumn, a -> viewModel.outcomeLabel(a.outcome()));
        AdminControls.column(actorColumn, viewModel::actor);
        AdminControls.column(targetColumn, viewModel::target);
        AdminControls.column(ipColumn, AdminClient.AuditEntry::clientIp);
        AdminControls.column(detailsColumn, viewModel::details);
        table.setItems(viewModel.events());

        previousButton.disableProperty().bind(viewModel.offsetProperty().isEqualTo(0));
        previousButton.setOnAction(e -> viewModel.previousPage());
        nextButton.disableProperty().bind(viewModel.hasNext().not());
        nextButton.setOnAction(e -> viewModel.nextPage());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void export() {
        FxDialogService.ownedBy(table).saveFile(bundle.getString("admin.audit.exportTitle"), "audit-log.csv",
                DialogService.FileKind.of(bundle.getString("admin.audit.csvFiles"), "*.csv"))
                .ifPresent(viewModel::export);
    }

}
