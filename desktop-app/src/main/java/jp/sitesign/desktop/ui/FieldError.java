package jp.sitesign.desktop.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Shows a view model's error for one field on the field itself: ControlsFX's red mark at its corner and the text as
 * its tooltip, gone when the error is empty. The view model keeps deciding what is wrong; this only draws it beside
 * the field instead of at the bottom of a long form.
 */
public final class FieldError {
    private static final ValidationDecoration DECORATION = new GraphicValidationDecoration();

    private FieldError() {
    }

    /** Marks {@code field} whenever {@code error} is not empty. */
    public static void show(Control field, ObservableStringValue error) {
        Tooltip usual = field.getTooltip();
        Runnable draw = () -> {
            DECORATION.removeDecorations(field);
            String text = error.get();
            if (text == null || text.isEmpty()) {
                field.setTooltip(usual);
                field.getStyleClass().remove("field-error");
            } else {
                DECORATION.applyValidationDecoration(ValidationMessage.error(field, text));
                field.setTooltip(new Tooltip(text));
                if (!field.getStyleClass().contains("field-error")) {
                    field.getStyleClass().add("field-error");
                }
            }
        };
        error.addListener((obs, old, now) -> draw.run());
        // Decorations need the field in a scene; draw once it is there.
        field.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                draw.run();
            }
        });
        draw.run();
    }
}
