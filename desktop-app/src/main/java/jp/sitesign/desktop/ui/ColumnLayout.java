package jp.sitesign.desktop.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table's columns as the user arranged them: order, width and whether each is shown, by column id. Written as
 * one line ({@code number:110:1,title:220:1,updated:130:0}) so it fits a preferences file. A saved layout only
 * arranges the columns it names that the table still has; a column added by a later version keeps its place at
 * the end and its default width, and a column the table no longer has is ignored.
 */
public record ColumnLayout(List<Column> columns) {

    /** One column: its id, width in pixels and whether it is shown. */
    public record Column(String id, double width, boolean visible) {
    }

    public ColumnLayout {
        columns = List.copyOf(columns);
    }

    /** The table's columns as they stand now (columns without an id are not remembered). */
    public static ColumnLayout of(TableView<?> table) {
        List<Column> out = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                out.add(new Column(c.getId(), Math.round(c.getWidth()), c.isVisible()));
            }
        }
        return new ColumnLayout(out);
    }

    /** The one-line form for the preferences file. */
    public String encode() {
        StringBuilder s = new StringBuilder();
        for (Column c : columns) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(c.id()).append(':').append(String.format(Locale.ROOT, "%.0f", c.width())).append(':')
                    .append(c.visible() ? '1' : '0');
        }
        return s.toString();
    }

    /** The layout in {@code text}; empty when there is none or it makes no sense (then the table's default stands). */
    public static Optional<ColumnLayout> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Column> out = new ArrayList<>();
        for (String part : text.strip().split(",")) {
            String[] f = part.split(":");
            if (f.length != 3 || f[0].isBlank() || !(f[2].equals("0") || f[2].equals("1"))) {
                return Optional.empty();
            }
            double width;
            try {
                width = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!(width > 0 && width < 10_000)) {
                return Optional.empty();
            }
            out.add(new Column(f[0].strip(), width, f[2].equals("1")));
        }
        return Optional.of(new ColumnLayout(out));
    }

    /**
     * Arranges {@code table}'s columns as this layout says. At least one column stays visible: a layout that
     * would hide them all leaves the visibility as it was.
     */
    public <S> void applyTo(TableView<S> table) {
        Map<String, TableColumn<S, ?>> byId = new LinkedHashMap<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                byId.put(c.getId(), c);
            }
        }
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (Column saved : columns) {
            TableColumn<S, ?> c = byId.remove(saved.id());
            if (c != null) {
                ordered.add(c);
            }
        }
        boolean anyVisible = columns.stream().anyMatch(c -> c.visible() && ordered.stream()
                .anyMatch(o -> o.getId().equals(c.id())));
        for (Column saved : columns) {
            for (TableColumn<S, ?> c : ordered) {
                if (c.getId().equals(saved.id())) {
                    c.setPrefWidth(Math.max(c.getMinWidth(), Math.min(c.getMaxWidth(), saved.width())));
                    if (anyVisible) {
                        c.setVisible(saved.visible());
                    }
                }
            }
        }
        List<TableColumn<S, ?>> rest = new ArrayList<>(table.getColumns());
        rest.removeAll(ordered);
        ordered.addAll(rest);
        if (!ordered.equals(table.getColumns())) {
            table.getColumns().setAll(ordered);
        }
    }
}
