package jp.sitesign.desktop.main;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.SyncStatus;

/**
 * The window shell: which section is open, and the status bar's sentences about synchronisation and the
 * unread notices, derived from {@link SyncStatus} so they follow the engine without the view knowing it.
 */
public final class MainWindowViewModel {
    static final int BADGE_MAX = 99;

    private final ResourceBundle bundle;
    private DialogService dialogs;
    private final ObservableList<Section> sections = FXCollections.observableArrayList(Section.values());
    private final ObjectProperty<Section> selectedSection = new SimpleObjectProperty<>(this, "selectedSection",
            Section.CONTRACTS);
    private final IntegerProperty unreadNotices = new SimpleIntegerProperty(this, "unreadNotices", 0);
    private final BooleanBinding online;
    private final StringBinding onlineText;
    private final StringBinding pendingText;
    private final StringBinding lastSyncText;
    private final StringBinding conflictsText;
    private final BooleanBinding hasConflicts;
    private final StringBinding noticesBadgeText;
    private final BooleanBinding noticesBadgeVisible;
    private final javafx.beans.property.ReadOnlyStringWrapper sessionText =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "sessionText", "");
    private Runnable logoutAction;
    private final javafx.beans.property.ReadOnlyStringWrapper updateNotice =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "updateNotice", "");
    private final java.util.List<Runnable> conflictsOpeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    private final SyncStatus syncStatus;
    /** The menu's actions that a section carries out (sync now, new contract, search), once it is there. */
    private final java.util.Map<Command, Runnable> commands = new java.util.EnumMap<>(Command.class);
    /** Held here: {@link DateDisplay#onChange} keeps its listener weakly. */
    private final javafx.beans.value.ChangeListener<Object> dateStyleChanged;

    public MainWindowViewModel(SyncStatus status, ResourceBundle bundle) {
        this.bundle = bundle;
        this.syncStatus = status;
        online = Bindings.createBooleanBinding(() -> status.onlineProperty().get(), status.onlineProperty());
        onlineText = Bindings.createStringBinding(
                () -> bundle.getString(status.onlineProperty().get() ? "status.online" : "status.offline"),
                status.onlineProperty());
        pendingText = Bindings.createStringBinding(() -> {
            int n = status.pendingCommandsProperty().get();
            return n == 0 ? bundle.getString("status.pending.none") : I18n.format(bundle, "status.pending", n);
        }, status.pendingCommandsProperty());
        lastSyncText = Bindings.createStringBinding(() -> status.lastSyncProperty().get() == null
                ? bundle.getString("status.lastSync.never")
                : I18n.format(bundle, "status.lastSync", dates.dateTime(status.lastSyncProperty().get())),
                status.lastSyncProperty());
        dateStyleChanged = (o, was, now) -> lastSyncText.invalidate();
        hasConflicts = status.conflictsProperty().greaterThan(0);
        conflictsText = Bindings.createStringBinding(() -> {
            int n = status.conflictsProperty().get();
            return n == 0 ? "" : I18n.format(bundle, "status.conflicts", n);
        }, status.conflictsProperty());
        noticesBadgeVisible = unreadNotices.greaterThan(0);
        noticesBadgeText = Bindings.createStringBinding(() -> {
            int n = unreadNotices.get();
            return n > BADGE_MAX ? BADGE_MAX + "+" : Integer.toString(n);
        }, unreadNotices);
    }

    /** Writes the last sync's time through {@code display} (the settings' date style), again when it changes. */
    public MainWindowViewModel dates(DateDisplay display) {
        this.dates = display;
        display.onChange(dateStyleChanged);
        lastSyncText.invalidate();
        return this;
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    /**
     * Shows or hides 管理 in the navigation: it is for owners and admins only (the caller asks the access
     * policy). Hiding it while it is open goes back to the contracts.
     */
    public void showAdmin(boolean visible) {
        if (visible && !sections.contains(Section.ADMIN)) {
            int at = (int) sections.stream().filter(s -> s.ordinal() < Section.ADMIN.ordinal()).count();
            sections.add(at, Section.ADMIN);
        } else if (!visible && sections.remove(Section.ADMIN) && selectedSection.get() == Section.ADMIN) {
            selectedSection.set(Section.CONTRACTS);
        }
    }

    public String sectionName(Section section) {
        return bundle.getString(section.textKey());
    }

    public ObjectProperty<Section> selectedSectionProperty() {
        return selectedSection;
    }

    /** The notices badge's button: opens the notices. */
    public void openNotices() {
        selectedSection.set(Section.NOTICES);
    }

    /**
     * The status bar's conflicts link: opens the contracts section, then tells {@link #onOpenConflicts}'s
     * listeners to show its 対応が必要 tab.
     */
    public void openConflicts() {
        selectedSection.set(Section.CONTRACTS);
        conflictsOpeners.forEach(Runnable::run);
    }

    /** Run by {@link #openConflicts()} once the contracts section is open (the shell selects the tab). */
    public void onOpenConflicts(Runnable opener) {
        conflictsOpeners.add(opener);
    }

    private final IntegerProperty attentionCount = new SimpleIntegerProperty(this, "attentionCount", 0);

    /**
     * How many things are in 要対応 — contracts waiting on the user and sync problems — fed by the contracts section
     * after each sync; the navigation shows it as a badge on 契約一覧, where 要対応 is.
     */
    public IntegerProperty attentionCountProperty() {
        return attentionCount;
    }

    /** The badge's text for {@code section}: the 要対応 count on 契約一覧 (at most 99+), empty elsewhere or at 0. */
    public String sectionBadge(Section section) {
        int n = attentionCount.get();
        if (section != Section.CONTRACTS || n <= 0) {
            return "";
        }
        return n > BADGE_MAX ? BADGE_MAX + "+" : Integer.toString(n);
    }

    /** Unread notices; fed by the notices feature once it exists. */
    public IntegerProperty unreadNoticesProperty() {
        return unreadNotices;
    }

    /** Who is logged in and how (online/offline), and what logout does; without it no logout is offered. */
    public void setSession(String text, Runnable logout) {
        sessionText.set(text == null ? "" : text);
        logoutAction = logout;
    }

    public javafx.beans.property.ReadOnlyStringProperty sessionTextProperty() {
        return sessionText.getReadOnlyProperty();
    }

    public boolean canLogout() {
        return logoutAction != null;
    }

    /** Ends the session and returns to the login. */
    public void logout() {
        if (logoutAction != null) {
            logoutAction.run();
        }
    }

    public BooleanBinding onlineBinding() {
        return online;
    }

    public StringBinding onlineText() {
        return onlineText;
    }

    public StringBinding pendingText() {
        return pendingText;
    }

    public StringBinding lastSyncText() {
        return lastSyncText;
    }

    public StringBinding conflictsText() {
        return conflictsText;
    }

    public BooleanBinding hasConflicts() {
        return hasConflicts;
    }

    public StringBinding noticesBadgeText() {
        return noticesBadgeText;
    }

    public BooleanBinding noticesBadgeVisible() {
        return noticesBadgeVisible;
    }

    /** The notice an older app shows in the header after login (empty: none); see {@code app.UpdateNotice}. */
    public javafx.beans.property.ReadOnlyStringProperty updateNoticeProperty() {
        return updateNotice.getReadOnlyProperty();
    }

    public void setUpdateNotice(String text) {
        updateNotice.set(text == null ? "" : text);
    }

    /** Where the About box is shown (the main window's dialogs). */
    public MainWindowViewModel dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    /** Shows the About box (the About button). */
    public void about() {
        dialogs.inform(bundle.getString("about.button"), aboutText());
    }

    /** The About box's text: the app's version (from the jar's manifest) and the Java runtime it runs on. */
    public String aboutText() {
        return I18n.format(bundle, "about.text",
                jp.sitesign.desktop.ui.AppVersion.shown(jp.sitesign.desktop.ui.AppVersion.current(), bundle),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
    }

    /** The window's commands that the menu bar offers with a shortcut, carried out by whoever registers them. */
    public enum Command {
        /** Sync with the server now instead of at the next interval. */
        SYNC_NOW,
        /** Open the editor for a new contract. */
        NEW_CONTRACT,
        /** Put the cursor in the contract list's search. */
        SEARCH,
        /** Open 一括署名: sign the contracts waiting on the user's signature together. */
        BULK_SIGN
    }

    /** {@code action} carries out {@code command} (the shell registers what the session and sections can do). */
    public void onCommand(Command command, Runnable action) {
        commands.put(command, action);
    }

    /** Whether {@code command} can be carried out now (a menu item without one is disabled). */
    public boolean canRun(Command command) {
        return commands.containsKey(command);
    }

    /** Carries out {@code command}; the contract commands first bring the contract list to the front. */
    public void run(Command command) {
        Runnable action = commands.get(command);
        if (action == null) {
            return;
        }
        if (command != Command.SYNC_NOW) {
            selectedSection.set(Section.CONTRACTS);
        }
        action.run();
    }

    /** While a sync runs: its words for the status bar (同期中…); empty otherwise. */
    public StringBinding syncingText() {
        return Bindings.createStringBinding(
                () -> syncStatus.syncingProperty().get() ? bundle.getString("status.syncing") : "",
                syncStatus.syncingProperty());
    }

    public javafx.beans.property.ReadOnlyBooleanProperty syncingProperty() {
        return syncStatus.syncingProperty();
    }

    /**
     * What to tell the user about a sync that just ended, as a notification: its changes, or why it failed; empty
     * for nothing worth telling (the feed already leaves out idle syncs and repeated failures).
     */
    public java.util.Optional<Notice> notice(SyncStatus.SyncOutcome outcome) {
        if (outcome == null) {
            return java.util.Optional.empty();
        }
        if (outcome.failed()) {
            String reason = jp.sitesign.desktop.ui.Language.of(bundle).pick(outcome.errorJa(), outcome.errorEn());
            return java.util.Optional.of(new Notice(bundle.getString("sync.notice.failed.title"),
                    reason == null ? "" : reason, true));
        }
        if (outcome.sent() == 0 && outcome.received() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Notice(bundle.getString("sync.notice.done.title"),
                I18n.format(bundle, "sync.notice.done", outcome.sent(), outcome.received()), false));
    }

    /** The sync outcomes the window tells about ({@link #notice} turns each into words). */
    public javafx.beans.property.ReadOnlyObjectProperty<SyncStatus.SyncOutcome> syncOutcomeProperty() {
        return syncStatus.lastOutcomeProperty();
    }

    /** A notification's title and text; {@code warning} for a failure. */
    public record Notice(String title, String text, boolean warning) {
    }
}
