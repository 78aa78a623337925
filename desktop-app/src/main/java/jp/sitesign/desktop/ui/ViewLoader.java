package jp.sitesign.desktop.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML by convention: {@code jp/sitesign/desktop/foo/FooView} (the thin controller, which
 * receives its view model in its constructor) pairs with {@code foo/Foo.fxml} and, if present,
 * {@code foo/Foo.css} in the same resource folder. The FXML names no controller; the view instance is
 * the controller, so its view model is in place before {@code initialize()} binds to it.
 */
public final class ViewLoader {
    private static final String APP_STYLESHEET = "/jp/sitesign/desktop/ui/sitesign.css";

    private ViewLoader() {
    }

    /** The root of {@code view}'s FXML, texts from {@code bundle}, with {@code view} as its controller. */
    public static Parent load(Object view, ResourceBundle bundle) {
        Class<?> type = view.getClass();
        String base = baseName(type);
        URL fxml = type.getResource(base + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no " + base + ".fxml next to " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        loader.setController(view);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
        URL css = type.getResource(base + ".css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        return root;
    }

    /** The application-wide stylesheet (fonts, colours, the status bar). */
    public static String appStylesheet() {
        return ViewLoader.class.getResource(APP_STYLESHEET).toExternalForm();
    }

    static String baseName(Class<?> viewType) {
        String name = viewType.getSimpleName();
        if (!name.endsWith("View") || name.length() == "View".length()) {
            throw new IllegalArgumentException(viewType.getName() + " is not named XxxView");
        }
        return name.substring(0, name.length() - "View".length());
    }
}
