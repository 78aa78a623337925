package jp.sitesign.desktop.help;

import java.io.InputStream;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * The manual in plain JavaFX (no WebView, which would need javafx-web and its ~80 MB of WebKit): the chapter list on
 * the left, the chapter on the right as text flows and pictures in a scroll pane.
 */
public final class HelpView {
    /** Pictures are shown at most this wide (they are stored scaled down to about this width). */
    static final double PICTURE_WIDTH = 720;
    private final HelpViewModel viewModel;
    private ResourceBundle bundle;

    @FXML
    private ListView<Manual.Chapter> chapterList;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private VBox page;

    public HelpView(HelpViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle texts) {
        this.bundle = texts;
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        chapterList.setItems(viewModel.chapters());
        chapterList.getSelectionModel().select(viewModel.shownProperty().get());
        chapterList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.shownProperty().set(now);
            }
        });
        viewModel.shownProperty().addListener((obs, old, now) -> {
            chapterList.getSelectionModel().select(now);
            render(now);
        });
        render(viewModel.shownProperty().get());
    }

    private void render(Manual.Chapter chapter) {
        page.getChildren().clear();
        if (chapter == null) {
            return;
        }
        Label title = new Label(chapter.title());
        title.getStyleClass().add("help-chapter-title");
        page.getChildren().add(title);
        for (Manual.Block block : chapter.blocks()) {
            page.getChildren().add(node(block));
        }
        pageScroll.setVvalue(0);
    }

    private Node node(Manual.Block block) {
        if (block instanceof Manual.Heading h) {
            Label l = new Label(h.text());
            l.getStyleClass().add("help-heading");
            return l;
        }
        if (block instanceof Manual.Paragraph p) {
            return flow(p.text());
        }
        if (block instanceof Manual.Bullet b) {
            Label dot = new Label("・");
            HBox row = new HBox(2, dot, flow(b.text()));
            row.getStyleClass().add("help-bullet");
            return row;
        }
        Manual.Picture picture = (Manual.Picture) block;
        return picture(picture);
    }

    private Node picture(Manual.Picture picture) {
        VBox box = new VBox(4);
        box.getStyleClass().add("help-picture");
        Image image = null;
        try (InputStream in = HelpView.class.getResourceAsStream(Manual.IMAGES + picture.file())) {
            if (in != null) {
                image = new Image(in);
            }
        } catch (java.io.IOException e) {
            image = null;
        }
        if (image == null || image.isError()) {
            box.getChildren().add(new Label(I18n.format(bundle, "help.pictureMissing", picture.file())));
        } else {
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(PICTURE_WIDTH, image.getWidth()));
            view.setSmooth(true);
            view.getStyleClass().add("help-image");
            view.setUserData(picture.file());
            box.getChildren().add(view);
        }
        Label caption = new Label(picture.caption());
        caption.getStyleClass().add("help-caption");
        caption.setWrapText(true);
        box.getChildren().add(caption);
        return box;
    }

    /** A text flow with **bold** parts. */
    private TextFlow flow(String text) {
        TextFlow flow = new TextFlow();
        String[] parts = text.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            Text t = new Text(parts[i]);
            t.getStyleClass().add(i % 2 == 1 ? "help-strong" : "help-text");
            flow.getChildren().add(t);
        }
        flow.setMaxWidth(PICTURE_WIDTH + 40);
        flow.getStyleClass().add("help-paragraph");
        return flow;
    }
}
