package jp.sitesign.desktop.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;

/**
 * 監査ログ: the company's login and operation log, filtered by JST period, user and action, paged newest
 * first, and exported as the server's CSV to a file the user chose.
 */
public final class AuditViewModel {
    static final int PAGE = 100;
    /** The company's users named in 実行者 (the server's largest page). */
    static final int USERS_NAMED = 500;

    private final AdminClient client;
    private final AdminTasks tasks;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final ObservableList<AdminClient.AuditEntry> events = FXCollections.observableArrayList();
    private final IntegerProperty offset = new SimpleIntegerProperty(this, "offset", 0);
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanBinding hasNext;
    private final BooleanBinding canExport;
    private DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    private AuditTexts.Directory local = AuditTexts.Directory.NONE;
    /** The company's users by id, as the server listed them with the first page (names for 実行者). */
    private volatile java.util.Map<String, Colleague> colleagues = java.util.Map.of();

    public AuditViewModel(AdminClient client, AdminTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        hasNext = Bindings.size(events).isEqualTo(PAGE);
        canExport = Bindings.createBooleanBinding(
                () -> access.get() != null && access.get().onCompany(Action.EXPORT_AUDIT_LOG).allowed(), access);
    }

    /** Writes the events' times through {@code display} (the settings' date style); 西暦 until set. */
    public AuditViewModel dates(DateDisplay display) {
        this.dates = display;
        return this;
    }

    /**
     * Where contracts, partners and their people are named from (this computer's store); the company's own users
     * are named from the server's user list, read with the first page.
     */
    public AuditViewModel names(AuditTexts.Directory local) {
        this.local = local == null ? AuditTexts.Directory.NONE : local;
        return this;
    }

    public DateDisplay dates() {
        return dates;
    }

    /** The words this screen writes the log in (names, contract numbers, details). */
    public AuditTexts texts() {
        java.util.Map<String, Colleague> known = colleagues;
        AuditTexts.Directory local = this.local;
        return new AuditTexts(tasks.bundle(), dates, new AuditTexts.Directory() {
            @Override
            public java.util.Optional<String> person(String userId) {
                Colleague c = known.get(userId);
                return c != null ? java.util.Optional.of(c.name()) : local.person(userId);
            }

            @Override
            public java.util.Optional<String> contract(String contractId) {
                return local.contract(contractId);
            }

            @Override
            public java.util.Optional<String> company(String companyId) {
                return local.company(companyId);
            }
        });
    }

    public String actor(AdminClient.AuditEntry e) {
        return texts().actor(e.actor());
    }

    public String target(AdminClient.AuditEntry e) {
        return texts().target(e.target());
    }

    public String details(AdminClient.AuditEntry e) {
        return texts().details(e.details());
    }

    public void search() {
        offset.set(0);
        load();
    }

    public void nextPage() {
        if (hasNext.get()) {
            offset.set(offset.get() + PAGE);
            load();
        }
    }

