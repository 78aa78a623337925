package jp.sitesign.desktop.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A date picker that writes days in the settings' style and reads every form {@link DateInput} accepts, whatever
 * that style (2026/4/1, 2026-04-01, R8.4.1, 令和8年4月1日 …). Text that names no day keeps the last good value
 * and marks the field (ControlsFX decoration and tooltip) with {@code invalidMessage}, which {@link #errorProperty}
 * also holds, until the text is corrected or emptied; it never throws out of the picker.
 */
public final class DateField {
    private final DatePicker picker;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final String invalidMessage;

    private DateField(DatePicker picker, String invalidMessage) {
        this.picker = picker;
        this.invalidMessage = invalidMessage;
    }

    /** Sets {@code picker}'s converter and checks its text as it is typed. */
    public static DateField attach(DatePicker picker, DateDisplay dates, String invalidMessage) {
        DateField field = new DateField(picker, invalidMessage);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return dates.date(day);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    LocalDate day = DateInput.optional(text).orElse(null);
                    field.error.set("");
                    return day;
                } catch (DateTimeParseException e) {
                    field.error.set(invalidMessage);
                    return picker.getValue();
                }
            }
        });
        picker.getEditor().textProperty().addListener((obs, old, now) ->
                field.error.set(DateInput.acceptable(now) ? "" : invalidMessage));
        field.error.addListener((obs, old, now) -> picker.setTooltip(now.isEmpty() ? null : new Tooltip(now)));
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(picker.getEditor(), false, (control, value) -> ValidationResult.fromMessageIf(
                control, invalidMessage, Severity.ERROR, !DateInput.acceptable((String) value)));
        return field;
    }

    /** The message while the text names no day, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public DatePicker picker() {
        return picker;
    }

    /** The message this field shows for text that names no day. */
    public String invalidMessage() {
        return invalidMessage;
    }
}
