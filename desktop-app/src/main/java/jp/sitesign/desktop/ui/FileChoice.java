package jp.sitesign.desktop.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How a screen asks the user for a file to open: the platform's file chooser in the app; the flow tests
 * put in a choice of their own, because a headless toolkit has no native dialog to click in. The screens
 * do everything else with the chosen file exactly as they would in the app.
 */
@FunctionalInterface
public interface FileChoice {
    /**
     * @param owner    the window the dialog belongs to
     * @param title    the dialog's title
     * @param kind     what the files are called in the filter ("PDF ファイル")
     * @param patterns the filter's patterns ("*.pdf")
     * @return the chosen file; empty when the user cancelled
     */
    Optional<Path> open(Window owner, String title, String kind, List<String> patterns);

    /** The platform's open dialog. */
    static FileChoice dialog() {
        return (owner, title, kind, patterns) -> {
            FileChooser chooser = new FileChooser();
            if (title != null) {
                chooser.setTitle(title);
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
