package jp.sitesign.desktop.editor;

import java.io.File;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import jp.sitesign.desktop.ui.ChoiceText;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ViewLoader;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.user.UserView;

/** The contract editor's controller: binds the form to {@link ContractEditorViewModel}. */
public final class ContractEditorView {
    private final ContractEditorViewModel viewModel;
    private final DialogService dialogs;
    private ResourceBundle bundle;

    @FXML private Label headingLabel;
    @FXML private Label dateError;
    @FXML private Label deadlineError;
    @FXML private org.controlsfx.control.SearchableComboBox<jp.sitesign.model.user.PersonName> receiverChoice;
    @FXML private VBox checklistPanel;
    @FXML private Button cancelButton;
    @FXML private ChoiceBox<ContractForm> formChoice;
    @FXML private TextField titleField;
    @FXML private Label titleError;
    @FXML private TextField numberField;
    @FXML private DatePicker datePicker;
    @FXML private TextField amountField;
    @FXML private CheckBox taxCheck;
    @FXML private Label amountError;
    @FXML private DatePicker deadlinePicker;
    @FXML private ComboBox<Partnership> partnerChoice;
    @FXML private TextField receiverField;
    @FXML private Button addCounterpartyButton;
    @FXML private Button removeCounterpartyButton;
    @FXML private Label counterpartyError;
    @FXML private ListView<ContractEditorViewModel.CounterpartyRow> counterpartyList;
    @FXML private ComboBox<UserView> approverChoice;
    @FXML private Button addApproverButton;
    @FXML private Button upApproverButton;
    @FXML private Button removeApproverButton;
    @FXML private ListView<UserView> routeList;
    @FXML private ComboBox<UserView> signerChoice;
    @FXML private CheckBox constructionCheck;
    @FXML private VBox constructionBox;
    @FXML private ListView<ConstructionItem> missingList;
    @FXML private Label checklistDone;
    @FXML private GridPane termsGrid;
    @FXML private VBox dropZone;
    @FXML private Label mainLabel;
    @FXML private Button chooseMainButton;
    @FXML private ListView<EditorDocuments.Document> attachmentList;
    @FXML private Button chooseAttachmentButton;
    @FXML private TextArea noteArea;
    @FXML private Button saveButton;
    @FXML private Button amendButton;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;

