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
 * Shows a secret the only time it exists on this computer — a new user's one-time password, an application's API
 * key — selectable, with a copy button and the warning that it will not be shown again.
 */
final class ShownOnceDialog {
    private ShownOnceDialog() {
    }

    static void oneTimePassword(FxDialogService dialogs, ResourceBundle bundle, AdminClient.Registered registered) {
        show(dialogs, bundle, bundle.getString("admin.users.otpTitle"), I18n.format(bundle, "admin.users.otpHeader",
                registered.user().name(), registered.user().id()), registered.oneTimePassword(),
                bundle.getString("admin.users.otpWarning"), "oneTimePassword", "copyOneTimePassword");
    }

    static void apiKey(FxDialogService dialogs, ResourceBundle bundle, IntegrationClient.ApiApplication application,
            String key) {
        show(dialogs, bundle, bundle.getString("admin.api.keyTitle"), I18n.format(bundle, "admin.api.keyHeader",
                application.name(), application.id()), key, bundle.getString("admin.api.keyWarning"), "apiKey",
                "copyApiKey");
    }

    private static void show(FxDialogService dialogs, ResourceBundle bundle, String title, String header,
            String secret, String warningText, String fieldId, String copyId) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        TextField value = new TextField(secret);
        value.setId(fieldId);
        value.setEditable(false);
        value.setPrefColumnCount(Math.max(24, secret.length()));
        value.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        Label copied = new Label();
        Button copy = new Button(bundle.getString("admin.users.otpCopy"));
        copy.setId(copyId);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret);
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(bundle.getString("admin.users.otpCopied"));
        });
        Label warning = new Label(warningText);
        warning.setId(fieldId + "Warning");
        warning.setWrapText(true);
        warning.setMaxWidth(440);
        warning.getStyleClass().add("error-text");
        dialog.getDialogPane().setContent(new VBox(10, new HBox(8, value, copy, copied), warning));
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(bundle.getString("admin.users.otpDone"), ButtonBar.ButtonData.OK_DONE));
        dialogs.showAndWait(dialog);
    }
}
