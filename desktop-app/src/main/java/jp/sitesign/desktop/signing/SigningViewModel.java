package jp.sitesign.desktop.signing;

import java.net.URI;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
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
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.signing.seal.SealPlacement;
import jp.sitesign.desktop.signing.seal.SealPlacementViewModel;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.Pkcs11Slot;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.model.signature.verify.VerificationReport;

/**
 * The signing dialog: where the key is (a PKCS#11 token found by label, or a PKCS#12 file), which level, then
 * {@link ContractSigning} off the UI thread with the PIN the user typed. The PIN is handed to the key source
 * once and cleared; the dialog keeps no copy. The result is the new signature's verification in plain words
 * and the queued SIGN command; a failure names its cause in the user's language.
 */
public final class SigningViewModel {
    /** Where the signing key is. */
    public enum KeySourceKind { TOKEN, PKCS12 }

    private final ContractSigning signing;
    private final String contractId;
    private final URI tsaUrl;
    private final jp.sitesign.desktop.sync.PinnedTrust.Origin server;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Language language;
    private final ResourceBundle bundle;
    private final SealPlacementViewModel seal;

    private final ObjectProperty<KeySourceKind> sourceKind = new SimpleObjectProperty<>(this, "sourceKind",
            KeySourceKind.TOKEN);
    private final ObservableList<TokenLibraries.Library> libraries = FXCollections.observableArrayList();
    private final ObjectProperty<TokenLibraries.Library> library = new SimpleObjectProperty<>(this, "library");
    private final ObservableList<Pkcs11Slot> slots = FXCollections.observableArrayList();
    private final ObjectProperty<Pkcs11Slot> slot = new SimpleObjectProperty<>(this, "slot");
    private final ObjectProperty<Path> pkcs12File = new SimpleObjectProperty<>(this, "pkcs12File");
    private final StringProperty keyAlias = new SimpleStringProperty(this, "keyAlias", "");
    private final ObjectProperty<SignatureLevel> level = new SimpleObjectProperty<>(this, "level", SignatureLevel.B_B);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper(this, "report", "");
    private final ReadOnlyBooleanWrapper signed = new ReadOnlyBooleanWrapper(this, "signed", false);

    /**
     * @param userLibraries the PKCS#11 libraries the user added in the settings, offered first
     * @param tsaUrl the timestamp server: the user's from the settings, else the server's; or null (B-B only)
     * @param server the sync server; a {@code tsaUrl} at it (the DEMO TSA) is reached over its pinned TLS, any
     *               other with the JDK's default trust. Null: always the default.
     * @param background where signing runs (never the UI thread)
     * @param ui         where results are published (the UI thread)
     * @param seal       where the seal goes on the document; {@code null} signs invisibly (no placement offered)
     */
    public SigningViewModel(ContractSigning signing, String contractId, List<Path> userLibraries, URI tsaUrl,
            jp.sitesign.desktop.sync.PinnedTrust.Origin server, String osName, Executor background, Executor ui,
            Clock clock, Language language, ResourceBundle bundle, SealPlacementViewModel seal) {
        this.server = server;
        this.seal = seal;
        this.signing = signing;
        this.contractId = contractId;
        this.tsaUrl = tsaUrl;
        this.level.set(jp.sitesign.desktop.settings.Settings.defaultLevel(tsaUrl));
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.language = language;
        this.bundle = bundle;
        libraries.setAll(TokenLibraries.available(osName, userLibraries));
        library.addListener((obs, old, now) -> findSlots());
        // A token's error (no token in the reader, a library that fails) is not the PKCS#12 file's.
        sourceKind.addListener((obs, old, now) -> {
            if (now == KeySourceKind.TOKEN) {
                findSlots();
            } else {
                error.set("");
            }
        });
        if (!libraries.isEmpty()) {
            library.set(libraries.get(0));
        }
    }

    /** Lists the chosen library's slots that hold a token, by token label. */
    public void findSlots() {
        slots.clear();
        slot.set(null);
        error.set("");
        if (library.get() == null) {
            return;
        }
        try {
            List<Pkcs11Slot> found = new ArrayList<>(Pkcs11Module.forLibrary(library.get().path()).slots().stream()
                    .filter(Pkcs11Slot::usable).toList());
            slots.setAll(found);
            if (found.isEmpty()) {
                error.set(bundle.getString("signing.slots.none"));
            } else {
                slot.set(found.get(0));
            }
        } catch (SigningException e) {
            error.set(words(e));
        }
    }

    /** The levels this computer can make: B-T only with a timestamp server configured. */
    public List<SignatureLevel> levels() {
        return jp.sitesign.desktop.settings.Settings.producibleLevels(tsaUrl);
    }

