package jp.sitesign.desktop.contracts;

import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * What needs the user (要対応): the contracts waiting on them first, each with its status, what it waits for
 * and a button that opens it; then the commands with a sync problem, each with its explanation, a conflict's
 * two versions side by side.
 */
public final class ConflictsView {
    private final ConflictsViewModel viewModel;
    private ResourceBundle bundle;

    @FXML
    private Label messageLabel;
    @FXML
    private VBox itemBox;

    public ConflictsView(ConflictsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        this.bundle = bundle;
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.items().addListener((ListChangeListener<AttentionItem>) c -> show());
        viewModel.turns().addListener((ListChangeListener<TurnItem>) c -> show());
        show();
    }

    private void show() {
        itemBox.getChildren().clear();
        if (viewModel.items().isEmpty() && viewModel.turns().isEmpty()) {
            Label empty = new Label(bundle.getString("attention.empty"));
            empty.setId("attentionEmpty");
            empty.setWrapText(true);
            itemBox.getChildren().add(empty);
            return;
        }
        if (!viewModel.turns().isEmpty()) {
            itemBox.getChildren().add(sectionHeading("turnsHeading", "attention.turns.heading",
                    viewModel.turns().size()));
            for (TurnItem item : viewModel.turns()) {
                itemBox.getChildren().add(card(item));
            }
        }
        if (!viewModel.items().isEmpty()) {
            itemBox.getChildren().add(sectionHeading("problemsHeading", "attention.problems.heading",
                    viewModel.items().size()));
            for (AttentionItem item : viewModel.items()) {
                itemBox.getChildren().add(card(item));
            }
        }
    }

    private Label sectionHeading(String id, String key, int count) {
        Label heading = new Label(jp.sitesign.desktop.ui.I18n.format(bundle, key, count));
        heading.setId(id);
        heading.getStyleClass().addAll("detail-heading", "attention-section-heading");
        return heading;
    }

    /** A contract waiting on the user: which, its status with whose turn, what to do, and a button to open it. */
    private VBox card(TurnItem item) {
        Label heading = new Label(item.heading());
        heading.getStyleClass().addAll("detail-heading", "turn-heading");
        Label status = new Label(item.status());
        status.getStyleClass().add("turn-status");
        Label task = new Label(item.taskText());
        task.setWrapText(true);
        task.getStyleClass().add("turn-task");
        Label details = new Label(item.details());
        details.setWrapText(true);
        Button open = new Button(bundle.getString("attention.turn.open"));
        open.setId("openTurnButton");
        open.setOnAction(e -> viewModel.open(item));
        VBox card = new VBox(4, heading, status, task, details, open);
        card.setId("turn-" + item.contractId());
        card.getStyleClass().addAll("turn-card", "turn-" + item.task().name().toLowerCase(java.util.Locale.ROOT));
        return card;
    }

    private VBox card(AttentionItem item) {
        Label heading = new Label(item.heading());
        heading.getStyleClass().add("detail-heading");
        Label explanation = new Label(item.explanation());
        explanation.setWrapText(true);
        VBox card = new VBox(6, heading, explanation);
        // Stable ids (the command's id for the card, fixed ones for its buttons) for tests and screenshots.
        card.setId("attention-" + item.entry().command().id());
        card.getStyleClass().addAll("attention-card",
                "attention-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("attention-heading");
        if (!item.comparison().isEmpty()) {
            GridPane grid = new GridPane();
            grid.setHgap(16);
            grid.setVgap(3);
            grid.addRow(0, bold("conflicts.field"), bold("conflicts.mine"), bold("conflicts.theirs"));
            int row = 1;
            for (String[] r : item.comparison()) {
                Label mine = new Label(r[1]);
                Label theirs = new Label(r[2]);
                if (!r[1].equals(r[2])) {
                    mine.getStyleClass().add("changed");
                    theirs.getStyleClass().add("changed");
                }
                grid.addRow(row++, new Label(r[0]), mine, theirs);
            }
            card.getChildren().add(grid);
        }
        HBox buttons = new HBox(8);
        if (item.kind() == AttentionItem.Kind.CONFLICT) {
            Button mine = new Button(bundle.getString("conflicts.keepMine"));
            mine.setId("keepMineButton");
            mine.setDisable(!item.canKeepMine());
            mine.setOnAction(e -> viewModel.keepMine(item));
            Button theirs = new Button(bundle.getString("conflicts.keepTheirs"));
            theirs.setId("keepTheirsButton");
            theirs.setOnAction(e -> viewModel.keepTheirs(item));
            buttons.getChildren().addAll(mine, theirs);
            java.util.Optional<MergeViewModel> merge = viewModel.merge(item);
            Button merging = new Button(bundle.getString("merge.button"));
            merging.setId("mergeButton");
            merging.setDisable(merge.isEmpty());
            merge.ifPresent(m -> merging.setOnAction(e -> openMerge(m)));
            buttons.getChildren().add(merging);
        } else {
            Button ok = new Button(bundle.getString("conflicts.dismiss"));
            ok.setId("dismissButton");
            ok.setOnAction(e -> viewModel.keepTheirs(item));
            buttons.getChildren().add(ok);
        }
        card.getChildren().add(buttons);
        return card;
    }

    /** The merge dialog in a window of its own, like the editor. */
    private void openMerge(MergeViewModel merge) {
        FxDialogService.ownedBy(itemBox).window(bundle.getString("merge.window"), new MergeView(merge).load(bundle),
                900, 600, false);
    }

    private Label bold(String key) {
        Label l = new Label(bundle.getString(key));
        l.getStyleClass().add("field-name");
        return l;
    }
}
