package jp.sitesign.desktop.ui;

import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Keeps a table's column layout ({@link ColumnLayout}) where the user's preferences are: the saved one is applied
 * when the table is shown, and every change (a column dragged wider, moved or hidden in the column menu) is saved a
 * moment after the user stops, not once per pixel.
 */
public final class ColumnMemory {
    /** How long the columns must stay still before their layout is saved. */
    public static final Duration SETTLE = Duration.millis(400);

    /** Where layouts are kept, by a key that names the user and the table. */
    public interface Store {
        Optional<String> load(String table);

        void save(String table, String layout);
    }

    private ColumnMemory() {
    }

    /** Applies {@code table}'s saved layout from {@code store} (under {@code name}) and saves its changes there. */
    public static <S> void remember(TableView<S> table, String name, Store store) {
        store.load(name).flatMap(ColumnLayout::parse).ifPresent(layout -> layout.applyTo(table));
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> {
            String now = ColumnLayout.of(table).encode();
            if (!now.equals(store.load(name).orElse(null))) {
                store.save(name, now);
            }
        });
        InvalidationListener changed = obs -> {
            // Widths change while the table is first laid out as well: only a shown table's changes are the user's.
            if (table.getScene() != null && table.getWidth() > 0) {
                settle.playFromStart();
            }
        };
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.widthProperty().addListener(changed);
            c.visibleProperty().addListener(changed);
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed.invalidated(null));
    }
}
