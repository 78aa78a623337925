package jp.sitesign.desktop.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.signing.ContractSigning;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.LifecycleDenial;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserView;
import jp.sitesign.model.workflow.ContractOptions;
import jp.sitesign.model.workflow.ContractVerbs;

/**
 * One contract: its fields, parties and documents, and the workflow buttons enabled from
 * {@link ContractOptions} (the same lifecycle and policy the server enforces) with the reason as tooltip.
 * An action queues the matching command on the shown revision in the outbox; the contract then shows it
 * as pending until the server has answered.
 */
public final class ContractDetailViewModel {
    /** What this screen queues as it is; editing, setting the route and signing open their own windows. */
    private static final Set<LifecycleCommand> QUEUED_HERE = EnumSet.of(LifecycleCommand.SUBMIT,
            LifecycleCommand.APPROVE, LifecycleCommand.RETURN, LifecycleCommand.WITHDRAW, LifecycleCommand.DECLINE,
            LifecycleCommand.ACKNOWLEDGE, LifecycleCommand.DELETE);

    private final BooleanProperty canEdit = new javafx.beans.property.SimpleBooleanProperty(this, "canEdit", false);
    private final BooleanProperty canSign = new javafx.beans.property.SimpleBooleanProperty(this, "canSign", false);
    private final BooleanProperty canSetRoute = new SimpleBooleanProperty(this, "canSetRoute", false);
    /** The workflow commands this screen gives (editing, routes and signing have their own screens). */
    static final List<LifecycleCommand> ACTIONS = List.of(LifecycleCommand.SUBMIT, LifecycleCommand.APPROVE,
            LifecycleCommand.RETURN, LifecycleCommand.WITHDRAW, LifecycleCommand.DECLINE,
            LifecycleCommand.ACKNOWLEDGE, LifecycleCommand.DELETE);

    private final StoreSession store;
    private final ContractSigning.DocumentSource documents;
    private final Runnable commandSaved;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private DialogService dialogs;

