package jp.sitesign.desktop.signing;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.ui.ChoiceText;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.token.Pkcs11Slot;

/**
 * Where the key is and whose it is, as the signing dialog and the 一括署名 window both ask it: token or PKCS#12
 * file, the token's library and slot, the file, the level, and the key read with the PIN (a choice only when the
 * source holds several). One binding to a {@link SigningViewModel}, so both windows behave alike.
 *
 * @param tokenGrid the token's library and slot, shown while the token is chosen
 * @param fileBox the file and its button, shown while the file is chosen
 */
record KeySourceControls(RadioButton tokenRadio, RadioButton fileRadio, Node tokenGrid, Node fileBox,
        ComboBox<TokenLibraries.Library> libraryChoice, ComboBox<Pkcs11Slot> slotChoice, Button refreshButton,
        Label fileLabel, Button fileButton, ChoiceBox<SignatureLevel> levelChoice,
        ComboBox<SigningViewModel.KeyChoice> keyChoice, Label keyChoiceLabel, Label keyLabel) {

    /**
     * Binds the controls to {@code keys}.
     *
     * @param unknownKey the message key of what {@link #keyLabel} says before the key was read
     * @param dialogs where the PKCS#12 file is chosen
     */
    void bind(SigningViewModel keys, ResourceBundle bundle, String unknownKey, Supplier<DialogService> dialogs) {
        ToggleGroup group = new ToggleGroup();
        tokenRadio.setToggleGroup(group);
        fileRadio.setToggleGroup(group);
        group.selectToggle(keys.sourceKindProperty().get() == SigningViewModel.KeySourceKind.TOKEN ? tokenRadio
                : fileRadio);
        group.selectedToggleProperty().addListener((obs, old, now) -> keys.sourceKindProperty().set(
                now == fileRadio ? SigningViewModel.KeySourceKind.PKCS12 : SigningViewModel.KeySourceKind.TOKEN));
        tokenGrid.visibleProperty().bind(tokenRadio.selectedProperty());
        tokenGrid.managedProperty().bind(tokenRadio.selectedProperty());
        fileBox.visibleProperty().bind(fileRadio.selectedProperty());
        fileBox.managedProperty().bind(fileRadio.selectedProperty());

        libraryChoice.setItems(keys.libraries());
        libraryChoice.setConverter(ChoiceText.of(l -> l.name() + " — " + l.path()));
        libraryChoice.valueProperty().bindBidirectional(keys.libraryProperty());
        slotChoice.setItems(keys.slots());
        slotChoice.setConverter(ChoiceText.of(Pkcs11Slot::displayName));
        slotChoice.valueProperty().bindBidirectional(keys.slotProperty());
        refreshButton.setOnAction(e -> keys.findSlots());
        // No file yet: a word beside the button, never "null".
        fileLabel.textProperty().bind(Bindings.createStringBinding(
                () -> keys.pkcs12FileProperty().get() == null ? bundle.getString("signing.file.notChosen")
                        : keys.pkcs12FileProperty().get().toString(), keys.pkcs12FileProperty()));
        fileButton.setOnAction(e -> keys.chooseFile(dialogs.get()));
        levelChoice.getItems().setAll(keys.levels());
        levelChoice.setConverter(ChoiceText.of(l -> bundle.getString("signing.level." + l.name())));
        levelChoice.valueProperty().bindBidirectional(keys.levelProperty());

        keyChoice.setItems(keys.keys());
        keyChoice.setConverter(ChoiceText.of(keys::describe));
        keyChoice.valueProperty().bindBidirectional(keys.keyProperty());
        BooleanBinding several = Bindings.size(keys.keys()).greaterThan(1);
        keyChoice.visibleProperty().bind(several);
        keyChoice.managedProperty().bind(several);
        keyChoiceLabel.visibleProperty().bind(several);
        keyChoiceLabel.managedProperty().bind(several);
        keyLabel.textProperty().bind(Bindings.createStringBinding(
                () -> keys.keyDescriptionProperty().get().isEmpty() ? bundle.getString(unknownKey)
                        : keys.keyDescriptionProperty().get(), keys.keyDescriptionProperty()));
    }

}
