package jp.sitesign.desktop.contracts;

import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * One contract with its workflow buttons (disabled with the reason as tooltip) and, below, its main
 * document in two tabs: the PDF preview and the signature panel with the verification of every signature.
 * Both follow the document the view model opens — also when a sync brings a newer signed version of the
 * document being shown. Approving, returning, withdrawing, declining and deleting a draft ask first, naming the
 * contract; returning, withdrawing and declining ask for the reason with it (the view model decides).
 */
public final class ContractDetailView {
    private final ContractDetailViewModel viewModel;
    private final Node preview;
    private final Node signatures;
    private final Node tools;
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
    @FXML
    private FlowPane documentTools;

    /** @param preview the PDF preview to show below the details (null: none) */
    public ContractDetailView(ContractDetailViewModel viewModel, Node preview) {
        this(viewModel, preview, null);
    }

    /** @param signatures the signature panel, shown in a tab beside the preview (null: none) */
    public ContractDetailView(ContractDetailViewModel viewModel, Node preview, Node signatures) {
        this(viewModel, preview, signatures, null);
    }

    /** @param tools more controls beside "PDFを見る" (the evidence package's button; null: none) */
    public ContractDetailView(ContractDetailViewModel viewModel, Node preview, Node signatures, Node tools) {
        this.viewModel = viewModel;
        this.preview = preview;
        this.signatures = signatures;
        this.tools = tools;
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
        if (tools != null) {
            documentTools.getChildren().add(tools);
        }
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
            b.setOnAction(e -> viewModel.act(a.command()));
        }
    }
}
