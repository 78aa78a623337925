package jp.sitesign.desktop.contracts;

import javafx.scene.control.Label;
import jp.sitesign.model.contract.ContractStatus;

/**
 * A status drawn as a coloured chip. The text is whatever the screen's model says (it may name whose turn it is);
 * the colour comes from the raw status's group, so the same group always looks the same: drafts grey, approval
 * blue, awaiting signature orange, completed green, declined or withdrawn red, expired dark grey.
 */
public final class StatusChip {
    /** The chip's style class for each group (sitesign.css draws them). */
    public enum Group {
        DRAFT("chip-draft"), APPROVAL("chip-approval"), SIGNATURE("chip-signature"), COMPLETED("chip-completed"),
        STOPPED("chip-stopped"), EXPIRED("chip-expired");

        private final String styleClass;

        Group(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    private StatusChip() {
    }

    /** The colour group of {@code status} (null: a draft's grey). */
    public static Group group(ContractStatus status) {
        if (status == null) {
            return Group.DRAFT;
        }
        return switch (status) {
            case DRAFT, RETURNED -> Group.DRAFT;
            case IN_APPROVAL -> Group.APPROVAL;
            case AWAITING_SIGNATURE -> Group.SIGNATURE;
            case COMPLETED -> Group.COMPLETED;
            case WITHDRAWN, DECLINED -> Group.STOPPED;
            case EXPIRED -> Group.EXPIRED;
        };
    }

    /** A chip reading {@code text}, coloured for {@code status}. */
    public static Label of(String text, ContractStatus status) {
        Label chip = new Label();
        chip.getStyleClass().add("status-chip");
        show(chip, text, status);
        return chip;
    }

    /** Re-labels and re-colours a chip (a table cell reuses its chip for other rows). */
    public static void show(Label chip, String text, ContractStatus status) {
        chip.setText(text);
        for (Group g : Group.values()) {
            chip.getStyleClass().remove(g.styleClass());
        }
        chip.getStyleClass().add(group(status).styleClass());
    }
}
