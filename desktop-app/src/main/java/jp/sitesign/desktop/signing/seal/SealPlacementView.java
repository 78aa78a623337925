package jp.sitesign.desktop.signing.seal;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.signing.seal.SealGeometry.Box;
import jp.sitesign.desktop.ui.ViewLoader;

/** The seal's page picture in the signing dialog: a click on the page puts the seal there. */
public final class SealPlacementView {
    private final SealPlacementViewModel viewModel;

    @FXML private RadioButton visibleRadio;
    @FXML private RadioButton noneRadio;
    @FXML private Button firstButton;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;
    @FXML private Button lastButton;
    @FXML private ScrollPane pageScroll;
    @FXML private Pane pagePane;
    @FXML private ImageView pageImage;
    @FXML private Rectangle sealBox;
    @FXML private ImageView sealImage;
    @FXML private Label hintLabel;
    @FXML private Label unavailableLabel;

    public SealPlacementView(SealPlacementViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle texts) {
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        visibleRadio.setToggleGroup(group);
        noneRadio.setToggleGroup(group);
        visibleRadio.setDisable(!viewModel.canShowSeal());
        showMode(group);
        viewModel.modeProperty().addListener((obs, old, now) -> showMode(group));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.modeProperty().set(now == noneRadio ? SealPlacementViewModel.Mode.NONE
                        : SealPlacementViewModel.Mode.VISIBLE);
            }
        });

        PreviewViewModel preview = viewModel.preview();
        firstButton.setOnAction(e -> preview.firstPage());
        previousButton.setOnAction(e -> preview.previousPage());
        nextButton.setOnAction(e -> preview.nextPage());
        lastButton.setOnAction(e -> preview.lastPage());
        firstButton.disableProperty().bind(preview.canGoBack().not());
        previousButton.disableProperty().bind(preview.canGoBack().not());
        nextButton.disableProperty().bind(preview.canGoForward().not());
        lastButton.disableProperty().bind(preview.canGoForward().not());
        pageLabel.textProperty().bind(preview.pageLabelProperty());

        pageImage.fitWidthProperty().bind(preview.pageDisplayWidthProperty());
        pageImage.fitHeightProperty().bind(preview.pageDisplayHeightProperty());
        preview.shownPageProperty().addListener((obs, old, page) -> pageImage.setImage(page == null ? null : PreviewView.toImage(page)));
        preview.viewportWidthProperty().bind(Bindings.createDoubleBinding(
                () -> pageScroll.getViewportBounds().getWidth(), pageScroll.viewportBoundsProperty()));
        pageImage.setOnMouseClicked(e -> viewModel.click(e.getX(), e.getY()));

        // The real 印影 at its size on the page once drawn; until then (or without it) an outline.
        viewModel.appearanceProperty().addListener((obs, old, drawn) -> {
            sealImage.setImage(drawn == null ? null : PreviewView.toImage(drawn));
            showSeal(viewModel.overlayProperty().get());
        });
        viewModel.overlayProperty().addListener((obs, old, box) -> showSeal(box));
        showSeal(viewModel.overlayProperty().get());
        hintLabel.textProperty().bind(viewModel.hintProperty());
        // Offline with no copy of the document: a sentence in the placement area, not an empty page.
        unavailableLabel.textProperty().bind(viewModel.unavailableProperty());
        unavailableLabel.visibleProperty().bind(viewModel.unavailableProperty().isNotEmpty());
        unavailableLabel.managedProperty().bind(unavailableLabel.visibleProperty());
        pageScroll.visibleProperty().bind(unavailableLabel.visibleProperty().not());
    }

    private void showMode(ToggleGroup group) {
        group.selectToggle(viewModel.modeProperty().get() == SealPlacementViewModel.Mode.NONE ? noneRadio : visibleRadio);
        sealBox.setOpacity(viewModel.modeProperty().get() == SealPlacementViewModel.Mode.NONE ? 0.25 : 1);
    }

    private void showSeal(Box box) {
        boolean drawn = sealImage.getImage() != null;
        sealBox.setVisible(box != null);
        sealImage.setVisible(box != null && drawn);
        // Over the drawn seal only a thin dashed outline (so its edge shows on a white page), no fill.
        sealBox.setFill(drawn ? javafx.scene.paint.Color.TRANSPARENT : javafx.scene.paint.Color.web("#d0201818"));
        if (box != null) {
            sealBox.setX(box.x());
            sealBox.setY(box.y());
            sealBox.setWidth(box.width());
            sealBox.setHeight(box.height());
            sealImage.setX(box.x());
            sealImage.setY(box.y());
            sealImage.setFitWidth(box.width());
            sealImage.setFitHeight(box.height());
        }
    }
}
