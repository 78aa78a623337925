package jp.sitesign.desktop.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The preview toolbar's buttons for a contract's document: 印刷, PDFとして保存 and (in the detail) a larger
 * window, each an icon with its word, and the line that says what they did.
 */
final class ReadingTools {
    private ReadingTools() {
    }

    /** @param openViewer opens the larger window; null where the preview is that window */
    static Node[] of(ContractReading reading, Runnable openViewer, ResourceBundle bundle) {
        List<Node> nodes = new ArrayList<>();
        Button print = button("printButton", "mdi2p-printer", bundle.getString("contracts.reading.print"));
        print.setOnAction(e -> reading.printWithDialog(print.getScene() == null ? null : print.getScene().getWindow()));
        Button save = button("savePdfButton", "mdi2c-content-save", bundle.getString("contracts.reading.save"));
        save.setOnAction(e -> reading.saveAs());
        print.disableProperty().bind(reading.availableProperty().not());
        save.disableProperty().bind(reading.availableProperty().not());
        nodes.add(print);
        nodes.add(save);
        if (openViewer != null) {
            Button window = button("viewerButton", "mdi2o-open-in-new", bundle.getString("contracts.reading.window"));
            window.setOnAction(e -> openViewer.run());
            window.disableProperty().bind(reading.availableProperty().not());
            nodes.add(window);
        }
        Label message = new Label();
        message.setId("readingMessage");
        message.setWrapText(true);
        message.textProperty().bind(reading.messageProperty());
        message.visibleProperty().bind(reading.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        nodes.add(message);
        return nodes.toArray(Node[]::new);
    }

    private static Button button(String id, String icon, String text) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(text));
        // Never shortened to "…": a button keeps the width its icon and word need.
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }
}