    private final ObjectProperty<ContractSnapshot> contract = new SimpleObjectProperty<>(this, "contract");
    private final StringProperty heading = new SimpleStringProperty(this, "heading", "");
    private final ObservableList<String[]> fields = FXCollections.observableArrayList();
    private final ObservableList<String> parties = FXCollections.observableArrayList();
    private final ObservableList<String> documentLines = FXCollections.observableArrayList();
    private final ObservableList<ActionState> actions = FXCollections.observableArrayList();
    private final StringProperty pendingText = new SimpleStringProperty(this, "pendingText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<Path> mainDocument = new SimpleObjectProperty<>(this, "mainDocument");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private Path shownFile;
    /** The names the shown contract was written with, for the confirmations. */
    private ContractTexts shownTexts;
    /** The contract and main-document SHA-256 of {@link #shownFile}: a sync may bring a newer version. */
    private String shownContractId;
    private String shownSha;
    private volatile DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    /** Held here: the display keeps it only weakly. */
    private final javafx.beans.value.ChangeListener<Object> redraw = (obs, old, now) -> reloadShown();

    public ContractDetailViewModel(StoreSession store, ContractSigning.DocumentSource documents, Runnable commandSaved,
            Clock clock, Executor background, Executor ui, ResourceBundle bundle) {
        this.store = store;
        this.documents = documents;
        this.commandSaved = commandSaved;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
    }

    /** How dates are written (西暦 unless set; the section passes the one that follows the settings). */
    public ContractDetailViewModel dates(DateDisplay display) {
        this.dates = display;
        display.onChange(redraw);
        return this;
    }

    private void reloadShown() {
        if (contract.get() != null) {
            load(contract.get().id());
        }
    }

    /** Shows contract {@code id} as this computer knows it now (null: nothing). */
    public CompletableFuture<Void> load(String id) {
        if (id == null) {
            show(null, List.of());
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> store.contracts().current(id), background).handleAsync((k, e) -> {
            if (e != null) {
                message.set(I18n.format(bundle, "contracts.detail.loadFailed", String.valueOf(e.getCause())));
                return null;
            }
            show(k.orElse(null), store.partnerships());
            return null;
        }, ui);
    }

    private void show(LocalContract lk, List<jp.sitesign.model.partnership.Partnership> partnerships) {
        message.set("");
        mainDocument.set(null);
        if (lk == null) {
            contract.set(null);
            heading.set(bundle.getString("contracts.detail.none"));
            fields.clear();
            parties.clear();
            documentLines.clear();
            actions.clear();
            canEdit.set(false);
            canSign.set(false);
            canSetRoute.set(false);
            pendingText.set("");
            loaded.set(false);
            return;
        }
        ContractTexts texts = ContractTexts.of(bundle, store, partnerships);
        shownTexts = texts;
        ContractSnapshot k = lk.current();
        contract.set(k);
        if (shownFile != null && k.id().equals(shownContractId) && k.mainDocument() != null
                && !k.mainDocument().equals(shownSha)) {
            // A sync brought a newer main document (a party signed): preview and verify that one instead.
            openMainDocument();
        }
        heading.set(k.title() == null ? bundle.getString("contracts.detail.untitled") : k.title());
        fields.setAll(List.<String[]>of(
                field("contracts.column.number", k.managementNumber()),
                field("contracts.column.status", texts.status(k, store.company().value())),
                field("contracts.column.counterparty", texts.counterparty(k, store.company().value())),
                field("contracts.column.amount", texts.amount(k.amountYen(), k.taxIncluded())),
                field("contracts.column.date", k.transactionDate() == null ? null : dates.date(k.transactionDate())),
                field("contracts.detail.deadline", k.deadline() == null ? null : dates.dateTime(k.deadline())),
                field(commentLabel(k.status()), k.returnComment()),
                field("contracts.column.updated", dates.dateTime(k.updatedAt()))));
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < k.parties().size(); i++) {
            ContractSnapshot.Party p = k.parties().get(i);
            ps.add(I18n.format(bundle, p.signed() ? "contracts.detail.party.signed" : "contracts.detail.party",
                    i + 1, texts.company(p.companyId()), p.signerId() == null ? "—" : texts.person(p.signerId())));
        }
        parties.setAll(ps);
        documentLines.setAll(k.documents().stream().map(d -> texts.document(k, d, dates)).toList());
        long pending = lk.pending().stream().filter(e -> e.state() == OutboxState.PENDING).count();
        long attention = lk.pending().stream().filter(e -> e.state().needsAttention()).count();
        pendingText.set(attention > 0 ? bundle.getString("contracts.detail.attention")
                : pending > 0 ? I18n.format(bundle, "contracts.detail.pending", pending) : "");
        actions.setAll(actionStates(k, texts, ACTIONS));
        List<ActionState> more = actionStates(k, texts, List.of(LifecycleCommand.EDIT, LifecycleCommand.SIGN,
                LifecycleCommand.SET_PARTY_ROUTE));
        canEdit.set(more.get(0).allowed());
        canSign.set(more.get(1).allowed());
        // A route set here and not yet synced: the dialog is not offered again until the server answered.
        canSetRoute.set(more.get(2).allowed() && lk.pending().stream()
                .noneMatch(e -> e.command().type() == CommandType.SET_PARTY_ROUTE && !e.state().needsAttention()));
        loaded.set(true);
    }

    /** The contract's comment is the reason of 取消 or 辞退 once it ended so, else the return's (差戻し). */
    private static String commentLabel(jp.sitesign.model.contract.ContractStatus status) {
        return switch (status) {
            case WITHDRAWN, DECLINED -> "contracts.detail.comment." + status.name();
            default -> "contracts.detail.returnComment";
        };
    }

    private String[] field(String key, String value) {
        return new String[] {bundle.getString(key), value == null ? "" : value};
    }

    private List<ActionState> actionStates(ContractSnapshot k, ContractTexts texts, List<LifecycleCommand> commands) {
        Optional<UserView> self = store.user(store.user().value());
        List<ActionState> out = new ArrayList<>();
        if (self.isEmpty()) {
            for (LifecycleCommand c : commands) {
                out.add(new ActionState(c, label(c), false, bundle.getString("contracts.action.notSynced")));
            }
            return out;
        }
        UserView u = self.get();
        Actor actor = new Actor(store.user(), new CompanyId(u.companyId()), u.role(), u.status(), CompanyStatus.ACTIVE,
                u.locked());
        List<ContractOptions.Option> options = ContractOptions.of(actor, k.progress(), new UserId(k.creatorId()),
                signerHasAuthority(k), clock.instant());
        for (LifecycleCommand c : commands) {
            ContractOptions.Option o = options.stream().filter(x -> x.command() == c).findFirst().orElseThrow();
            out.add(new ActionState(c, label(c), o.allowed(),
                    o.allowed() ? null : texts.reason(o.reasonJa(), o.reasonEn())));
        }
        return out;
    }

