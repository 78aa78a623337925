package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Decision;

/**
 * Runs an admin screen's server calls off the UI thread and hands the outcome back on it: the result to
 * the screen, or a sentence in the user's language in {@link #error()}; {@link #busy()} while one runs.
 */
public final class AdminTasks {
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private jp.sitesign.desktop.ui.DateDisplay dates =
            jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI);

    private DialogService dialogs;

    public AdminTasks(Executor background, Executor ui, ResourceBundle bundle) {
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
    }

    /** Dates on the admin screens in the style the settings say (西暦 until told). */
    public AdminTasks dates(jp.sitesign.desktop.ui.DateDisplay display) {
        this.dates = display;
        return this;
    }

    /** Where the screens ask their questions (the main window's dialogs). */
    public AdminTasks dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** A moment in JST, in the chosen date style. */
    public String dateTime(java.time.Instant instant) {
        return instant == null ? "" : dates.dateTime(instant);
    }

    /** A day in JST, in the chosen date style. */
    public String date(java.time.Instant instant) {
        return instant == null ? "" : dates.date(instant);
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The screens' language, which chooses among catalogued Japanese and English texts. */
    public Language language() {
        return Language.of(bundle);
    }

    /** The policy's reason in the screen's language; empty without a decision. */
    public String reason(Decision d) {
        return d == null ? "" : language().pick(d.reasonJa(), d.reasonEn());
    }

    /** Whether the policy's decision allows it; not before one is known. */
    public static boolean allowed(Decision d) {
        return d != null && d.allowed();
    }

    public <T> void run(Supplier<T> work, Consumer<T> done) {
        busy.set(true);
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                String text = message(e);
                ui.execute(() -> {
                    busy.set(false);
                    error.set(text);
                });
                return;
            }
            ui.execute(() -> {
                busy.set(false);
                error.set("");
                done.accept(result);
            });
        });
    }

    /** What the user reads for a failed call. */
    public String message(RuntimeException e) {
        if (e instanceof OnlineOnlyException || e instanceof OfflineException) {
            return bundle.getString("admin.onlineOnly");
        }
        if (e instanceof SiteSignException s) {
            return UserMessages.of(s, language());
        }
        return bundle.getString("admin.failed") + " (" + e.getMessage() + ")";
    }
}
