package jp.sitesign.desktop.notices;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import jp.sitesign.desktop.ui.ViewLoader;

/** The notices list (unread in bold) and the opened notice. */
public final class NoticesView {
    private final NoticesViewModel viewModel;
    private ResourceBundle bundle;

    @FXML
    private ListView<NoticeItem> noticeList;
    @FXML
    private Label noticeTitle;
    @FXML
    private Label noticeMeta;
    @FXML
    private Label noticeBody;

    public NoticesView(NoticesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle resources) {
        this.bundle = resources;
        return ViewLoader.load(this, resources);
    }

    @FXML
    private void initialize() {
        noticeList.setItems(viewModel.notices());
        noticeList.setPlaceholder(new Label(bundle.getString("notices.none")));
        noticeList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(NoticeItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unread");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText("［" + item.category() + "］ " + item.date() + "\n" + item.title());
                if (!item.read()) {
                    getStyleClass().add("unread");
                }
            }
        });
        noticeList.setOnMouseClicked(e -> viewModel.open(noticeList.getSelectionModel().getSelectedItem()));
        noticeList.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                viewModel.open(noticeList.getSelectionModel().getSelectedItem());
            }
        });
        viewModel.openedProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(NoticeItem item) {
        if (item == null) {
            noticeTitle.setText(bundle.getString("notices.choose"));
            noticeMeta.setText("");
            noticeBody.setText("");
            return;
        }
        noticeTitle.setText(item.title());
        noticeMeta.setText(item.category() + " · " + item.date());
        noticeBody.setText(item.body());
    }
}
