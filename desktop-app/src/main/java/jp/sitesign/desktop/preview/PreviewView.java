package jp.sitesign.desktop.preview;

import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * The preview's controller: a toolbar, page thumbnails, the page. Keys: Page Down / → / ↓ next page,
 * Page Up / ← / ↑ previous, Home first, End last, Ctrl + / Ctrl − zoom.
 */
public final class PreviewView {
    private final PreviewViewModel viewModel;
    private ResourceBundle bundle;
    private boolean embedded;
    private boolean contractOnly;
    private List<javafx.scene.Node> tools = List.of();

    @FXML
    private javafx.scene.layout.FlowPane toolbar;

    @FXML
    private BorderPane root;
    @FXML
    private Button openButton;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Button nextButton;
    @FXML
    private Button lastButton;
    @FXML
    private Button zoomOutButton;
    @FXML
    private Label zoomLabel;
    @FXML
    private Button zoomInButton;
    @FXML
    private ToggleButton fitWidthToggle;
    @FXML
    private ListView<Integer> thumbnails;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private ImageView pageImage;
    /** How long loading lasts before the page is masked (a page drawn sooner shows without a flash). */
    static final javafx.util.Duration MASK_AFTER = javafx.util.Duration.millis(250);

    @FXML
    private org.controlsfx.control.MaskerPane loadingIndicator;
    @FXML
    private Label messageLabel;

    public PreviewView(PreviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        this.bundle = bundle;
        return ViewLoader.load(this, bundle);
    }

    /**
     * For a narrow place, the contract's detail (call before {@link #load}): no page strip and no button to
     * open some other file, so the page gets the width; {@code more} (print, save, a larger window) join the
     * toolbar's end.
     */
    public PreviewView embedded(javafx.scene.Node... more) {
        this.embedded = true;
        return contractTools(more);
    }

    /** For one contract's document (call before {@link #load}): no button to open another file; {@code more} added. */
    public PreviewView contractTools(javafx.scene.Node... more) {
        this.contractOnly = true;
        this.tools = List.of(more);
        return this;
    }

