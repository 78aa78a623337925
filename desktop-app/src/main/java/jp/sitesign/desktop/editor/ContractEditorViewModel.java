package jp.sitesign.desktop.editor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractFields;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/**
 * The contract editor: what a draft says and who takes part, checked by the same rules as the server
 * ({@link ContractDraft}, {@link ContractFields}, {@link ConstructionTerms#missing()}) and saved as a
 * CREATE_DRAFT or EDIT_DRAFT command in the outbox. PDFs are handled by {@link EditorDocuments}.
 */
public final class ContractEditorViewModel {
    /** A counterparty as the editor lists it: the partner company and its receiving user (担当者). */
    public record CounterpartyRow(String companyId, String companyName, String receiverId) {
    }

    private final StoreSession store;
    private final Runnable commandSaved;
    private final Language language;
    private final ResourceBundle bundle;
    private final EditorDocuments documents;

    private final ObjectProperty<ContractForm> form = new SimpleObjectProperty<>(this, "form", ContractForm.BILATERAL);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty managementNumber = new SimpleStringProperty(this, "managementNumber", "");
    private final ObjectProperty<LocalDate> transactionDate = new SimpleObjectProperty<>(this, "transactionDate");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final BooleanProperty taxIncluded = new SimpleBooleanProperty(this, "taxIncluded", true);
    /** Ticked for a new contract: SiteSign is for construction contracts (建設業法19条), others are the exception. */
    private final BooleanProperty construction = new SimpleBooleanProperty(this, "construction", true);
    private final Map<ConstructionItem, StringProperty> terms = new EnumMap<>(ConstructionItem.class);
    private final Map<ConstructionItem, ReadOnlyStringWrapper> termErrors = new EnumMap<>(ConstructionItem.class);
    private final ObservableList<ConstructionItem> missing = FXCollections.observableArrayList();
    private final ObservableList<CounterpartyRow> counterparties = FXCollections.observableArrayList();
    private final ObservableList<UserView> route = FXCollections.observableArrayList();
    private final ObjectProperty<UserView> signer = new SimpleObjectProperty<>(this, "signer");
    private final ObjectProperty<LocalDate> deadline = new SimpleObjectProperty<>(this, "deadline");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    private final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper(this, "titleError", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError", "");
    private final ReadOnlyStringWrapper counterpartyError = new ReadOnlyStringWrapper(this, "counterpartyError", "");
    private final StringProperty dateError = new SimpleStringProperty(this, "dateError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canAmend = new ReadOnlyBooleanWrapper(this, "canAmend", false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    /** The 請負代金の額 text this editor last wrote from the amount (ADR 43: the amount is entered once). */
    private String derivedPrice = "";
    /** The draft as last loaded or saved: what キャンセル compares with before asking. */
    private ContractDraft saved;
    private jp.sitesign.desktop.ui.DialogService dialogs;
    private Runnable close = () -> { };

    private String contractId;
    /**
     * The base for the next command: the revision the server will be at once this editor's own commands so far
     * are applied, so a save after an attach (or a second save) names the revision the user's own work produced.
     */
    private Long revision;
    private String originalId;

    public ContractEditorViewModel(StoreSession store, Runnable commandSaved, Language language,
            ResourceBundle bundle) {
        this.store = store;
        this.commandSaved = commandSaved;
        this.language = language;
        this.bundle = bundle;
        this.documents = new EditorDocuments(store, this, commandSaved, language, bundle);
        for (ConstructionItem item : ConstructionItem.values()) {
            StringProperty text = new SimpleStringProperty(this, item.name(), "");
            text.addListener((obs, old, now) -> checkTerms());
            terms.put(item, text);
            termErrors.put(item, new ReadOnlyStringWrapper(this, item.name() + "Error", ""));
        }
        construction.addListener((obs, old, now) -> {
            derivePrice();
            checkTerms();
        });
        amount.addListener((obs, old, now) -> {
            amountError.set(amountYen().isPresent() || blank(now) ? "" : bundle.getString("editor.amount.invalid"));
            derivePrice();
        });
        taxIncluded.addListener((obs, old, now) -> derivePrice());
        title.addListener((obs, old, now) -> titleError.set(""));
        heading.set(bundle.getString("editor.heading.new"));
        checkTerms();
        saved = draft();
    }

    /**
     * 請負代金の額 follows 取引金額 (one amount, entered once): while the item is empty or still holds what this
     * editor wrote from the amount, it is written again from the amount and the tax flag; a text the user wrote
     * themselves is kept. Both still travel as before (the wire is unchanged): {@code amountYen} and the item.
     */
    private void derivePrice() {
        StringProperty price = terms.get(ConstructionItem.CONTRACT_PRICE);
        String current = nz(price.get());
        if (!current.isBlank() && !current.equals(derivedPrice)) {
            return;
        }
        String next = construction.get() ? priceText().orElse("") : current.equals(derivedPrice) ? "" : current;
        derivedPrice = next;
        price.set(next);
    }

    /** 「金12,100,000円（税込）」 from the amount and the tax flag; empty while the amount is not a number. */
    Optional<String> priceText() {
        return amountYen().map(yen -> java.text.MessageFormat.format(bundle.getString(
                taxIncluded.get() ? "editor.price.taxIncluded" : "editor.price.taxExcluded"),
                java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(yen)));
    }

    /** Starts from the contract {@code id} as this computer holds it (the user's saved work included). */
    public void load(String id) {
        LocalContract local = store.contracts().current(id).orElseThrow(() -> new IllegalArgumentException(id));
        ContractSnapshot k = local.current();
        ContractDraft d = ContractDraft.of(k);
        contractId = id;
        revision = k.revision();
        originalId = d.originalId();
        form.set(d.form());
        title.set(nz(d.title()));
        managementNumber.set(nz(d.managementNumber()));
        transactionDate.set(d.transactionDate());
        amount.set(d.amountYen() == null ? "" : Long.toString(d.amountYen()));
        taxIncluded.set(Boolean.TRUE.equals(d.taxIncluded()));
        terms.forEach((item, text) -> text.set(nz(d.terms() == null ? null : d.terms().get(item))));
        construction.set(Boolean.TRUE.equals(d.construction()));
        note.set(nz(d.note()));
        deadline.set(k.deadline() == null ? null : k.deadline().minusSeconds(1).atZone(JapanTime.ZONE).toLocalDate());
        counterparties.setAll(d.counterparties().stream().map(c -> new CounterpartyRow(c.companyId(),
                partnerName(c.companyId()), c.receiverId())).toList());
        route.setAll(d.route().stream().map(u -> store.user(u).orElse(null)).filter(u -> u != null).toList());
        signer.set(d.signer() == null ? null : store.user(d.signer()).orElse(null));
        canAmend.set(ContractLifecycle.canAmend(k.progress()));
        documents.load(local);
        String loadedPrice = nz(terms.get(ConstructionItem.CONTRACT_PRICE).get());
        derivedPrice = priceText().filter(loadedPrice::equals).orElse("");
        checkTerms();
        heading.set(bundle.getString("editor.title"));
        saved = draft();
    }

    /** Where キャンセル asks before discarding changes, and what closes the editor's window. */
    public ContractEditorViewModel closing(jp.sitesign.desktop.ui.DialogService service, Runnable closeWindow) {
        this.dialogs = service;
        this.close = closeWindow == null ? () -> { } : closeWindow;
        return this;
    }

    /** Whether the form differs from what was last loaded or saved. */
    public boolean hasUnsavedChanges() {
        return !draft().equals(saved);
    }

    /**
     * キャンセル: closes the editor; with unsaved changes only after the user agreed to discard them.
     *
     * @return whether the editor closed
     */
    public boolean cancel() {
        if (hasUnsavedChanges() && (dialogs == null || !dialogs.confirm(new jp.sitesign.desktop.ui.DialogService.Question(
                jp.sitesign.desktop.ui.DialogService.Tone.WARNING, bundle.getString("editor.cancel.title"), null,
                bundle.getString("editor.cancel.confirm"), bundle.getString("editor.cancel.discard"),
                bundle.getString("editor.cancel.keep"), "discardChanges")))) {
            return false;
        }
        close.run();
        return true;
    }

    /** 「新規作成」 for a new contract, 「契約書の編集」 for one loaded. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The known people of partner {@code companyId} (ADR 43), by name, to choose the 担当者 from. */
    public List<jp.sitesign.model.user.PersonName> receiverOptions(String companyId) {
        return store.partnerPeople().values().stream().filter(p -> p.companyId().equals(companyId))
                .sorted(java.util.Comparator.comparing(jp.sitesign.model.user.PersonName::name,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** A 担当者 as the counterparty list shows them: by name where known, else by id. */
    public String receiverText(String receiverId) {
        jp.sitesign.model.user.PersonName p = store.partnerPeople().get(receiverId);
        return p == null || p.name() == null ? nz(receiverId) : p.name();
    }

    /** Partners that gave their 承諾 and have not withdrawn it: the only companies a contract can go to. */
    public List<Partnership> partnerOptions() {
        return store.partnerships().stream()
                .filter(p -> p.theirConsent() != null && p.theirConsent().inForce())
                .toList();
    }

    /** Active users of the own company, for the approval route. */
    public List<UserView> approverOptions() {
        return store.users().stream().filter(u -> u.status() == UserStatus.ACTIVE).toList();
    }

    /** Only active users with 署名権限 can sign. */
    public List<UserView> signerOptions() {
        return approverOptions().stream().filter(UserView::signingAuthority).toList();
    }

    public boolean addCounterparty(Partnership partner, String receiverId) {
        String receiver = receiverId == null ? "" : receiverId.strip();
        if (partner == null) {
            counterpartyError.set(bundle.getString("editor.counterparty.choose"));
            return false;
        }
        if (!UserId.isValid(receiver)) {
            counterpartyError.set(bundle.getString("editor.counterparty.receiverInvalid"));
            return false;
        }
        if (counterparties.stream().anyMatch(c -> c.companyId().equals(partner.counterpartyId().value()))) {
            counterpartyError.set(bundle.getString("editor.counterparty.twice"));
            return false;
        }
        counterparties.add(new CounterpartyRow(partner.counterpartyId().value(), partner.counterpartyName(), receiver));
        counterpartyError.set("");
        return true;
    }

    public void addApprover(UserView user) {
        if (user != null && route.stream().noneMatch(u -> u.id().equals(user.id()))) {
            route.add(user);
        }
    }

    public void moveApproverUp(int index) {
        if (index > 0 && index < route.size()) {
            route.add(index - 1, route.remove(index));
        }
    }

    /**
     * Checks every field and queues the draft: CREATE_DRAFT with a new id the first time, EDIT_DRAFT on the
     * revision loaded afterwards. Errors go under their fields or, for the draft as a whole, to {@link #errorProperty}.
     *
     * @return whether the draft was saved
     */
    public boolean save() {
        message.set("");
        error.set("");
        boolean fieldErrors = false;
        if (!blank(amount.get()) && amountYen().isEmpty()) {
            fieldErrors = true;
        }
        if (!dateError.get().isEmpty()) {
            fieldErrors = true;
        }
        if (fieldErrors) {
            error.set(bundle.getString("editor.fixFields"));
            return false;
        }
        if (termErrors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
            error.set(bundle.getString("editor.fixFields"));
            return false;
        }
        ContractDraft draft = draft();
        String id = contractId == null ? UUID.randomUUID().toString() : contractId;
        Command command = contractId == null ? Command.createDraft(id, draft) : Command.editDraft(id, revision, draft);
        try {
            ContractFields.validate(draft.data());
            store.outbox().append(command);
        } catch (SiteSignException e) {
            String text = words(e);
            if (blank(title.get())) {
                titleError.set(text);
            }
            error.set(text);
            return false;
        }
        commandSaved.run();
        contractId = id;
        revision = command.type() == jp.sitesign.model.sync.CommandType.CREATE_DRAFT ? jp.sitesign.model.sync.ContractSnapshot.FIRST_REVISION
                : revision + 1;
        message.set(bundle.getString("editor.saved"));
        saved = draft();
        return true;
    }

    /** Queues a 変更契約 of the loaded (completed) contract; the new draft arrives with the next sync. */
    public Optional<String> amend() {
        if (!canAmend.get()) {
            error.set(bundle.getString("editor.amend.notCompleted"));
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        try {
            store.outbox().append(Command.amend(id, contractId));
        } catch (SiteSignException e) {
            error.set(words(e));
            return Optional.empty();
        }
        commandSaved.run();
        message.set(bundle.getString("editor.amend.queued"));
        return Optional.of(id);
    }

    /** The draft the fields describe. */
    ContractDraft draft() {
        Map<ConstructionItem, String> text = new EnumMap<>(ConstructionItem.class);
        terms.forEach((item, value) -> {
            if (!blank(value.get())) {
                text.put(item, value.get());
            }
        });
        List<ContractDraft.Counterparty> parties = new ArrayList<>();
        counterparties.forEach(c -> parties.add(new ContractDraft.Counterparty(c.companyId(), c.receiverId())));
        return new ContractDraft(revision, form.get(), blankToNull(managementNumber.get()), title.get().strip(),
                transactionDate.get(), amountYen().orElse(null), taxIncluded.get(), construction.get(), text,
                blankToNull(note.get()), originalId, parties, route.stream().map(UserView::id).toList(),
                signer.get() == null ? null : signer.get().id(),
                deadline.get() == null ? null : JapanTime.endOfDayExclusive(deadline.get()));
    }

    private void checkTerms() {
        Map<ConstructionItem, String> within = new EnumMap<>(ConstructionItem.class);
        terms.forEach((item, value) -> {
            String text = nz(value.get());
            boolean tooLong = text.length() > ConstructionTerms.MAX_ITEM_LENGTH;
            termErrors.get(item).set(tooLong ? java.text.MessageFormat.format(
                    bundle.getString("editor.term.tooLong"), ConstructionTerms.MAX_ITEM_LENGTH) : "");
            within.put(item, tooLong ? text.substring(0, ConstructionTerms.MAX_ITEM_LENGTH) : text);
        });
        missing.setAll(construction.get() ? new ConstructionTerms(within).missing() : List.of());
    }

    Optional<Long> amountYen() {
        String text = nz(amount.get()).replace(",", "").replace("，", "").replace("円", "").strip();
        if (!text.matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private String partnerName(String companyId) {
        return store.partnerships().stream().filter(p -> p.counterpartyId().value().equals(companyId))
                .map(Partnership::counterpartyName).findFirst().orElse(companyId);
    }

    String words(SiteSignException e) {
        return UserMessages.of(e, language);
    }

    /** The id of the contract being edited; empty until the first save. */
    public Optional<String> contractId() {
        return Optional.ofNullable(contractId);
    }

    Long revision() {
        return revision;
    }

    /** Takes the store's revision when a sync brought a newer one than this editor's own commands produce. */
    void refreshRevision() {
        if (contractId != null) {
            store.contracts().current(contractId).ifPresent(k -> revision = revision == null
                    ? k.current().revision() : Math.max(revision, k.current().revision()));
        }
    }

    /** The editor's own command based on {@link #revision()} was queued: the next one is based on what it produces. */
    void ownCommandQueued() {
        revision = revision + 1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public EditorDocuments documents() {
        return documents;
    }

    public ObjectProperty<ContractForm> formProperty() {
        return form;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty managementNumberProperty() {
        return managementNumber;
    }

    public ObjectProperty<LocalDate> transactionDateProperty() {
        return transactionDate;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public BooleanProperty taxIncludedProperty() {
        return taxIncluded;
    }

    public BooleanProperty constructionProperty() {
        return construction;
    }

    public StringProperty termProperty(ConstructionItem item) {
        return terms.get(item);
    }

    public ReadOnlyStringProperty termErrorProperty(ConstructionItem item) {
        return termErrors.get(item).getReadOnlyProperty();
    }

    /** The required 建設業法19条 items still empty, in the law's order; empty unless 建設工事 is ticked. */
    public ObservableList<ConstructionItem> missingItems() {
        return FXCollections.unmodifiableObservableList(missing);
    }

    public ObservableList<CounterpartyRow> counterparties() {
        return counterparties;
    }

    public ObservableList<UserView> route() {
        return route;
    }

    public ObjectProperty<UserView> signerProperty() {
        return signer;
    }

    public ObjectProperty<LocalDate> deadlineProperty() {
        return deadline;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    /** A date field's text that names no day (the view's date pickers report it here; ui.DateField). */
    public StringProperty dateErrorProperty() {
        return dateError;
    }

    public ReadOnlyStringProperty counterpartyErrorProperty() {
        return counterpartyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringWrapper errorWrapper() {
        return error;
    }

    ReadOnlyStringWrapper messageWrapper() {
        return message;
    }

    public ReadOnlyBooleanProperty canAmendProperty() {
        return canAmend.getReadOnlyProperty();
    }

    /** The language for label texts of model enums (ConstructionItem, ContractForm). */
    public Language language() {
        return language;
    }
}
