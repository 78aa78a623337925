package jp.sitesign.desktop.notices;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;

/**
 * The notices from the local store, newest first, and how many are unread. Opening an unread notice queues
 * MARK_NOTICE_READ in the outbox (works offline; the server records it at the next sync); until the
 * server's answer comes back in the change feed the queued mark already counts as read, so the badge does
 * not wait for the network. Call {@link #refresh()} after each finished sync.
 */
public final class NoticesViewModel {
    private final StoreSession store;
    private final Runnable commandSaved;
    private final Language language;
    private DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    private final ObservableList<NoticeItem> notices = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread", 0);
    private final ReadOnlyObjectWrapper<NoticeItem> opened = new ReadOnlyObjectWrapper<>(this, "opened", null);

    /**
     * @param commandSaved the session's {@code commandSaved()}: syncs soon after the read mark is queued
     */
    public NoticesViewModel(StoreSession store, Runnable commandSaved, ResourceBundle bundle) {
        this.store = store;
        this.commandSaved = commandSaved;
        this.language = Language.of(bundle);
        refresh();
    }

    /** How dates are written (西暦 unless set); shows the notices again in that style. */
    public NoticesViewModel dates(DateDisplay display) {
        this.dates = display;
        refresh();
        return this;
    }

    /** Reads the notices again from the local store. */
    public void refresh() {
        Set<String> markedHere = store.outbox().pending().stream().map(OutboxEntry::command)
                .filter(c -> c.type() == CommandType.MARK_NOTICE_READ).map(Command::entityId)
                .collect(Collectors.toSet());
        List<NoticeItem> items = store.notices().stream().map(n -> item(n, markedHere)).toList();
        notices.setAll(items);
        unread.set((int) items.stream().filter(i -> !i.read()).count());
        NoticeItem shown = opened.get();
        if (shown != null) {
            opened.set(items.stream().filter(i -> i.id() == shown.id()).findFirst().orElse(null));
        }
    }

    /** Shows a notice; an unread one is marked read (queued for the server). */
    public void open(NoticeItem item) {
        if (item == null) {
            opened.set(null);
            return;
        }
        if (!item.read()) {
            store.outbox().append(Command.markNoticeRead(Long.toString(item.id())));
            commandSaved.run();
        }
        opened.set(item);
        refresh();
    }

    private NoticeItem item(NoticeView n, Set<String> markedHere) {
        String category = language.pick(n.category().labelJa(), n.category().labelEn());
        boolean read = n.read() || markedHere.contains(Long.toString(n.id()));
        return new NoticeItem(n.id(), category, n.title(), n.body(), dates.dateTime(n.publishedAt()), read);
    }

    public ObservableList<NoticeItem> notices() {
        return notices;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NoticeItem> openedProperty() {
        return opened.getReadOnlyProperty();
    }
}
