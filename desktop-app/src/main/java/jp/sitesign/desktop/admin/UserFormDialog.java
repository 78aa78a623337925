package jp.sitesign.desktop.admin;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserView;

/** The register / edit form of a user. The server checks the fields; its refusal is shown in the open form. */
final class UserFormDialog {
    private UserFormDialog() {
    }

    /**
     * Shows the form; Save hands the form to {@code submit} with a callback that closes the dialog, which the
     * caller runs only once the server accepted. Until then the dialog stays open with the input and shows
     * {@code error} (the server's message) under the fields.
     */
    static Optional<AdminClient.UserForm> ask(FxDialogService dialogs, ResourceBundle bundle, String title, UserView current,
            List<Role> roles, Function<Role, String> roleLabel,
            BiConsumer<AdminClient.UserForm, Runnable> submit, StringProperty error, BooleanProperty busy) {
        Dialog<AdminClient.UserForm> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField name = field(current == null ? null : current.name());
        TextField kana = field(current == null ? null : current.nameKana());
        TextField email = field(current == null ? null : current.email());
        TextField department = field(current == null ? null : current.department());
        TextField jobTitle = field(current == null ? null : current.title());
        ComboBox<Role> role = new ComboBox<>();
        role.getItems().setAll(roles);
        role.setConverter(jp.sitesign.desktop.ui.ChoiceText.of(roleLabel));
        role.setValue(current != null ? current.role() : roles.contains(Role.MEMBER) ? Role.MEMBER
                : roles.isEmpty() ? null : roles.get(0));
        role.setId("roleChoice");
        name.setId("nameInput");
        kana.setId("nameKanaInput");
        email.setId("emailInput");
        department.setId("departmentInput");
        jobTitle.setId("titleInput");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, bundle.getString("admin.users.name"), name);
        row(grid, 1, bundle.getString("admin.users.nameKana"), kana);
        row(grid, 2, bundle.getString("admin.users.email"), email);
        row(grid, 3, bundle.getString("admin.users.department"), department);
        row(grid, 4, bundle.getString("admin.users.title"), jobTitle);
        grid.addRow(5, new Label(bundle.getString("admin.users.role")), role);
        Label errorLabel = new Label();
        errorLabel.setId("formError");
        errorLabel.getStyleClass().add("error-text");
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(420);
        error.set("");
        errorLabel.textProperty().bind(error);
        grid.add(errorLabel, 0, 6, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType(bundle.getString("admin.users.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(bundle.getString("admin.users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(role.valueProperty().isNull().or(busy));
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            AdminClient.UserForm form = new AdminClient.UserForm(name.getText(), kana.getText(), email.getText(),
                    department.getText(), jobTitle.getText(), role.getValue());
            submit.accept(form, () -> {
                dialog.setResult(form);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> null);
        Optional<AdminClient.UserForm> result = dialogs.showAndWait(dialog);
        errorLabel.textProperty().unbind();
        return result;
    }

    private static TextField field(String value) {
        TextField f = new TextField(value == null ? "" : value);
        f.setPrefColumnCount(22);
        return f;
    }

    private static void row(GridPane grid, int row, String label, TextField field) {
        grid.addRow(row, new Label(label), field);
    }
}
