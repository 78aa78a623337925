package jp.sitesign.desktop.routing;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.StringConverter;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.user.UserView;

/** The counterparty's route dialog: approvers in order and the signer, from the company directory. */
public final class PartyRouteView {
    private final PartyRouteViewModel viewModel;

    @FXML private Label headingLabel;
    @FXML private ComboBox<UserView> approverChoice;
    @FXML private Button addApproverButton;
    @FXML private Button upApproverButton;
    @FXML private Button removeApproverButton;
    @FXML private ListView<UserView> routeList;
    @FXML private ComboBox<UserView> signerChoice;
    @FXML private Button saveRouteButton;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;

    public PartyRouteView(PartyRouteViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent load(ResourceBundle bundle) {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        // People by name, with department and title to tell namesakes apart; the login id is not for people.
        Function<UserView, String> person = u -> {
            String where = java.util.stream.Stream.of(u.department(), u.title()).filter(x -> x != null && !x.isBlank())
                    .collect(java.util.stream.Collectors.joining("・"));
            return u.name() + (where.isEmpty() ? "" : "（" + where + "）");
        };
        headingLabel.textProperty().bind(viewModel.headingProperty());
        approverChoice.getItems().setAll(viewModel.approverOptions());
        approverChoice.setConverter(converter(person));
        routeList.setItems(viewModel.route());
        routeList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UserView item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (getIndex() + 1) + ". " + person.apply(item));
            }
        });
        signerChoice.getItems().setAll(viewModel.signerOptions());
        signerChoice.setConverter(converter(person));
        signerChoice.valueProperty().bindBidirectional(viewModel.signerProperty());
        addApproverButton.setOnAction(e -> viewModel.addApprover(approverChoice.getValue()));
        upApproverButton.setOnAction(e -> viewModel.moveApproverUp(routeList.getSelectionModel().getSelectedIndex()));
        removeApproverButton.setOnAction(e -> viewModel.removeApprover(routeList.getSelectionModel().getSelectedIndex()));
        saveRouteButton.setOnAction(e -> viewModel.save());
        saveRouteButton.disableProperty().bind(viewModel.allowedProperty().not());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
    }

    private static StringConverter<UserView> converter(Function<UserView, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(UserView u) {
                return u == null ? "" : text.apply(u);
            }

            @Override
            public UserView fromString(String s) {
                return null;
            }
        };
    }
}
