package jp.sitesign.desktop.admin;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.model.policy.Decision;

/** What the admin screens' views do alike: a button the policy guards, a text column, a form sent to the server. */
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

    /** What a form dialog says: its title, the send and cancel buttons' labels and the send button's id. */
    record Form(String title, String send, String cancel, String sendId) {
    }

    /**
     * Shows {@code content} as a form owned by {@code owner}'s window and waits. The send button is disabled while a
     * call runs; pressing it hands {@code send} the action that closes the form, to run once the server accepted, so a
     * refused form stays open with what was typed.
     */
    static void showForm(Node owner, Form form, Node content, ObservableBooleanValue busy, Consumer<Runnable> send) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(form.title());
        dialog.setHeaderText(form.title());
        dialog.getDialogPane().setContent(content);
        ButtonType sendType = new ButtonType(form.send(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(form.cancel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(sendType, cancel);
        Button sendButton = (Button) dialog.getDialogPane().lookupButton(sendType);
        if (form.sendId() != null) {
            sendButton.setId(form.sendId());
        }
        sendButton.disableProperty().bind(busy);
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            send.accept(() -> {
                dialog.setResult(null);
                dialog.close();
            });
        });
        FxDialogService.ownedBy(owner).showAndWait(dialog);
    }

    /** An error text under a field or a form, found by {@code id}. */
    static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        return label;
    }

    static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
