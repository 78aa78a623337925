package jp.sitesign.desktop.contracts;

import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How the contract list draws its cells: the status as a coloured chip, amounts right-aligned, an overdue
 * deadline in red, the sync badge as an icon (its words in the tooltip), and long texts cut with the whole
 * text in a tooltip.
 */
final class ContractCells {
    private ContractCells() {
    }

    static void install(TableColumn<ContractRow, String> status, TableColumn<ContractRow, String> amount,
            TableColumn<ContractRow, String> deadline, TableColumn<ContractRow, String> badge,
            TableColumn<ContractRow, String> number, TableColumn<ContractRow, String> title,
            TableColumn<ContractRow, String> counterparty) {
        status.setCellFactory(c -> new ChipCell());
        amount.setCellFactory(c -> new AmountCell());
        deadline.setCellFactory(c -> new DeadlineCell());
        badge.setCellFactory(c -> new BadgeCell());
        number.setCellFactory(c -> new TextCell(OverrunStyle.CENTER_ELLIPSIS));
        title.setCellFactory(c -> new TextCell(OverrunStyle.ELLIPSIS));
        counterparty.setCellFactory(c -> new TextCell(OverrunStyle.ELLIPSIS));
    }

    /** The row a cell shows, or null for an empty one. */
    private static ContractRow row(TableCell<ContractRow, ?> cell) {
        return cell.getTableRow() == null ? null : cell.getTableRow().getItem();
    }

    /** Text cut at the end (or the middle, for numbers whose end tells them apart), whole in the tooltip. */
    static final class TextCell extends TableCell<ContractRow, String> {
        private final Tooltip tip = new Tooltip();

        TextCell(OverrunStyle overrun) {
            setTextOverrun(overrun);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null || item.isEmpty();
            setText(none ? null : item);
            tip.setText(none ? "" : item);
            setTooltip(none ? null : tip);
        }
    }

    /** The status as a chip coloured by the raw status; the text is the row model's. */
    static final class ChipCell extends TableCell<ContractRow, String> {
        private final Label chip = StatusChip.of("", null);
        private final Tooltip tip = new Tooltip();

        ChipCell() {
            getStyleClass().add("status-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            chip.setTextOverrun(OverrunStyle.ELLIPSIS);
            // Whose turn makes the text long (「署名待ち（自社・佐藤 花子）」): it wraps onto a second line in a
            // narrow column rather than being cut.
            chip.setWrapText(true);
            chip.setMinWidth(0);
            chip.maxWidthProperty().bind(widthProperty().subtract(8));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ContractRow row = row(this);
            if (empty || item == null || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            StatusChip.show(chip, item, row.state());
            tip.setText(item);
            setTooltip(tip);
            setGraphic(chip);
        }
    }

    /** 「¥1,234,567（税込）」 right-aligned, so the digits line up down the column. */
    static final class AmountCell extends TableCell<ContractRow, String> {
        private final Tooltip tip = new Tooltip();

        AmountCell() {
            getStyleClass().add("amount-cell");
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null || item.isEmpty();
            setText(none ? null : item);
            // Whole in the tooltip where a narrowed column (or a longer English note) cuts the tax note.
            tip.setText(none ? "" : item);
            setTooltip(none ? null : tip);
        }
    }

    /** The deadline with the days left; red once it has passed while someone still has to act. */
    static final class DeadlineCell extends TableCell<ContractRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ContractRow row = row(this);
            setText(empty ? null : item);
            getStyleClass().remove("overdue");
            if (!empty && row != null && row.overdue()) {
                getStyleClass().add("overdue");
            }
        }
    }

    /** 未送信 / 要対応 / 未同期の変更 as an icon; the words in its tooltip (and for screen readers). */
    static final class BadgeCell extends TableCell<ContractRow, String> {
        private final Tooltip tip = new Tooltip();

        BadgeCell() {
            setAlignment(Pos.CENTER);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.isEmpty()) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            ContractRow row = row(this);
            boolean attention = row != null && row.badge().equals(item) && isAttention(item);
            FontIcon icon = new FontIcon(attention ? "mdi2a-alert-circle-outline" : "mdi2c-cloud-upload-outline");
            icon.getStyleClass().add(attention ? "badge-attention" : "badge-pending");
            setGraphic(icon);
            setText(item);
            setAccessibleText(item);
            tip.setText(item);
            setTooltip(tip);
        }

        private boolean isAttention(String item) {
            return getTableView() != null && item.equals(getTableView().getProperties().get(ATTENTION_TEXT));
        }
    }

    /** The table property that holds the 要対応 badge's words, so the badge cell can tell it from 未送信. */
    static final String ATTENTION_TEXT = "sitesign.attentionText";
}