    /** Whether the signer on turn holds 署名権限, as far as this computer knows (own company's users only). */
    private boolean signerHasAuthority(ContractSnapshot k) {
        if (k.currentParty() < 0 || k.currentParty() >= k.parties().size()) {
            return true;
        }
        String signer = k.parties().get(k.currentParty()).signerId();
        return signer == null || store.user(signer).map(UserView::signingAuthority).orElse(true);
    }

    private String label(LifecycleCommand c) {
        return bundle.getString("contracts.action." + c.name());
    }

    /** Where the screen asks before what cannot be undone, and for a reason (the main window's dialogs). */
    public ContractDetailViewModel dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    /** The actions that ask first: they cannot be undone, or pass the contract on. */
    static final Set<LifecycleCommand> CONFIRMED = EnumSet.of(LifecycleCommand.APPROVE, LifecycleCommand.RETURN,
            LifecycleCommand.WITHDRAW, LifecycleCommand.DECLINE, LifecycleCommand.DELETE);
    /** Of those, the ones that end the contract or its draft: Enter cancels (a hurried Enter does nothing). */
    private static final Set<LifecycleCommand> CANCEL_BY_DEFAULT = EnumSet.of(LifecycleCommand.WITHDRAW,
            LifecycleCommand.DECLINE, LifecycleCommand.DELETE);

    /**
     * An action button. Approving, returning, withdrawing, declining and deleting a draft ask first, naming the
     * contract ({@link #confirmation}); returning, withdrawing and declining ask for the reason with it
     * ({@link #needsComment}). A cancelled question queues nothing and changes nothing. Then {@link #perform}.
     */
    public void act(LifecycleCommand command) {
        if (!CONFIRMED.contains(command) || contract.get() == null) {
            perform(command, null);
            return;
        }
        DialogService.Question question = confirmation(command);
        if (needsComment(command)) {
            dialogs.confirmWithReason(question, bundle.getString("contracts.confirm." + command.name() + ".reason"),
                    bundle.getString("contracts.confirm.reasonRequired")).ifPresent(reason -> perform(command, reason));
        } else if (dialogs.confirm(question)) {
            perform(command, null);
        }
    }

    /**
     * The question asked before {@code command}: what it does, and the contract it is about by 文書管理番号,
     * title, counterparty and amount, so the user sees which contract they are about to act on.
     */
    public DialogService.Question confirmation(LifecycleCommand command) {
        String key = "contracts.confirm." + command.name();
        return new DialogService.Question(
                CANCEL_BY_DEFAULT.contains(command) ? DialogService.Tone.WARNING : DialogService.Tone.QUESTION,
                bundle.getString(key + ".title"), bundle.getString(key + ".header"),
                I18n.format(bundle, key + ".text", summary()), bundle.getString(key + ".ok"),
                bundle.getString("contracts.cancel"), command.name().toLowerCase(java.util.Locale.ROOT) + "Confirmation",
                CANCEL_BY_DEFAULT.contains(command));
    }

    /** 文書管理番号, title, counterparty and amount (¥ with commas) of the shown contract, one a line. */
    String summary() {
        ContractSnapshot k = contract.get();
        ContractTexts texts = shownTexts != null ? shownTexts : new ContractTexts(bundle, List.of());
        String none = bundle.getString("contracts.confirm.none");
        return I18n.format(bundle, "contracts.confirm.summary", orNone(k.managementNumber(), none),
                orNone(k.title(), none), orNone(texts.counterparty(k, store.company().value()), none),
                orNone(texts.amount(k.amountYen(), k.taxIncluded()), none));
    }

    private static String orNone(String value, String none) {
        return value == null || value.isBlank() ? none : value;
    }

    /** Whether {@code command} asks the user for a reason first (差戻し, 辞退, 取消: the parties read it). */
    public static boolean needsComment(LifecycleCommand command) {
        return command == LifecycleCommand.RETURN || command == LifecycleCommand.DECLINE
                || command == LifecycleCommand.WITHDRAW;
    }

