package jp.sitesign.desktop.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box or combo box shows its items: words for each item, nothing for none; never typed into. */
public final class ChoiceText {
    private ChoiceText() {
    }

    /** Shows each item as {@code text} gives it, and null as empty. */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("a choice is not typed into");
            }
        };
    }
}
