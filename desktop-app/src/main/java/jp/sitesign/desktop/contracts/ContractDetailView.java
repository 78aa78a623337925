package jp.sitesign.desktop.contracts;

import java.util.Optional;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.contract.LifecycleCommand;

/**
 * One contract with its workflow buttons (disabled with the reason as tooltip) and, below, its main
 * document in two tabs: the PDF preview and the signature panel with the verification of every signature.
 * Both follow the document the view model opens — also when a sync brings a newer signed version of the
 * document being shown. Return and decline ask for a comment; deleting a draft asks for a confirmation that
 * says it cannot be undone.
 */
public final class ContractDetailView {
    private final ContractDetailViewModel viewModel;
    private final Node preview;
    private final Node signatures;
    private ResourceBundle bundle;

    @FXML
    private Label heading;
    @FXML
    private GridPane fieldGrid;
    @FXML
    private ListView<String> partyList;
    @FXML
    private ListView<String> documentList;
    @FXML
    private Label pendingLabel;
    @FXML
    private FlowPane actionPane;
    @FXML
    private Label messageLabel;
    @FXML
    private Button showDocumentButton;
    @FXML
    private StackPane previewArea;

    /** @param preview the PDF preview to show below the details (null: none) */
    public ContractDetailView(ContractDetailViewModel viewModel, Node preview) {
        this(viewModel, preview, null);
    }

    /** @param signatures the signature panel, shown in a tab beside the preview (null: none) */
    public ContractDetailView(ContractDetailViewModel viewModel, Node preview, Node signatures) {
        this.viewModel = viewModel;
        this.preview = preview;
        this.signatures = signatures;
    }

    public Parent load(ResourceBundle bundle) {
        this.bundle = bundle;
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        partyList.setItems(viewModel.parties());
        documentList.setItems(viewModel.documentLines());
        pendingLabel.textProperty().bind(viewModel.pendingTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.fields().addListener((ListChangeListener<String[]>) c -> showFields());
        viewModel.actions().addListener((ListChangeListener<ActionState>) c -> showActions());
        showDocumentButton.setOnAction(e -> viewModel.openMainDocument());
        showDocumentButton.disableProperty().bind(viewModel.loadedProperty().not());
        if (signatures != null) {
            javafx.scene.control.Tab signatureTab = new javafx.scene.control.Tab(
                    bundle.getString("signatures.tab"), signatures);
            signatureTab.setId("signatureTab");
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                    new javafx.scene.control.Tab(bundle.getString("signatures.tab.preview"), preview), signatureTab);
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            previewArea.getChildren().setAll(tabs);
        } else if (preview != null) {
            previewArea.getChildren().setAll(preview);
        }
        showFields();
        showActions();
    }

    private void showFields() {
        fieldGrid.getChildren().clear();
        int row = 0;
        for (String[] f : viewModel.fields()) {
            Label name = new Label(f[0]);
            name.getStyleClass().add("field-name");
            Label value = new Label(f[1]);
            value.setWrapText(true);
            fieldGrid.addRow(row++, name, value);
        }
    }

    private void showActions() {
        actionPane.getChildren().clear();
        for (ActionState a : viewModel.actions()) {
            Button b = new Button(a.label());
            b.setId("action-" + a.command().name());
            b.setDisable(!a.allowed());
            if (a.tooltip() != null) {
                b.setTooltip(new Tooltip(a.tooltip()));
                // A disabled button shows no tooltip in JavaFX; its wrapper does.
                Label wrapper = new Label(null, b);
                wrapper.setTooltip(new Tooltip(a.tooltip()));
                actionPane.getChildren().add(wrapper);
            } else {
                actionPane.getChildren().add(b);
            }
            b.setOnAction(e -> act(a.command()));
        }
    }

    private void act(LifecycleCommand command) {
        if (command == LifecycleCommand.DELETE) {
            if (confirmDelete()) {
                viewModel.perform(command, null);
            }
            return;
        }
        if (ContractDetailViewModel.needsComment(command)) {
            TextInputDialog dialog = new TextInputDialog();
            dialog.initOwner(actionPane.getScene().getWindow());
            dialog.setTitle(bundle.getString("contracts.comment.title"));
            dialog.setHeaderText(bundle.getString("contracts.comment." + command.name()));
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK))
                    .setText(bundle.getString("contracts.action." + command.name()).replace("…", ""));
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(bundle.getString("contracts.cancel"));
            dialog.showAndWait().ifPresent(comment -> viewModel.perform(command, comment));
            return;
        }
        viewModel.perform(command, null);
    }

    private boolean confirmDelete() {
        ButtonType delete = new ButtonType(bundle.getString("contracts.delete.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(bundle.getString("contracts.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, viewModel.deleteConfirmation(), delete, cancel);
        alert.initOwner(actionPane.getScene().getWindow());
        alert.setTitle(bundle.getString("contracts.delete.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("deleteConfirmation");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == delete;
    }
}