    private jp.sitesign.desktop.ui.DateDisplay dates =
            jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI);

    /** How the date pickers write days (set before {@link #load}); 西暦 unless set. */
    public ContractEditorView dates(jp.sitesign.desktop.ui.DateDisplay display) {
        this.dates = display;
        return this;
    }

    public ContractEditorView(ContractEditorViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param dialogs where the PDF to attach is chosen (the shell gives the editor window's); null: its own */
    public ContractEditorView(ContractEditorViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public Parent load(ResourceBundle texts) {
        this.bundle = texts;
        return ViewLoader.load(this, texts);
    }

    @FXML
    private void initialize() {
        Language language = viewModel.language();
        formChoice.getItems().setAll(ContractForm.values());
        formChoice.setConverter(ChoiceText.of(f -> language.pick(f.labelJa(), f.labelEn())));
        formChoice.valueProperty().bindBidirectional(viewModel.formProperty());
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        titleError.textProperty().bind(viewModel.titleErrorProperty());
        numberField.textProperty().bindBidirectional(viewModel.managementNumberProperty());
        headingLabel.textProperty().bind(viewModel.headingProperty());
        String invalidDate = bundle.getString("dateInput.invalid");
        jp.sitesign.desktop.ui.DateField date = jp.sitesign.desktop.ui.DateField.attach(datePicker, dates, invalidDate);
        jp.sitesign.desktop.ui.DateField deadline = jp.sitesign.desktop.ui.DateField.attach(deadlinePicker, dates,
                invalidDate);
        dateError.textProperty().bind(date.errorProperty());
        deadlineError.textProperty().bind(deadline.errorProperty());
        viewModel.dateErrorProperty().bind(javafx.beans.binding.Bindings.when(date.errorProperty().isEmpty())
                .then(deadline.errorProperty()).otherwise(date.errorProperty()));
        jp.sitesign.desktop.ui.FieldError.show(titleField, viewModel.titleErrorProperty());
        jp.sitesign.desktop.ui.FieldError.show(amountField, viewModel.amountErrorProperty());
        jp.sitesign.desktop.ui.FieldError.show(receiverField, viewModel.counterpartyErrorProperty());
        datePicker.valueProperty().bindBidirectional(viewModel.transactionDateProperty());
        amountField.textProperty().bindBidirectional(viewModel.amountProperty());
        taxCheck.selectedProperty().bindBidirectional(viewModel.taxIncludedProperty());
        amountError.textProperty().bind(viewModel.amountErrorProperty());
        deadlinePicker.valueProperty().bindBidirectional(viewModel.deadlineProperty());
        noteArea.textProperty().bindBidirectional(viewModel.noteProperty());

        partnerChoice.getItems().setAll(viewModel.partnerOptions());
        partnerChoice.setConverter(ChoiceText.of(Partnership::counterpartyName));
        counterpartyList.setItems(viewModel.counterparties());
        counterpartyList.setCellFactory(cells(c -> c.companyName() + " — " + viewModel.receiverText(c.receiverId())));
        receiverChoice.setConverter(ChoiceText.of(p -> p.name() + (p.title() == null || p.title().isBlank() ? ""
                : "（" + p.title() + "）")));
        partnerChoice.valueProperty().addListener((obs, old, now) -> receiverChoice.getItems().setAll(
                now == null ? List.of() : viewModel.receiverOptions(now.counterpartyId().value())));
        receiverChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                receiverField.setText(now.id());
            }
        });
        counterpartyError.textProperty().bind(viewModel.counterpartyErrorProperty());
        addCounterpartyButton.setOnAction(e -> {
            if (viewModel.addCounterparty(partnerChoice.getValue(), receiverField.getText())) {
                receiverField.clear();
                receiverChoice.setValue(null);
            }
        });
        removeCounterpartyButton.setOnAction(e -> removeSelected(counterpartyList));

        // People by name, with department and title to tell namesakes apart; the login id is not for people.
        Function<UserView, String> person = u -> {
            String where = java.util.stream.Stream.of(u.department(), u.title()).filter(x -> x != null && !x.isBlank())
                    .collect(java.util.stream.Collectors.joining("・"));
            return u.name() + (where.isEmpty() ? "" : "（" + where + "）");
        };
        approverChoice.getItems().setAll(viewModel.approverOptions());
        approverChoice.setConverter(ChoiceText.of(person));
        routeList.setItems(viewModel.route());
        routeList.setCellFactory(cells(person));
        addApproverButton.setOnAction(e -> viewModel.addApprover(approverChoice.getValue()));
        upApproverButton.setOnAction(e -> viewModel.moveApproverUp(routeList.getSelectionModel().getSelectedIndex()));
        removeApproverButton.setOnAction(e -> removeSelected(routeList));
        signerChoice.getItems().setAll(viewModel.signerOptions());
        signerChoice.setConverter(ChoiceText.of(person));
        signerChoice.valueProperty().bindBidirectional(viewModel.signerProperty());

        constructionCheck.selectedProperty().bindBidirectional(viewModel.constructionProperty());
        constructionBox.visibleProperty().bind(viewModel.constructionProperty());
        constructionBox.managedProperty().bind(viewModel.constructionProperty());
        // The 19条 checklist stays beside the form while it scrolls.
        checklistPanel.visibleProperty().bind(viewModel.constructionProperty());
        checklistPanel.managedProperty().bind(viewModel.constructionProperty());
        missingList.setItems(viewModel.missingItems());
        missingList.setCellFactory(cells(i -> language.pick(i.labelJa(), i.labelEn())));
        checklistDone.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.missingItems()));
        terms(language);

        EditorDocuments docs = viewModel.documents();
        mainLabel.textProperty().bind(javafx.beans.binding.Bindings.when(docs.mainNameProperty().isEmpty())
                .then(bundle.getString("editor.main.none")).otherwise(docs.mainNameProperty()));
        attachmentList.setItems(docs.attachments());
        attachmentList.setCellFactory(cells(EditorDocuments.Document::name));
        chooseMainButton.setOnAction(e -> choose().ifPresent(f -> docs.attachMain(f.toPath())));
        chooseAttachmentButton.setOnAction(e -> choose().ifPresent(f -> docs.attachAttachment(f.toPath())));
        dropZone.setOnDragOver(this::dragOver);
        dropZone.setOnDragDropped(this::dropped);

        saveButton.setOnAction(e -> viewModel.save());
        viewModel.closing(dialogs(), () -> ((javafx.stage.Stage) saveButton.getScene().getWindow()).close());
        cancelButton.setOnAction(e -> viewModel.cancel());
        // Closing the window by its frame asks like キャンセル when something is unsaved.
        saveButton.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window != null) {
                        window.setOnCloseRequest(close -> {
                            if (viewModel.hasUnsavedChanges() && !viewModel.cancel()) {
                                close.consume();
                            }
                        });
                    }
                });
            }
        });
        amendButton.visibleProperty().bind(viewModel.canAmendProperty());
        amendButton.managedProperty().bind(viewModel.canAmendProperty());
        amendButton.setOnAction(e -> viewModel.amend());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    private void terms(Language language) {
        int row = 0;
        for (ConstructionItem item : ConstructionItem.values()) {
            Label label = new Label(language.pick(item.labelJa(), item.labelEn()) + (item.required() ? " *" : "")
                    + (item == ConstructionItem.CONTRACT_PRICE ? "\n" + bundle.getString("editor.price.fromAmount") : ""));
            label.setWrapText(true);
            label.setMaxWidth(260);
            TextArea text = new TextArea();
            text.setId("term-" + item.name());
            text.setPrefRowCount(2);
            text.setWrapText(true);
            text.textProperty().bindBidirectional(viewModel.termProperty(item));
            Label error = new Label();
            error.getStyleClass().add("error-text");
            error.textProperty().bind(viewModel.termErrorProperty(item));
            termsGrid.addRow(row++, label, new VBox(text, error));
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        viewModel.documents().drop(files.stream().map(File::toPath).toList());
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    private java.util.Optional<File> choose() {
        return dialogs().openFile(bundle.getString("editor.chooseTitle"),
                List.of(DialogService.FileKind.of(bundle.getString("editor.pdfFiles"), "*.pdf"))).map(java.nio.file.Path::toFile);
    }

    private static <T> void removeSelected(ListView<T> list) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            list.getItems().remove(i);
        }
    }


    private static <T> javafx.util.Callback<ListView<T>, ListCell<T>> cells(Function<T, String> text) {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** Where this window's questions are asked: the one given, or this window's own dialogs. */
    private DialogService dialogs() {
        return dialogs != null ? dialogs : FxDialogService.ownedBy(saveButton);
    }
}
