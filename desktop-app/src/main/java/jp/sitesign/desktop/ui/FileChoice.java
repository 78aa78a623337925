package jp.sitesign.desktop.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How {@link FxDialogService} asks the user for a file to open: the platform's file chooser in the app; the
 * flow tests put in a choice of their own, because a headless toolkit has no native dialog to click in. The
 * screens do everything else with the chosen file exactly as they would in the app.
 */
@FunctionalInterface
public interface FileChoice {
    /**
     * @param owner the window the dialog belongs to
     * @param title the dialog's title; null for the platform's
     * @param kinds the filters offered (the first is chosen); none for any file
     * @return the chosen file; empty when the user cancelled
     */
    Optional<Path> open(Window owner, String title, List<DialogService.FileKind> kinds);

    /** As {@link #open(Window, String, List)}, starting in {@code folder} where the chooser can (null: anywhere). */
    default Optional<Path> open(Window owner, String title, List<DialogService.FileKind> kinds, Path folder) {
        return open(owner, title, kinds);
    }

    /** The platform's open dialog. */
    static FileChoice dialog() {
        return new FileChoice() {
            @Override
            public Optional<Path> open(Window owner, String title, List<DialogService.FileKind> kinds) {
                return open(owner, title, kinds, null);
            }

            @Override
            public Optional<Path> open(Window owner, String title, List<DialogService.FileKind> kinds, Path folder) {
                FileChooser chooser = new FileChooser();
                if (title != null) {
                    chooser.setTitle(title);
                }
                if (folder != null && folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                for (DialogService.FileKind kind : kinds) {
                    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.name(), kind.patterns()));
                }
                File f = chooser.showOpenDialog(owner);
                return Optional.ofNullable(f).map(File::toPath);
            }
        };
    }
}