    public void previousPage() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE));
            load();
        }
    }

    private AdminClient.AuditSearch filter() {
        if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
            throw DesktopMessage.AUDIT_DATES_REVERSED.exception();
        }
        return new AdminClient.AuditSearch(from.get(), to.get(), user.get(), action.get());
    }

    /**
     * The search with 実行者 as the server takes it, a user id: the field takes the id, or part of a colleague's
     * name or kana (spaces and case ignored), which must name exactly one of the company's users. Runs on the
     * background thread, as it may have to read the user list first.
     */
    private AdminClient.AuditSearch resolved(AdminClient.AuditSearch typed) {
        String text = typed.user() == null ? "" : typed.user().strip();
        if (text.isEmpty() || jp.sitesign.model.user.UserId.isValid(text)) {
            return typed;
        }
        knowColleagues();
        String needle = folded(text);
        java.util.List<Colleague> found = colleagues.values().stream()
                .filter(c -> folded(c.name()).contains(needle) || folded(c.kana()).contains(needle))
                .sorted(java.util.Comparator.comparing(Colleague::id)).toList();
        if (found.isEmpty()) {
            throw DesktopMessage.AUDIT_USER_UNKNOWN.exception(text);
        }
        java.util.Optional<Colleague> exact = found.stream().filter(c -> folded(c.name()).equals(needle)).findFirst();
        if (found.size() > 1 && (exact.isEmpty()
                || found.stream().filter(c -> folded(c.name()).equals(needle)).count() > 1)) {
            throw DesktopMessage.AUDIT_USER_AMBIGUOUS.exception(text, found.stream().limit(5)
                    .map(c -> c.name() + "（" + c.id() + "）").collect(java.util.stream.Collectors.joining("、"))
                    + (found.size() > 5 ? " …" : ""));
        }
        return new AdminClient.AuditSearch(typed.from(), typed.to(), exact.orElse(found.get(0)).id(),
                typed.action());
    }

    /** A name as the 実行者 field compares it: no spaces (半角 or 全角), case folded. */
    private static String folded(String name) {
        return name == null ? "" : name.replaceAll("[\\s\u3000]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads the company's users once (on the background thread), for 実行者's names and the name filter. */
    private void knowColleagues() {
        if (!colleagues.isEmpty()) {
            return;
        }
        java.util.Map<String, Colleague> found = new java.util.HashMap<>();
        try {
            for (jp.sitesign.model.user.UserView u : client.users(AdminClient.UserSearch.ALL, 0, USERS_NAMED)
                    .items()) {
                found.put(u.id(), new Colleague(u.id(), u.name(), u.nameKana()));
            }
        } catch (SiteSignException refused) {
            // Without the user list the log still shows; 実行者 then falls back to this computer's names.
        }
        colleagues = java.util.Map.copyOf(found);
    }

    /** One of the company's users as the audit screen names and finds them. */
    private record Colleague(String id, String name, String kana) {
    }

    private void load() {
        AdminClient.AuditSearch filter;
        try {
            filter = filter();
        } catch (SiteSignException e) {
            tasks.error().set(tasks.message(e));
            return;
        }
        int at = offset.get();
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            boolean allowed = me.onCompany(Action.VIEW_AUDIT_LOG).allowed();
            if (!allowed) {
                return new Loaded(me, null);
            }
            knowColleagues();
            return new Loaded(me, client.audit(resolved(filter), at, PAGE));
        }, loaded -> {
            access.set(loaded.access());
            if (loaded.events() == null) {
                events.clear();
                tasks.error().set(tasks.reason(loaded.access().onCompany(Action.VIEW_AUDIT_LOG)));
                return;
            }
            events.setAll(loaded.events());
        });
    }

    private record Loaded(AdminAccess access, java.util.List<AdminClient.AuditEntry> events) {
    }

    /** Writes every event matching the filters as CSV (the server's: BOM, JST times) to {@code file}. */
    public void export(Path file) {
        AdminClient.AuditSearch filter;
        try {
            filter = filter();
        } catch (SiteSignException e) {
            tasks.error().set(tasks.message(e));
            return;
        }
        tasks.run(() -> {
            byte[] csv = client.auditCsv(resolved(filter));
            try {
                Files.write(file, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, written -> message.set(I18n.format(tasks.bundle(), "admin.audit.exported", written)));
    }

    /** The event's time as people read it: its JST day in the chosen date style and the time to the second. */
    public String time(AdminClient.AuditEntry e) {
        return dates.dateTimeSeconds(e.time());
    }

    /** The outcome as written in the log (SUCCESS …) in the user's language. */
    public String outcomeLabel(String outcome) {
        if (outcome == null) {
            return "";
        }
        try {
            jp.sitesign.model.audit.AuditOutcome o = jp.sitesign.model.audit.AuditOutcome.valueOf(outcome);
            return tasks.language().pick(o.labelJa(),
                    o.name().charAt(0) + o.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return outcome;
        }
    }

    public String actionLabel(AuditAction a) {
        return a == null ? "" : tasks.language().pick(a.labelJa(), a.labelEn());
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public ObservableList<AdminClient.AuditEntry> events() {
        return events;
    }

    public IntegerProperty offsetProperty() {
        return offset;
    }

    public BooleanBinding hasNext() {
        return hasNext;
    }

    public BooleanBinding canExport() {
        return canExport;
    }

    public ReadOnlyObjectProperty<AdminAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return tasks.error();
    }
}
