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
    @FXML
    private org.controlsfx.control.StatusBar statusBar;
    @FXML
    private javafx.scene.control.MenuItem newContractItem;
    @FXML
    private javafx.scene.control.MenuItem syncNowItem;
    @FXML
    private javafx.scene.control.MenuItem bulkSignItem;
    @FXML
    private javafx.scene.control.MenuItem logoutItem;
    @FXML
    private javafx.scene.control.MenuItem quitItem;
    @FXML
    private javafx.scene.control.MenuItem searchItem;
    @FXML
    private javafx.scene.control.MenuItem contractsItem;
    @FXML
    private javafx.scene.control.MenuItem documentsItem;
    @FXML
    private javafx.scene.control.MenuItem noticesItem;
    @FXML
    private javafx.scene.control.MenuItem settingsItem;
    @FXML
    private javafx.scene.control.MenuItem aboutItem;

    public MainWindowView(MainWindowViewModel viewModel, Function<Section, Node> contents) {
        this.viewModel = viewModel;
        this.contents = contents;
    }

    public Parent load(ResourceBundle bundle) {
        Parent root = ViewLoader.load(this, bundle);
        // Five short words in Japanese; English needs room for "Administration" without a scroll bar.
        navigation.setPrefWidth(jp.sitesign.desktop.ui.Language.of(bundle) == jp.sitesign.desktop.ui.Language.JA
                ? NAVIGATION_WIDTH_JA : NAVIGATION_WIDTH_OTHER);
        return root;
    }

    static final double NAVIGATION_WIDTH_JA = 146;
    static final double NAVIGATION_WIDTH_OTHER = 152;

    @FXML
    private void initialize() {
        navigation.setItems(viewModel.sections());
        navigation.setCellFactory(list -> new ListCell<>() {
            {
                // A cell is as wide as the list, never wider: a name a font draws wider than planned ends in "…"
                // instead of giving the navigation a sideways scroll bar.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.sectionName(item));
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                org.kordamp.ikonli.javafx.FontIcon symbol = new org.kordamp.ikonli.javafx.FontIcon(icon(item));
                String badge = viewModel.sectionBadge(item);
                if (badge.isEmpty()) {
                    setGraphic(symbol);
                } else {
                    Label count = new Label(badge);
                    count.getStyleClass().add("badge");
                    count.setId("navigationBadge-" + item.name());
                    // The count after the name: icon, name, badge on one line.
                    Label name = new Label(getText());
                    name.getStyleClass().add("navigation-name");
                    setText(null);
                    javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(6, symbol, name, count);
                    line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    setGraphic(line);
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
        statusBar();
        menu();
    }

    /** 同期中… with a busy bar while a sync runs; a notification when one ends with changes or fails. */
    private void statusBar() {
        statusBar.textProperty().bind(viewModel.syncingText());
        viewModel.syncingProperty().addListener((obs, was, now) -> statusBar.setProgress(now ? -1 : 0));
        statusBar.setProgress(viewModel.syncingProperty().get() ? -1 : 0);
        viewModel.syncOutcomeProperty().addListener((obs, old, outcome) -> viewModel.notice(outcome)
                .ifPresent(this::notify));
    }

    private void notify(MainWindowViewModel.Notice notice) {
        if (statusBar.getScene() == null || statusBar.getScene().getWindow() == null
                || !statusBar.getScene().getWindow().isShowing()) {
            return;
        }
        org.controlsfx.control.Notifications n = org.controlsfx.control.Notifications.create().title(notice.title())
                .text(notice.text()).owner(statusBar.getScene().getWindow())
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(6));
        n.styleClass("sitesign-notification");
        if (notice.warning()) {
            n.graphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2a-alert-circle-outline")).show();
        } else {
            n.graphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2c-cloud-check-outline")).show();
        }
    }

    /** The menu bar's items: the commands the shell registered, the sections, logout and About. */
    private void menu() {
        command(newContractItem, MainWindowViewModel.Command.NEW_CONTRACT);
        command(syncNowItem, MainWindowViewModel.Command.SYNC_NOW);
        command(searchItem, MainWindowViewModel.Command.SEARCH);
        command(bulkSignItem, MainWindowViewModel.Command.BULK_SIGN);
        logoutItem.setVisible(viewModel.canLogout());
        logoutItem.setOnAction(e -> viewModel.logout());
        quitItem.setOnAction(e -> {
            // As closing the window: the app ends with its last window (and keeps the window's place).
            if (statusBar.getScene() != null && statusBar.getScene().getWindow() != null) {
                statusBar.getScene().getWindow().hide();
            }
        });
        section(contractsItem, Section.CONTRACTS);
        section(documentsItem, Section.DOCUMENTS);
        section(noticesItem, Section.NOTICES);
        section(settingsItem, Section.SETTINGS);
        aboutItem.setOnAction(e -> viewModel.about());
    }

    private void command(javafx.scene.control.MenuItem item, MainWindowViewModel.Command command) {
        item.setOnAction(e -> viewModel.run(command));
        // The shell registers the commands once the session's screens exist: asked each time the menu opens.
        item.getParentMenu().addEventHandler(javafx.scene.control.Menu.ON_SHOWING,
                e -> item.setDisable(!viewModel.canRun(command)));
    }

    private void section(javafx.scene.control.MenuItem item, Section section) {
        item.setOnAction(e -> viewModel.selectedSectionProperty().set(section));
    }

    private static String icon(Section section) {
        return switch (section) {
            case CONTRACTS -> "mdi2f-file-document-multiple-outline";
            case DOCUMENTS -> "mdi2f-file-pdf-box";
            case NOTICES -> "mdi2b-bell-outline";
            case ADMIN -> "mdi2s-shield-account-outline";
            case SETTINGS -> "mdi2c-cog-outline";
            default -> "mdi2c-circle-small";
        };
    }

    private void show(Section section) {
        contentArea.getChildren().setAll(made.computeIfAbsent(section, contents));
    }

    private void styleOnline(boolean online) {
        onlineLabel.getStyleClass().removeAll("online", "offline");
        onlineLabel.getStyleClass().add(online ? "online" : "offline");
    }
}
