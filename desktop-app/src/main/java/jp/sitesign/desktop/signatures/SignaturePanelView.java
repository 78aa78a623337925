package jp.sitesign.desktop.signatures;

import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * Draws the signature panel: a progress indicator while verifying, the summary, one card per signature or
 * document timestamp (a coloured light next to its verdict in words, who, when, the findings) and, folded,
 * the verifier's technical text.
 */
public final class SignaturePanelView {
    private final SignaturePanelViewModel viewModel;

    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label summaryLabel;
    @FXML
    private VBox warningBox;
    @FXML
    private VBox entryBox;
    @FXML
    private TitledPane detailsPane;
    @FXML
    private TextArea detailsArea;

    public SignaturePanelView(SignaturePanelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        detailsArea.textProperty().bind(viewModel.detailsProperty());
        detailsPane.visibleProperty().bind(viewModel.detailsProperty().isNotEmpty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        viewModel.entries().addListener((ListChangeListener<SignatureEntry>) c -> showEntries());
        viewModel.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
        showEntries();
        showWarnings();
    }

    private void showWarnings() {
        warningBox.getChildren().setAll(viewModel.warnings().stream().map(w -> {
            Label label = new Label(w);
            label.setWrapText(true);
            label.getStyleClass().add("signature-warning");
            return (Node) label;
        }).toList());
    }

    private void showEntries() {
        entryBox.getChildren().setAll(viewModel.entries().stream().map(SignaturePanelView::card).toList());
    }

    /**
     * One signature: the light and its verdict word on the first line (never shortened to "…"), who signed
     * below it, wrapping to the column's width, then when and the findings.
     */
    private static Node card(SignatureEntry entry) {
        Circle light = new Circle(7);
        light.getStyleClass().addAll("signature-light", "signature-light-" + entry.light().name().toLowerCase());
        Label verdict = new Label(entry.verdict());
        verdict.getStyleClass().add("signature-verdict");
        verdict.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        Label heading = new Label(entry.heading());
        heading.getStyleClass().add("signature-heading");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(8, light, verdict);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox card = new VBox(3, top, heading);
        Label when = new Label(entry.when());
        when.setWrapText(true);
        when.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getChildren().add(when);
        for (String line : entry.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("signature-line");
            card.getChildren().add(l);
        }
        card.setId("signature-" + entry.number());
        card.getStyleClass().add("signature-card");
        return card;
    }
}