    /**
     * Queues {@code command} on the shown revision. A disabled action, or a return, withdrawal or decline
     * without its reason, queues nothing and says why.
     *
     * @return whether a command was queued
     */
    public boolean perform(LifecycleCommand command, String comment) {
        ContractSnapshot k = contract.get();
        ActionState state = actions.stream().filter(a -> a.command() == command).findFirst().orElse(null);
        if (k == null || state == null || !state.allowed()) {
            message.set(state == null || state.tooltip() == null ? "" : state.tooltip());
            return false;
        }
        if (command == LifecycleCommand.RETURN && (comment == null || comment.isBlank())) {
            LifecycleDenial d = LifecycleDenial.COMMENT_REQUIRED;
            message.set(new ContractTexts(bundle, List.of()).reason(d.reasonJa(), d.reasonEn()));
            return false;
        }
        if (needsComment(command) && (comment == null || comment.isBlank())) {
            message.set(bundle.getString("contracts.confirm.reasonRequired"));
            return false;
        }
        String said = comment == null || comment.isBlank() ? null : comment.strip();
        Command c = switch (command) {
            case RETURN -> Command.returnToSender(k.id(), k.revision(), said);
            case DECLINE -> Command.decline(k.id(), k.revision(), said);
            case WITHDRAW -> Command.withdraw(k.id(), k.revision(), said);
            default -> Command.step(type(command), k.id(), k.revision());
        };
        try {
            store.outbox().append(c);
        } catch (SiteSignException e) {
            message.set(new ContractTexts(bundle, List.of()).error(e));
            return false;
        }
        commandSaved.run();
        message.set(I18n.format(bundle, "contracts.action.queued", label(command)));
        Optional<LocalContract> now = store.contracts().current(k.id());
        String queued = message.get();
        show(now.orElse(null), store.partnerships());
        message.set(queued);
        return true;
    }

    /** The sync command for a verb this screen queues as it is (the mapping itself is common-model's). */
    static CommandType type(LifecycleCommand c) {
        if (!QUEUED_HERE.contains(c)) {
            throw new IllegalArgumentException(c + " is not given from the detail screen");
        }
        return ContractVerbs.commandType(c).orElseThrow();
    }

    /**
     * Makes the main PDF available to the preview: from this computer, or fetched from the server off the
     * UI thread. The preview reads files, so the PDF is written to a private temporary file, replaced by
     * the next one and deleted with this screen.
     */
    public CompletableFuture<Void> openMainDocument() {
        ContractSnapshot k = contract.get();
        if (k == null || k.mainDocument() == null) {
            message.set(bundle.getString("contracts.detail.noDocument"));
            return CompletableFuture.completedFuture(null);
        }
        String id = k.id();
        String sha = k.mainDocument();
        return CompletableFuture.supplyAsync(() -> {
            byte[] pdf = store.blobs().get(sha).orElseGet(() -> documents.fetch(id, sha));
            try {
                Path file = Files.createTempFile("sitesign-preview-", ".pdf");
                file.toFile().deleteOnExit();
                Files.write(file, pdf);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).handleAsync((file, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                message.set(cause instanceof jp.sitesign.desktop.sync.OfflineException
                        ? bundle.getString("contracts.detail.documentOffline")
                        : I18n.format(bundle, "contracts.detail.documentFailed", String.valueOf(cause.getMessage())));
                return null;
            }
            forgetFile();
            shownFile = file;
            shownContractId = id;
            shownSha = sha;
            mainDocument.set(file);
            return null;
        }, ui);
    }

    /** Deletes the preview's temporary file. */
    public void close() {
        forgetFile();
    }

    private void forgetFile() {
        if (shownFile != null) {
            try {
                Files.deleteIfExists(shownFile);
            } catch (IOException e) {
                shownFile.toFile().deleteOnExit();
            }
            shownFile = null;
        }
    }

    public ObjectProperty<ContractSnapshot> contractProperty() {
        return contract;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    /** Label and value pairs. */
    public ObservableList<String[]> fields() {
        return fields;
    }

    public ObservableList<String> parties() {
        return parties;
    }

    public ObservableList<String> documentLines() {
        return documentLines;
    }

    /** Whether the open contract may be edited (a draft, by this user) — opens the editor. */
    public javafx.beans.property.ReadOnlyBooleanProperty canEditProperty() {
        return canEdit;
    }

    /** Whether this user is the signer on turn — opens the signing dialog. */
    public javafx.beans.property.ReadOnlyBooleanProperty canSignProperty() {
        return canSign;
    }

    /** Whether this user names their company's route and signer now — opens the route dialog. */
    public javafx.beans.property.ReadOnlyBooleanProperty canSetRouteProperty() {
        return canSetRoute;
    }

    public ObservableList<ActionState> actions() {
        return actions;
    }

    public StringProperty pendingTextProperty() {
        return pendingText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Path> mainDocumentProperty() {
        return mainDocument;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
