package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;

/**
 * Shows a new user's one-time password the only time it exists on this computer: selectable, with a copy
 * button and the warning that it will not be shown again.
 */
final class OneTimePasswordDialog {
    private OneTimePasswordDialog() {
    }

    static void show(FxDialogService dialogs, ResourceBundle bundle, AdminClient.Registered registered) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(bundle.getString("admin.users.otpTitle"));
        dialog.setHeaderText(I18n.format(bundle, "admin.users.otpHeader", registered.user().name(),
                registered.user().id()));
        TextField password = new TextField(registered.oneTimePassword());
        password.setId("oneTimePassword");
        password.setEditable(false);
        password.setPrefColumnCount(24);
        password.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        Label copied = new Label();
        Button copy = new Button(bundle.getString("admin.users.otpCopy"));
        copy.setId("copyOneTimePassword");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(registered.oneTimePassword());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(bundle.getString("admin.users.otpCopied"));
        });
        Label warning = new Label(bundle.getString("admin.users.otpWarning"));
        warning.setWrapText(true);
        warning.setMaxWidth(440);
        warning.getStyleClass().add("error-text");
        dialog.getDialogPane().setContent(new VBox(10, new HBox(8, password, copy, copied), warning));
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(bundle.getString("admin.users.otpDone"), ButtonBar.ButtonData.OK_DONE));
        dialogs.showAndWait(dialog);
    }
}
