package jp.sitesign.desktop.login;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.error.SiteSignException;

/**
 * The password change the server demands before anything else (first login with a one-time password).
 * The rules are the server's: its refusal (PASSWORD_RULE with the rule broken) is shown as it comes. Only
 * "the two new ones differ" is checked here, because the server never sees the confirmation.
 */
public final class PasswordChangeViewModel {
    private final ResourceBundle bundle;
    private final DesktopSession session;
    private final Executor background;
    private final Executor ui;
    private final Runnable onChanged;

    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty next = new SimpleStringProperty(this, "next", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding canChange;

    public PasswordChangeViewModel(ResourceBundle bundle, DesktopSession session, Executor background, Executor ui,
            Runnable onChanged) {
        this.bundle = bundle;
        this.session = session;
        this.background = background;
        this.ui = ui;
        this.onChanged = onChanged;
        canChange = Bindings.createBooleanBinding(() -> !busy.get() && !current.get().isEmpty()
                && !next.get().isEmpty() && !confirmation.get().isEmpty(), busy, current, next, confirmation);
    }

    public void change() {
        if (busy.get()) {
            return;
        }
        if (!next.get().equals(confirmation.get())) {
            error.set(bundle.getString("passwordChange.error.mismatch"));
            confirmation.set("");
            return;
        }
        if (next.get().equals(current.get())) {
            error.set(bundle.getString("passwordChange.error.same"));
            return;
        }
        char[] cur = current.get().toCharArray();
        char[] now = next.get().toCharArray();
        error.set("");
        busy.set(true);
        background.execute(() -> {
            try {
                session.changePassword(cur, now);
                ui.execute(() -> {
                    busy.set(false);
                    clear();
                    onChanged.run();
                });
            } catch (SiteSignException e) {
                String message = UserMessages.of(e, Language.of(bundle));
                ui.execute(() -> {
                    busy.set(false);
                    error.set(message);
                });
            } catch (jp.sitesign.desktop.sync.OfflineException e) {
                String message = bundle.getString("passwordChange.error.offline");
                ui.execute(() -> {
                    busy.set(false);
                    error.set(message);
                });
            } catch (RuntimeException e) {
                String message = I18n.format(bundle, "passwordChange.error.unexpected", String.valueOf(e.getMessage()));
                ui.execute(() -> {
                    busy.set(false);
                    error.set(message);
                });
            } finally {
                Arrays.fill(cur, '\0');
                Arrays.fill(now, '\0');
            }
        });
    }

    private void clear() {
        current.set("");
        next.set("");
        confirmation.set("");
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canChange() {
        return canChange;
    }
}
