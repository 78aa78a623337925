package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.policy.Decision;

/** 取引先と承諾's controller: the table, the method text being consented to, and the withdraw confirmation. */
public final class PartnershipsView {
    private final PartnershipsViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML
    private Button consentButton;
    @FXML
    private Button withdrawButton;
    @FXML
    private Button refreshButton;
    @FXML
    private Button inviteButton;
    @FXML
    private TextField invitationField;
    @FXML
    private TextField proposalNumberField;
    @FXML
    private TextField proposalCodeField;
    @FXML
    private TextArea proposalMethodField;
    @FXML
    private Button proposeButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label reasonLabel;
    @FXML
    private TableView<Partnership> partnershipTable;
    @FXML
    private TableColumn<Partnership, String> partnerColumn;
    @FXML
    private TableColumn<Partnership, String> proposedColumn;
    @FXML
    private TableColumn<Partnership, String> ourColumn;
    @FXML
    private TableColumn<Partnership, String> theirColumn;
    @FXML
    private TextArea methodText;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;

    public PartnershipsView(PartnershipsViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        AdminControls.column(partnerColumn, viewModel::partnerName);
        AdminControls.column(proposedColumn, p -> viewModel.dateTime(p.proposedAt()));
        AdminControls.column(ourColumn, p -> viewModel.consentText(p.ourConsent()));
        AdminControls.column(theirColumn, p -> viewModel.consentText(p.theirConsent()));
        partnershipTable.setItems(viewModel.partnerships());
        partnershipTable.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null || !viewModel.partnerships().contains(viewModel.selectedProperty().get())) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, old, now) -> {
            if (partnershipTable.getSelectionModel().getSelectedItem() != now) {
                partnershipTable.getSelectionModel().select(now);
            }
        });
        methodText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "" : viewModel.selectedProperty().get().methodDescription(), viewModel.selectedProperty()));

        guard(consentButton, viewModel.consentDecision());
        consentButton.setOnAction(e -> viewModel.consent());
        guard(withdrawButton, viewModel.withdrawDecision());
        withdrawButton.setOnAction(e -> viewModel.askWithdraw());
        refreshButton.setOnAction(e -> viewModel.refresh());
        guard(inviteButton, viewModel.manageDecision());
        inviteButton.setOnAction(e -> viewModel.invite());
        invitationField.textProperty().bind(viewModel.invitationCodeProperty());
        proposalNumberField.textProperty().bindBidirectional(viewModel.proposalNumberProperty());
        proposalCodeField.textProperty().bindBidirectional(viewModel.proposalCodeProperty());
        proposalMethodField.textProperty().bindBidirectional(viewModel.proposalMethodProperty());
        guard(proposeButton, viewModel.manageDecision());
        proposeButton.setOnAction(e -> viewModel.propose());
        reasonLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            for (Decision d : new Decision[] {viewModel.consentDecision().get(), viewModel.withdrawDecision().get()}) {
                if (d != null && d.denied()) {
                    return viewModel.reason(d);
                }
            }
            return "";
        }, viewModel.consentDecision(), viewModel.withdrawDecision()));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void guard(Button button, ObjectBinding<Decision> decision) {
        AdminControls.guard(button, decision, viewModel.busyProperty(), viewModel::reason);
    }

}
