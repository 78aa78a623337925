package jp.sitesign.desktop.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
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
import javax.net.ssl.SSLException;
import jp.sitesign.desktop.login.ServerTrustFile.ServerTrust;
import jp.sitesign.desktop.sync.PinnedTrust;
import jp.sitesign.desktop.ui.I18n;

/**
 * First run: the user types the server's address, the app fetches the certificate the server presents and
 * shows its SHA-256 fingerprint; the user compares it with the one the operator gave them (the server
 * prints it when it starts) and confirms, which pins the certificate (DESIGN §5, trust on first use).
 * Nothing is trusted before the confirmation, and changing the address forgets the fetched certificate.
 */
public final class FirstRunViewModel {
    /** Fetches the certificate a server presents (the real one: {@link PinnedTrust#fetch}). */
    @FunctionalInterface
    public interface CertificateFetcher {
        X509Certificate fetch(String host, int port) throws IOException;
    }

    private final ResourceBundle bundle;
    private final ServerTrustFile file;
    private final CertificateFetcher fetcher;
    private final Executor background;
    private final Executor ui;
    private final Consumer<ServerTrust> onConfirmed;

    private final StringProperty address = new SimpleStringProperty(this, "address", "https://");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding canConfirm;
    private ServerAddress fetchedAddress;
    private X509Certificate fetched;
    /** The IT department's preset, when the app was rolled out with one: its server is confirmed by fingerprint. */
    private EnterprisePreset preset;

    public FirstRunViewModel(ResourceBundle bundle, ServerTrustFile file, CertificateFetcher fetcher,
            Executor background, Executor ui, Consumer<ServerTrust> onConfirmed) {
        this.bundle = bundle;
        this.file = file;
        this.fetcher = fetcher;
        this.background = background;
        this.ui = ui;
        this.onConfirmed = onConfirmed;
        address.addListener((obs, old, now) -> forgetCertificate());
        canConfirm = Bindings.createBooleanBinding(() -> !fingerprint.get().isEmpty() && !busy.get(), fingerprint,
                busy);
    }

    /** Fetches the server's certificate in the background; the fingerprint or an error follows. */
    public void fetchCertificate() {
        error.set("");
        forgetCertificate();
        ServerAddress target;
        try {
            target = ServerAddress.parse(address.get());
        } catch (ServerAddress.Invalid e) {
            error.set(bundle.getString(e.key()));
            return;
        }
        busy.set(true);
        String typed = address.get();
        background.execute(() -> {
            try {
                X509Certificate cert = fetcher.fetch(target.host(), target.port());
                ui.execute(() -> {
                    busy.set(false);
                    if (typed.equals(address.get())) {
                        fetchedAddress = target;
                        fetched = cert;
                        fingerprint.set(PinnedTrust.fingerprint(cert));
                        checkPreset(typed);
                    }
                });
            } catch (IOException | RuntimeException e) {
                String message = describe(e, target);
                ui.execute(() -> {
                    busy.set(false);
                    error.set(message);
                });
            }
        });
    }

    /**
     * Rolled out with a preset (ADR 20): fetches the preset server's certificate and confirms it without asking when
     * its fingerprint is the preset's. A different fingerprint is never confirmed for that address; the screen says so.
     * An unreachable server leaves the address filled in, to try again.
     */
    public void usePreset(EnterprisePreset chosen) {
        this.preset = chosen;
        address.set(chosen.serverUrl());
        fetchCertificate();
    }

    /** A preset file was found but cannot be used: the user answers the questions, told why. */
    public void presetUnusable(String why) {
        error.set(I18n.format(bundle, "firstRun.preset.invalid", why));
    }

    private void checkPreset(String typed) {
        if (preset == null || !typed.equals(preset.serverUrl())) {
            return;
        }
        String presented = fingerprint.get();
        if (presented.equals(preset.fingerprint())) {
            confirm();
        } else {
            forgetCertificate();
            error.set(I18n.format(bundle, "firstRun.preset.mismatch", preset.serverUrl(), preset.fingerprint(),
                    presented));
        }
    }

    /** The user compared the fingerprint and it matches: pin the certificate and go on to the login. */
    public void confirm() {
        if (fetched == null) {
            return;
        }
        ServerTrust trust = new ServerTrust(fetchedAddress.uri(), fetched);
        try {
            file.save(trust);
        } catch (UncheckedIOException e) {
            error.set(I18n.format(bundle, "firstRun.error.saveFailed", e.getCause().getMessage()));
            return;
        }
        onConfirmed.accept(trust);
    }

    private void forgetCertificate() {
        fetched = null;
        fetchedAddress = null;
        fingerprint.set("");
    }

    private String describe(Exception e, ServerAddress target) {
        String where = target.host() + ":" + target.port();
        if (e instanceof UnknownHostException) {
            return I18n.format(bundle, "firstRun.error.unknownHost", target.host());
        }
        if (e instanceof SSLException) {
            return I18n.format(bundle, "firstRun.error.notTls", where);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException) {
            return I18n.format(bundle, "firstRun.error.unreachable", where);
        }
        return I18n.format(bundle, "firstRun.error.failed", where, String.valueOf(e.getMessage()));
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canConfirm() {
        return canConfirm;
    }
}
