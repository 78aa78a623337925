package jp.sitesign.desktop.contracts;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * The merge dialog: one row per differing field with the user's and the server's value as a choice (the
 * server's chosen at first) and the merged value beside them; saving queues the merged draft.
 */
public final class MergeView {
    private final MergeViewModel viewModel;
    private ResourceBundle bundle;

    @FXML
    private Label headingLabel;
    @FXML
    private GridPane fieldGrid;
    @FXML
    private Label errorLabel;

    public MergeView(MergeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        this.bundle = bundle;
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        headingLabel.setText(viewModel.heading());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        fieldGrid.addRow(0, bold("conflicts.field"), bold("conflicts.mine"), bold("conflicts.theirs"),
                bold("merge.column.result"));
        int row = 1;
        for (MergeViewModel.Field f : viewModel.fields()) {
            // Stable ids per field (#mine-TITLE, #theirs-TERM-WORK_SITE) for tests and screenshots.
            String id = f.kind() + (f.item() == null ? "" : "-" + f.item());
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = choice(f.mine(), "mine-" + id, group);
            RadioButton theirs = choice(f.theirs(), "theirs-" + id, group);
            theirs.setSelected(!f.useMineProperty().get());
            mine.setSelected(f.useMineProperty().get());
            mine.selectedProperty().addListener((o, was, is) -> f.useMineProperty().set(is));
            Label result = new Label();
            result.setId("result-" + id);
            result.setWrapText(true);
            result.textProperty().bind(f.resultProperty());
            Label name = new Label(f.label());
            name.setWrapText(true);
            name.setMaxWidth(220);
            fieldGrid.addRow(row++, name, mine, theirs, result);
        }
    }

    private RadioButton choice(String text, String id, ToggleGroup group) {
        RadioButton b = new RadioButton(text.isEmpty() ? "—" : text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMaxWidth(260);
        return b;
    }

    private Label bold(String key) {
        Label l = new Label(bundle.getString(key));
        l.getStyleClass().add("field-name");
        return l;
    }

    @FXML
    private void save() {
        if (viewModel.save()) {
            close();
        }
    }

    @FXML
    private void cancel() {
        close();
    }

    private void close() {
        if (headingLabel.getScene() != null && headingLabel.getScene().getWindow() instanceof javafx.stage.Stage s) {
            s.close();
        }
    }
}