    @FXML
    private void initialize() {
        openButton.setOnAction(e -> chooseAndOpen());
        firstButton.setOnAction(e -> viewModel.firstPage());
        previousButton.setOnAction(e -> viewModel.previousPage());
        nextButton.setOnAction(e -> viewModel.nextPage());
        lastButton.setOnAction(e -> viewModel.lastPage());
        firstButton.disableProperty().bind(viewModel.canGoBack().not());
        previousButton.disableProperty().bind(viewModel.canGoBack().not());
        nextButton.disableProperty().bind(viewModel.canGoForward().not());
        lastButton.disableProperty().bind(viewModel.canGoForward().not());
        pageLabel.textProperty().bind(viewModel.pageLabelProperty());
        zoomInButton.setOnAction(e -> viewModel.zoomIn());
        zoomOutButton.setOnAction(e -> viewModel.zoomOut());
        zoomLabel.textProperty().bind(viewModel.zoomLabelProperty());
        fitWidthToggle.selectedProperty().bindBidirectional(viewModel.fitWidthProperty());

        pageImage.fitWidthProperty().bind(viewModel.pageDisplayWidthProperty());
        pageImage.fitHeightProperty().bind(viewModel.pageDisplayHeightProperty());
        viewModel.shownPageProperty().addListener((obs, old, page) -> {
            pageImage.setImage(page == null ? null : toImage(page));
            pageImage.setAccessibleText(page == null ? null : I18n.format(bundle, "preview.pageImage", page.pageIndex() + 1));
        });
        viewModel.viewportWidthProperty().bind(
                javafx.beans.binding.Bindings.createDoubleBinding(() -> pageScroll.getViewportBounds().getWidth(),
                        pageScroll.viewportBoundsProperty()));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && scene.getWindow() != null) {
                viewModel.outputScaleProperty().set(scene.getWindow().getOutputScaleX());
            }
        });
        // The page is masked with words while the PDF is fetched, opened or a page drawn (a large one takes seconds),
        // once that has lasted a moment: turning to a page drawn at once must not make the pane flicker.
        loadingIndicator.setVisible(false);
        javafx.animation.PauseTransition masking = new javafx.animation.PauseTransition(MASK_AFTER);
        masking.setOnFinished(e -> loadingIndicator.setVisible(viewModel.loadingProperty().get()));
        viewModel.loadingProperty().addListener((o, was, loading) -> {
            if (loading) {
                masking.playFromStart();
            } else {
                masking.stop();
                loadingIndicator.setVisible(false);
            }
        });
        if (viewModel.loadingProperty().get()) {
            masking.playFromStart();
        }
        loadingIndicator.setText(bundle.getString("preview.masker"));
        messageLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                !viewModel.errorProperty().get().isEmpty() ? viewModel.errorProperty().get()
                        : viewModel.pageCountProperty().get() == 0 && !viewModel.loadingProperty().get()
                                ? bundle.getString(contractOnly ? "preview.noContractDocument" : "preview.noDocument") : "",
                viewModel.errorProperty(), viewModel.pageCountProperty(), viewModel.loadingProperty()));
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.getStyleClass().add("placeholder");
        viewModel.errorProperty().addListener((obs, old, now) -> {
            messageLabel.getStyleClass().remove("error-text");
            if (!now.isEmpty()) {
                messageLabel.getStyleClass().add("error-text");
            }
        });

        setUpThumbnails();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        if (embedded) {
            root.setLeft(null);
        }
        if (contractOnly) {
            openButton.setVisible(false);
            openButton.setManaged(false);
            if (!tools.isEmpty()) {
                toolbar.getChildren().add(new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL));
                toolbar.getChildren().addAll(tools);
            }
        }
    }

    private void setUpThumbnails() {
        thumbnails.setCellFactory(list -> new ThumbnailCell());
        viewModel.pageCountProperty().addListener((obs, old, count) -> thumbnails.setItems(
                FXCollections.observableArrayList(IntStream.range(0, count.intValue()).boxed().toList())));
        viewModel.currentPageProperty().addListener((obs, old, page) -> followPage());
        viewModel.shownPageProperty().addListener((obs, old, shown) -> followPage());
        thumbnails.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                viewModel.goTo(index.intValue());
            }
        });
    }

    /**
     * The strip selects and scrolls to the current page once that page is on screen (its draft counts): the
     * thumbnails it then asks for never compete with drawing the page the user is waiting for.
     */
    private void followPage() {
        int p = viewModel.currentPageProperty().get();
        RenderedPage shown = viewModel.shownPageProperty().get();
        if (p < 0 || shown == null || shown.pageIndex() != p || thumbnails.getSelectionModel().getSelectedIndex() == p) {
            return;
        }
        thumbnails.getSelectionModel().select(p);
        thumbnails.scrollTo(Math.max(0, p - 1));
    }

    private void onKey(KeyEvent e) {
        boolean handled = true;
        switch (e.getCode()) {
            case PAGE_DOWN, RIGHT, DOWN -> viewModel.nextPage();
            case PAGE_UP, LEFT, UP -> viewModel.previousPage();
            case HOME -> viewModel.firstPage();
            case END -> viewModel.lastPage();
            case PLUS, ADD, EQUALS -> {
                handled = e.isShortcutDown();
                if (handled) {
                    viewModel.zoomIn();
                }
            }
            case MINUS, SUBTRACT -> {
                handled = e.isShortcutDown();
                if (handled) {
                    viewModel.zoomOut();
                }
            }
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void chooseAndOpen() {
        FxDialogService.ownedBy(root).openFile(bundle.getString("preview.openTitle"),
                List.of(DialogService.FileKind.of(bundle.getString("preview.pdfFiles"), "*.pdf", "*.PDF")))
                .ifPresent(file -> {
                    viewModel.open(file);
                    root.requestFocus();
                });
    }

    /** A drawing as an image; on the UI thread (also used by the signing dialog's seal placement). */
    public static WritableImage toImage(RenderedPage page) {
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbPreInstance(),
                page.argb(), 0, page.width());
        return image;
    }

    /** A page number under its small picture, drawn when the cell first shows that page. */
    private final class ThumbnailCell extends ListCell<Integer> {
        private final ImageView picture = new ImageView();
        private final Label number = new Label();
        private final VBox box = new VBox(2, picture, number);

        ThumbnailCell() {
            picture.setPreserveRatio(true);
            picture.setFitWidth(PreviewViewModel.THUMBNAIL_WIDTH);
            box.getStyleClass().add("thumbnail");
            setGraphic(null);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            picture.setImage(null);
            if (empty || index == null) {
                setGraphic(null);
                return;
            }
            number.setText(Integer.toString(index + 1));
            setGraphic(box);
            viewModel.requestThumbnail(index, page -> {
                if (index.equals(getItem())) {
                    picture.setImage(toImage(page));
                }
            });
        }
    }
}
