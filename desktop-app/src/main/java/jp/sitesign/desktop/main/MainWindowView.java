package jp.sitesign.desktop.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * The window shell: navigation on the left, the open section in the middle, the sync status at the
 * bottom and the notices button with its unread badge at the top. Sections' contents come from
 * {@code contents} and are made the first time they are opened, then kept.
 */
public final class MainWindowView {
    private final MainWindowViewModel viewModel;
    private final Function<Section, Node> contents;
    private final Map<Section, Node> made = new EnumMap<>(Section.class);

    @FXML
    private ListView<Section> navigation;
    @FXML
    private StackPane contentArea;
    @FXML
    private Button noticesButton;
    @FXML
    private Label noticesBadge;
    @FXML
    private Label sessionLabel;
    @FXML
    private Button logoutButton;
    @FXML
    private Label onlineLabel;
    @FXML
    private Label pendingLabel;
    @FXML
    private Label lastSyncLabel;
    @FXML
    private javafx.scene.control.Hyperlink conflictsLabel;
    @FXML
    private Label updateNoticeLabel;
    @FXML
    private Button aboutButton;

    public MainWindowView(MainWindowViewModel viewModel, Function<Section, Node> contents) {
        this.viewModel = viewModel;
        this.contents = contents;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        navigation.setItems(viewModel.sections());
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.sectionName(item));
                String badge = empty || item == null ? "" : viewModel.sectionBadge(item);
                if (badge.isEmpty()) {
                    setGraphic(null);
                } else {
                    Label count = new Label(badge);
                    count.getStyleClass().add("badge");
                    count.setId("navigationBadge-" + item.name());
                    setGraphic(count);
                    setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                }
            }
        });
        viewModel.attentionCountProperty().addListener((obs, old, now) -> navigation.refresh());
        navigation.getSelectionModel().select(viewModel.selectedSectionProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedSectionProperty().set(now);
            }
        });
        viewModel.selectedSectionProperty().addListener((obs, old, now) -> {
            navigation.getSelectionModel().select(now);
            show(now);
        });
        show(viewModel.selectedSectionProperty().get());

        noticesButton.setOnAction(e -> viewModel.openNotices());
        noticesBadge.textProperty().bind(viewModel.noticesBadgeText());
        noticesBadge.visibleProperty().bind(viewModel.noticesBadgeVisible());
        noticesBadge.managedProperty().bind(viewModel.noticesBadgeVisible());

        sessionLabel.textProperty().bind(viewModel.sessionTextProperty());
        logoutButton.setVisible(viewModel.canLogout());
        logoutButton.setManaged(viewModel.canLogout());
        logoutButton.setOnAction(e -> viewModel.logout());
        onlineLabel.textProperty().bind(viewModel.onlineText());
        viewModel.onlineBinding().addListener((obs, old, now) -> styleOnline(now));
        styleOnline(viewModel.onlineBinding().get());
        pendingLabel.textProperty().bind(viewModel.pendingText());
        lastSyncLabel.textProperty().bind(viewModel.lastSyncText());
        conflictsLabel.textProperty().bind(viewModel.conflictsText());
        conflictsLabel.visibleProperty().bind(viewModel.hasConflicts());
        conflictsLabel.managedProperty().bind(viewModel.hasConflicts());
        updateNoticeLabel.textProperty().bind(viewModel.updateNoticeProperty());
        updateNoticeLabel.visibleProperty().bind(viewModel.updateNoticeProperty().isNotEmpty());
        updateNoticeLabel.managedProperty().bind(updateNoticeLabel.visibleProperty());
        aboutButton.setOnAction(e -> viewModel.about());
        conflictsLabel.setOnAction(e -> {
            viewModel.openConflicts();
            conflictsLabel.setVisited(false);
        });
    }

    private void show(Section section) {
        contentArea.getChildren().setAll(made.computeIfAbsent(section, contents));
    }

    private void styleOnline(boolean online) {
        onlineLabel.getStyleClass().removeAll("online", "offline");
        onlineLabel.getStyleClass().add(online ? "online" : "offline");
    }
}
