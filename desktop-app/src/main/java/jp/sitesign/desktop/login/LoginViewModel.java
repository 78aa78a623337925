package jp.sitesign.desktop.login;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
 * Login with user id and password: online when the server answers, otherwise offline with the local store
 * (the session decides). The login runs off the UI thread (PBKDF2 and the network take their time) while
 * the view shows progress; the password field is emptied after every attempt.
 */
public final class LoginViewModel {
    /** Opens a session: {@code DesktopSession.login} against the confirmed server. */
    @FunctionalInterface
    public interface Authenticator {
        DesktopSession login(String userId, char[] password);
    }

    /** A successful login and the sentence that says how (online or offline). */
    public record LoggedIn(DesktopSession session, String message) {
    }

    private final ResourceBundle bundle;
    private final Authenticator authenticator;
    private final Executor background;
    private final Executor ui;
    private final Consumer<LoggedIn> onLoggedIn;

    private final StringProperty userId = new SimpleStringProperty(this, "userId", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding canLogin;

    public LoginViewModel(ResourceBundle bundle, String serverAddress, Authenticator authenticator,
            Executor background, Executor ui, Consumer<LoggedIn> onLoggedIn) {
        this.bundle = bundle;
        this.authenticator = authenticator;
        this.background = background;
        this.ui = ui;
        this.onLoggedIn = onLoggedIn;
        this.serverText = I18n.format(bundle, "login.server", serverAddress);
        canLogin = Bindings.createBooleanBinding(() -> !busy.get() && !userId.get().isBlank()
                && !password.get().isEmpty(), busy, userId, password);
    }

    private final String serverText;

    public void login() {
        if (busy.get()) {
            return;
        }
        String id = userId.get().strip();
        char[] pw = password.get().toCharArray();
        password.set("");
        if (id.isEmpty() || pw.length == 0) {
            error.set(bundle.getString("login.error.empty"));
            return;
        }
        error.set("");
        busy.set(true);
        background.execute(() -> {
            try {
                DesktopSession session = authenticator.login(id, pw);
                String message = bundle.getString(session.loggedInOnline() ? "login.done.online"
                        : "login.done.offline");
                ui.execute(() -> {
                    busy.set(false);
                    onLoggedIn.accept(new LoggedIn(session, message));
                });
            } catch (SiteSignException e) {
                String message = UserMessages.of(e, Language.of(bundle));
                ui.execute(() -> fail(message));
            } catch (RuntimeException e) {
                String message = I18n.format(bundle, "login.error.unexpected", String.valueOf(e.getMessage()));
                ui.execute(() -> fail(message));
            } finally {
                Arrays.fill(pw, '\0');
            }
        });
    }

    private void fail(String message) {
        busy.set(false);
        error.set(message);
    }

    /** Which server this login goes to (shown under the form). */
    public String serverText() {
        return serverText;
    }

    /** Where the demo's logins are (empty: not the demo); see {@link DemoLogins}. */
    private final ReadOnlyStringWrapper demoHint = new ReadOnlyStringWrapper(this, "demoHint", "");

    /** This is {@code ./sitesign demo}: the login says where its printed logins are kept. */
    public LoginViewModel demo(java.nio.file.Path credentials) {
        demoHint.set(jp.sitesign.desktop.ui.I18n.format(bundle, "login.demo", credentials.toAbsolutePath()));
        return this;
    }

    public javafx.beans.property.ReadOnlyStringProperty demoHintProperty() {
        return demoHint.getReadOnlyProperty();
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canLogin() {
        return canLogin;
    }
}
