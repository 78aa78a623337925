package jp.sitesign.desktop.admin;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import jp.sitesign.model.policy.Decision;

/** What the admin screens' views do alike: a button the policy guards, a text column. */
final class AdminControls {
    private AdminControls() {
    }

    /**
     * Enabled only while the policy allows the action and no call is running; the policy's reason as the
     * tooltip otherwise.
     */
    static void guard(Button button, ObservableObjectValue<Decision> decision, ObservableBooleanValue busy,
            Function<Decision, String> reason) {
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !AdminTasks.allowed(decision.get()), decision).or(busy));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> reason.apply(decision.get()), decision));
        button.setTooltip(tip);
    }

    static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