    /**
     * Signs with {@code pin}, which is cleared when signing ends (or at once if the input is refused). The
     * properties change on the UI executor; the future completes after they have.
     */
    public CompletableFuture<ContractSigning.Signed> sign(char[] pin) {
        error.set("");
        report.set("");
        signed.set(false);
        SigningKeySource source;
        SignatureRequest request;
        SealPlacement placement;
        Runnable rememberSeal;
        try {
            placement = seal == null ? null : seal.placement().orElse(null);
            rememberSeal = seal == null ? () -> { } : seal.rememberLater();
            source = keySource();
            request = request();
        } catch (SigningException e) {
            Arrays.fill(pin, '\0');
            error.set(words(e));
            return CompletableFuture.failedFuture(e);
        } catch (IllegalStateException e) {
            Arrays.fill(pin, '\0');
            error.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        AtomicReference<char[]> once = new AtomicReference<>(pin);
        PinCallback callback = what -> once.getAndSet(null);
        busy.set(true);
        status.set(bundle.getString("signing.signing"));
        CompletableFuture<ContractSigning.Signed> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                ContractSigning.Signed done = signing.sign(contractId, source, callback, request, placement);
                rememberSeal.run();
                return done;
            } catch (SigningException e) {
                throw new CompletionException(e);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, background).whenComplete((done, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure == null) {
                shown(done);
                result.complete(done);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                status.set("");
                error.set(words(cause));
                result.completeExceptionally(cause);
            }
        }));
        return result;
    }

    private void shown(ContractSigning.Signed done) {
        VerificationReport one = new VerificationReport(clock.instant(), 0, List.of(done.signature()), List.of());
        signed.set(true);
        status.set(MessageFormat.format(bundle.getString("signing.done"), done.commandId()));
        report.set(bundle.getString(done.signature().valid() ? "signing.valid" : "signing.invalid") + "\n"
                + one.toText(language.locale()));
    }

    private SigningKeySource keySource() throws SigningException {
        if (sourceKind.get() == KeySourceKind.PKCS12) {
            if (pkcs12File.get() == null) {
                throw new IllegalStateException(bundle.getString("signing.file.none"));
            }
            return new Pkcs12KeySource(pkcs12File.get());
        }
        Pkcs11Slot chosen = slot.get();
        if (library.get() == null || chosen == null) {
            throw new IllegalStateException(bundle.getString("signing.slots.none"));
        }
        Pkcs11Module module = Pkcs11Module.forLibrary(library.get().path());
        return chosen.label().isPresent() ? module.token(chosen.label().get()) : module.slot(chosen.index());
    }

    private SignatureRequest request() {
        SignatureLevel chosen = level.get() == null ? SignatureLevel.B_B : level.get();
        if (chosen.needsTimestamp() && tsaUrl == null) {
            throw new IllegalStateException(bundle.getString("signing.level.noTsa"));
        }
        return new SignatureRequest(keyAlias.get() == null ? "" : keyAlias.get().strip(), chosen,
                chosen.needsTimestamp() ? timestamps() : null, RsaPadding.PKCS1_V1_5,
                SignatureAppearanceInfo.none());
    }

    /** The TSA client: over the server's pinned TLS when the TSA is the server's own, else the JDK default. */
    Rfc3161Client timestamps() {
        return server != null && server.serves(tsaUrl) ? new Rfc3161Client(tsaUrl, server.httpClient())
                : new Rfc3161Client(tsaUrl);
    }

    private String words(Throwable e) {
        return UserMessages.known(e, language)
                .orElseGet(() -> MessageFormat.format(bundle.getString("signing.failed"), String.valueOf(e.getMessage())));
    }

    /** The seal's placement, or {@code null} when this dialog signs invisibly. */
    public SealPlacementViewModel seal() {
        return seal;
    }

    public ObjectProperty<KeySourceKind> sourceKindProperty() {
        return sourceKind;
    }

    public ObservableList<TokenLibraries.Library> libraries() {
        return libraries;
    }

    public ObjectProperty<TokenLibraries.Library> libraryProperty() {
        return library;
    }

    public ObservableList<Pkcs11Slot> slots() {
        return slots;
    }

    public ObjectProperty<Pkcs11Slot> slotProperty() {
        return slot;
    }

    public ObjectProperty<Path> pkcs12FileProperty() {
        return pkcs12File;
    }

    public StringProperty keyAliasProperty() {
        return keyAlias;
    }

    public ObjectProperty<SignatureLevel> levelProperty() {
        return level;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The new signature's verification in plain words. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedProperty() {
        return signed.getReadOnlyProperty();
    }
}
