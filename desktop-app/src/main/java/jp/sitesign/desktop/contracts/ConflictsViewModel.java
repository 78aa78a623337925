package jp.sitesign.desktop.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.contract.ContractTurn;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * What needs the user (要対応): first the contracts waiting on them ({@link #turns()}: to approve, sign, set
 * their company's route as its 担当者, acknowledge receipt, or revise a returned draft — common-model's
 * {@link ContractTurn} decides), then the commands the server refused or found in conflict
 * ({@code outbox().needingAttention()}): a refusal with its reason, a conflict with the user's version beside
 * the server's, and "sign again". The user keeps theirs (dismiss) or, for an edited draft, keeps their own
 * (the same draft re-queued on the current revision, then dismissed). {@link #countProperty()} counts both,
 * for the badges.
 */
public final class ConflictsViewModel {
    private final StoreSession store;
    private final Runnable commandSaved;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private final ObservableList<AttentionItem> items = FXCollections.observableArrayList();
    private final ObservableList<TurnItem> turns = FXCollections.observableArrayList();
    private final javafx.beans.property.IntegerProperty count =
            new javafx.beans.property.SimpleIntegerProperty(this, "count");
    private java.util.function.Consumer<String> opener = id -> { };
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public ConflictsViewModel(StoreSession store, Runnable commandSaved, Executor background, Executor ui,
            ResourceBundle bundle) {
        this.store = store;
        this.commandSaved = commandSaved;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
        count.bind(javafx.beans.binding.Bindings.size(turns).add(javafx.beans.binding.Bindings.size(items)));
    }

    /** The names the last refresh read (off the UI thread), reused by each card's merge. */
    private volatile ContractTexts texts;

    private record Found(List<TurnItem> turns, List<AttentionItem> problems) {
    }

    /** Reads the contracts waiting on the user and the outbox again (after every sync and local command). */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(() -> {
            ContractTexts read = ContractTexts.of(bundle, store, store.partnerships());
            texts = read;
            return new Found(turns(read),
                    store.outbox().needingAttention().stream().map(e -> item(e, read)).toList());
        }, background).handleAsync((found, e) -> {
            if (e != null) {
                message.set(String.valueOf(e.getCause()));
                return null;
            }
            turns.setAll(found.turns());
            items.setAll(found.problems());
            return null;
        }, ui);
    }

    /**
     * The contracts on this computer waiting on the logged-in user ({@link WaitingContracts}: common-model's
     * {@link ContractTurn} decides), the longest-waiting first, as the tab shows them.
     */
    private List<TurnItem> turns(ContractTexts texts) {
        String own = store.company().value();
        List<TurnItem> out = new ArrayList<>();
        for (WaitingContracts.Waiting w : WaitingContracts.of(store)) {
            ContractSnapshot k = w.contract().current();
            ContractTurn.Task task = w.task();
            out.add(new TurnItem(k.id(), task, I18n.format(bundle, "attention.turn.heading",
                    k.managementNumber() == null ? "" : k.managementNumber(),
                    k.title() == null ? bundle.getString("contracts.detail.untitled") : k.title()),
                    texts.status(k, own), texts.task(task), I18n.format(bundle, "attention.turn.details",
                            texts.counterparty(k, own), texts.amount(k.amountYen(), k.taxIncluded()))));
        }
        return out;
    }

    /** What "open" does with a contract of {@link #turns()} (the section shows it in the list's detail). */
    public ConflictsViewModel onOpen(java.util.function.Consumer<String> open) {
        this.opener = open;
        return this;
    }

    /** Opens the contract waiting on the user. */
    public void open(TurnItem item) {
        opener.accept(item.contractId());
    }

    private AttentionItem item(OutboxEntry e, ContractTexts texts) {
        CommandResult r = e.result();
        Command c = e.command();
        String title = title(c);
        String heading = I18n.format(bundle, "conflicts.heading", bundle.getString("conflicts.command." + c.type()),
                title);
        if (e.state() == OutboxState.REJECTED) {
            String reason = r == null ? "" : texts.error(r.code(), r.messageJa(), r.messageEn());
            return new AttentionItem(e, AttentionItem.Kind.REJECTED, heading, reason, List.of(), false);
        }
        if (r != null && r.code() == ErrorCode.SIGN_AGAIN) {
            return new AttentionItem(e, AttentionItem.Kind.SIGN_AGAIN, heading,
                    bundle.getString("conflicts.signAgain"), List.of(), false);
        }
        ContractSnapshot current = r == null ? null : r.current();
        boolean canKeepMine = c instanceof Command.EditDraft && current != null && current.status().isDraft();
        return new AttentionItem(e, AttentionItem.Kind.CONFLICT, heading, bundle.getString(
                canKeepMine ? "conflicts.conflict.edit" : "conflicts.conflict.other"),
                comparison(c instanceof Command.WithDraft d ? d.draft() : null, current, texts), canKeepMine);
    }

    private String title(Command c) {
        if (c instanceof Command.WithDraft d && d.draft().title() != null) {
            return d.draft().title();
        }
        // Never the contract's UUID on screen: untitled or unknown here, it is said in words.
        return store.contracts().current(c.entityId())
                .map(k -> k.current().title() == null ? bundle.getString("contracts.detail.untitled") : k.current().title())
                .orElse(bundle.getString("conflicts.unknownContract"));
    }

    private List<String[]> comparison(ContractDraft mine, ContractSnapshot theirs, ContractTexts texts) {
        List<String[]> rows = new ArrayList<>();
        if (mine == null && theirs == null) {
            return rows;
        }
        ContractDraft t = theirs == null ? null : ContractDraft.of(theirs);
        rows.add(row("contracts.column.number", mine == null ? null : mine.managementNumber(),
                t == null ? null : t.managementNumber()));
        rows.add(row("contracts.column.title", mine == null ? null : mine.title(), t == null ? null : t.title()));
        rows.add(row("contracts.column.date", mine == null ? null : str(mine.transactionDate()),
                t == null ? null : str(t.transactionDate())));
        rows.add(row("contracts.column.amount", mine == null ? null : amount(mine, texts),
                t == null ? null : amount(t, texts)));
        rows.add(row("contracts.column.counterparty", mine == null ? null : counterparty(mine, texts),
                t == null ? null : counterparty(t, texts)));
        rows.add(row("conflicts.note", mine == null ? null : mine.note(), t == null ? null : t.note()));
        if (theirs != null) {
            rows.add(row("contracts.column.status", null, texts.status(theirs, store.company().value())));
        }
        return rows;
    }

    private static String amount(ContractDraft d, ContractTexts texts) {
        return texts.amount(d.amountYen(), Boolean.TRUE.equals(d.taxIncluded()));
    }

    private static String counterparty(ContractDraft d, ContractTexts texts) {
        return d.counterparties() == null || d.counterparties().isEmpty() ? ""
                : texts.company(d.counterparties().get(0).companyId());
    }

    private String[] row(String key, String mine, String theirs) {
        return new String[] {bundle.getString(key), mine == null ? "" : mine, theirs == null ? "" : theirs};
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Keeps the user's draft: queued again as an edit of the revision now on the server, then dismissed. */
    public boolean keepMine(AttentionItem item) {
        if (!item.canKeepMine() || !(item.entry().command() instanceof Command.EditDraft c)) {
            return false;
        }
        ContractSnapshot current = item.entry().result().current();
        ContractDraft again = c.draft().withRevision(current.revision());
        try {
            store.outbox().append(Command.editDraft(c.entityId(), current.revision(), again));
        } catch (SiteSignException e) {
            message.set(new ContractTexts(bundle, List.of()).error(e));
            return false;
        }
        store.outbox().dismiss(c.id());
        commandSaved.run();
        items.remove(item);
        message.set(bundle.getString("conflicts.keptMine"));
        return true;
    }

    /**
     * Merging, field by field, a draft edit that met a newer revision: offered where "keep mine" is and the
     * two versions differ in something the user can choose; empty otherwise.
     */
    public java.util.Optional<MergeViewModel> merge(AttentionItem item) {
        if (!item.canKeepMine() || !(item.entry().command() instanceof Command.EditDraft mine)) {
            return java.util.Optional.empty();
        }
        ContractDraft theirs = ContractDraft.of(item.entry().result().current());
        MergeViewModel merge = new MergeViewModel(store, commandSaved, () -> {
            items.remove(item);
            message.set(bundle.getString("merge.saved"));
        }, bundle, texts != null ? texts : ContractTexts.of(bundle, store, store.partnerships()),
                mine, theirs);
        return merge.fields().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(merge);
    }

    /**
     * Keeps what is on the server (or, for a refusal or "sign again", acknowledges it): dismissed. The
     * outbox changed, so the same callback as a saved command runs: the status bar's conflict count and the
     * list follow at once instead of at the next periodic sync.
     */
    public void keepTheirs(AttentionItem item) {
        store.outbox().dismiss(item.entry().command().id());
        commandSaved.run();
        items.remove(item);
        message.set(bundle.getString("conflicts.dismissed"));
    }

    public ObservableList<AttentionItem> items() {
        return items;
    }

    /** The contracts waiting on the logged-in user, listed before {@link #items()}. */
    public ObservableList<TurnItem> turns() {
        return turns;
    }

    /** How many things need the user: contracts waiting on them and commands with a sync problem. */
    public javafx.beans.property.ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
