package jp.sitesign.desktop.admin;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserView;

/** The register / edit form of a user. The server checks the fields and its message is shown on the screen. */
final class UserFormDialog {
    private UserFormDialog() {
    }

    static Optional<AdminClient.UserForm> ask(Window owner, ResourceBundle bundle, String title, UserView current,
            List<Role> roles, Function<Role, String> roleLabel) {
        Dialog<AdminClient.UserForm> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField name = field(current == null ? null : current.name());
        TextField kana = field(current == null ? null : current.nameKana());
        TextField email = field(current == null ? null : current.email());
        TextField department = field(current == null ? null : current.department());
        TextField jobTitle = field(current == null ? null : current.title());
        ComboBox<Role> role = new ComboBox<>();
        role.getItems().setAll(roles);
        role.setConverter(UsersView.converter(roleLabel));
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
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType(bundle.getString("admin.users.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(bundle.getString("admin.users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(role.valueProperty().isNull());
        dialog.setResultConverter(b -> b == save ? new AdminClient.UserForm(name.getText(), kana.getText(),
                email.getText(), department.getText(), jobTitle.getText(), role.getValue()) : null);
        return dialog.showAndWait();
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
