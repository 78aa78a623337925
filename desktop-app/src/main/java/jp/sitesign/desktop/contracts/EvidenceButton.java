package jp.sitesign.desktop.contracts;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;

/**
 * The "証拠一式を保存…" button of the detail screen with its result beside it: asks where to save the ZIP, then
 * lets the {@link EvidenceViewModel} download it. Disabled, with the reason as tooltip, before completion.
 */
final class EvidenceButton {
    private EvidenceButton() {
    }

    static Node of(EvidenceViewModel viewModel, ResourceBundle bundle) {
        Button save = new Button(bundle.getString("evidence.save"));
        save.setId("saveEvidence");
        save.disableProperty().bind(viewModel.availableProperty().not());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        // A disabled button shows no tooltip in JavaFX; its wrapper does.
        Label wrapper = new Label(null, save);
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(viewModel.reasonProperty());
        wrapper.setTooltip(reason);
        save.setOnAction(e -> FxDialogService.ownedBy(save).saveFile(bundle.getString("evidence.title"),
                viewModel.suggestedFileName(), DialogService.FileKind.of("ZIP", "*.zip")).ifPresent(viewModel::save));
        HBox box = new HBox(8, wrapper, message);
        box.setId("evidenceBox");
        return box;
    }
}
