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
import jp.sitesign.desktop.settings.Remembered;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
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
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.Pkcs11Slot;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.model.signature.verify.CertificateRevocation;
import jp.sitesign.model.signature.verify.RevocationStatus;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.VerificationReport;

/**
 * The signing dialog: where the key is (a PKCS#11 token found by label, or a PKCS#12 file), which level, then
 * {@link ContractSigning} off the UI thread with the PIN the user typed. The PIN is handed to the key source
 * once and cleared; the dialog keeps no copy. The result is the new signature's verification in plain words
 * and the queued SIGN command; a failure names its cause in the user's language.
 *
 * <p>It says what is signed ({@link Subject}: 文書管理番号, title, counterparty, amount, the version and its
 * fingerprint) and, once the keys are read, whose key signs (subject, issuer, validity). It opens on the key
 * source and file last signed with ({@link Remembered}), at the level the settings name, and shows no error
 * before the user has done something: a reader without a token is a neutral hint until they look again.
 * After a signature the sign action is done ({@link #canSignProperty()} false) and the result is in words.
 */
public final class SigningViewModel {
    /** Where the signing key is. */
    public enum KeySourceKind { TOKEN, PKCS12 }

    /**
     * What is being signed, already in the user's words.
     *
     * @param number       文書管理番号 (may be empty)
     * @param title        the contract's title
     * @param counterparty the other party or parties
     * @param amount       "¥1,000（税込）", or empty
     * @param version      which version of the document: its number among the contract's versions (1 first)
     * @param sha256       the version's SHA-256 (hex); the dialog shows its first characters as a fingerprint
     */
    public record Subject(String number, String title, String counterparty, String amount, int version,
            String sha256) {
        /** The first 16 hex characters in groups of four: enough to compare with a printout. */
        public String fingerprint() {
            String hex = sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(16, hex.length()); i += 4) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(hex, i, Math.min(i + 4, hex.length()));
            }
            return out.toString();
        }
    }

    /**
     * A key the source holds, with what its certificate says.
     *
     * @param alias   the entry's name in the source (never shown on its own)
     * @param subject the holder: the certificate's CN, with its O when that says more
     * @param issuer  the issuing CA's CN
     */
    public record KeyChoice(String alias, String subject, String issuer, java.time.Instant notBefore,
            java.time.Instant notAfter) {
    }
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
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ObservableList<String[]> whatIsSigned = FXCollections.observableArrayList();
    private final ObservableList<KeyChoice> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyChoice> key = new SimpleObjectProperty<>(this, "key");
    private final ReadOnlyStringWrapper keyDescription = new ReadOnlyStringWrapper(this, "keyDescription", "");
    private final javafx.beans.binding.BooleanBinding canSign = busy.not().and(signed.not());
    private Remembered remembered;
    private DateDisplay dates = DateDisplay.of(DateStyle.SEIREKI);
    /** True until the user first acts: the initial look for tokens shows a hint, not an error. */
    private boolean quiet = true;

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
            forgetKeys();
            if (now == KeySourceKind.TOKEN) {
                findSlots();
            } else {
                error.set("");
                hint.set("");
            }
        });
        pkcs12File.addListener((obs, old, now) -> forgetKeys());
        slot.addListener((obs, old, now) -> forgetKeys());
        key.addListener((obs, old, now) -> {
            keyAlias.set(now == null ? "" : now.alias());
            keyDescription.set(now == null ? "" : describe(now));
        });
        if (!libraries.isEmpty()) {
            library.set(libraries.get(0));
        }
        quiet = false;
    }

    /**
     * Opens on the key source and PKCS#12 file last signed with, and remembers them after each signature.
     * The file chooser then starts in the last file's folder (in the demo, first in its tokens folder).
     */
    public SigningViewModel remember(Remembered memory) {
        this.remembered = memory;
        memory.keySource().ifPresent(k -> {
            try {
                KeySourceKind kind = KeySourceKind.valueOf(k);
                if (kind == KeySourceKind.PKCS12) {
                    sourceKind.set(kind);
                }
            } catch (IllegalArgumentException e) {
                // an unknown value: the default source
            }
        });
        memory.keyFile().ifPresent(pkcs12File::set);
        return this;
    }

    /** The level the settings name as default (設定 → 署名レベルの既定値), when this computer can make it. */
    public SigningViewModel defaultLevel(SignatureLevel preferred) {
        if (preferred != null && levels().contains(preferred)) {
            level.set(preferred);
        }
        return this;
    }

    /** What is signed, shown at the top of the dialog. */
    public SigningViewModel subject(Subject what) {
        whatIsSigned.setAll(List.<String[]>of(
                pair("signing.what.number", what.number()),
                pair("signing.what.title", what.title()),
                pair("signing.what.counterparty", what.counterparty()),
                pair("signing.what.amount", what.amount()),
                pair("signing.what.version", I18n.format(bundle, "signing.what.versionValue", what.version(),
                        what.fingerprint()))));
        return this;
    }

    /** How the key's validity and the signing time are written (西暦 unless set). */
    public SigningViewModel dates(DateDisplay display) {
        this.dates = display;
        return this;
    }

    private String[] pair(String key, String value) {
        return new String[] {bundle.getString(key), value == null || value.isBlank() ? "—" : value};
    }

    /** Asks for the PKCS#12 file, starting in the folder of the last one (or the demo's tokens folder). */
    public void chooseFile(DialogService dialogs) {
        java.nio.file.Path folder = pkcs12File.get() != null && pkcs12File.get().getParent() != null
                ? pkcs12File.get().getParent() : remembered == null ? null : remembered.keyFolder().orElse(null);
        dialogs.openFile(bundle.getString("signing.file.choose.title"),
                List.of(DialogService.FileKind.of(bundle.getString("signing.file.kind"), "*.p12", "*.pfx")), folder)
                .ifPresent(pkcs12File::set);
    }

    /**
     * Reads the keys the source holds with {@code pin} (cleared afterwards), off the UI thread: one key is
     * chosen at once, several are offered to choose from, each described by its certificate.
     */
    public CompletableFuture<List<KeyChoice>> readKeys(char[] pin) {
        error.set("");
        SigningKeySource source;
        try {
            source = keySource();
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
        busy.set(true);
        CompletableFuture<List<KeyChoice>> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try (KeySession session = source.open(what -> once.getAndSet(null))) {
                List<KeyChoice> found = new ArrayList<>();
                for (String alias : session.aliases()) {
                    found.add(choice(alias, session.key(alias).certificate()));
                }
                return found;
            } catch (SigningException e) {
                throw new CompletionException(e);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, background).whenComplete((found, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure == null) {
                keys.setAll(found);
                key.set(found.size() == 1 ? found.get(0) : null);
                hint.set(found.size() > 1 ? bundle.getString("signing.keys.choose") : "");
                result.complete(found);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                error.set(words(cause));
                result.completeExceptionally(cause);
            }
        }));
        return result;
    }

    private static KeyChoice choice(String alias, java.security.cert.X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        String cn = rdn(subject, org.bouncycastle.asn1.x500.style.BCStyle.CN);
        String o = rdn(subject, org.bouncycastle.asn1.x500.style.BCStyle.O);
        String holder = cn == null ? subject : o == null || cn.contains(o) ? cn : cn + "（" + o + "）";
        String issuerName = certificate.getIssuerX500Principal().getName();
        String issuer = rdn(issuerName, org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return new KeyChoice(alias, holder, issuer == null ? issuerName : issuer,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    private static String rdn(String name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        try {
            var rdns = new org.bouncycastle.asn1.x500.X500Name(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE, name)
                    .getRDNs(type);
            return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "山田 太郎（山田建設）— 発行元 X — 有効期間 2026/01/01〜2027/01/01". */
    public String describe(KeyChoice k) {
        return I18n.format(bundle, "signing.key.description", k.subject(), k.issuer(), dates.date(k.notBefore()),
                dates.date(k.notAfter()));
    }

    private void forgetKeys() {
        keys.clear();
        key.set(null);
    }

    /**
     * Lists the chosen library's slots that hold a token, by token label. When the dialog opens this is not
     * yet the user's doing: no token (or no library) is then a neutral hint, not an error.
     */
    public void findSlots() {
        slots.clear();
        slot.set(null);
        error.set("");
        hint.set("");
        if (library.get() == null) {
            return;
        }
        try {
            List<Pkcs11Slot> found = new ArrayList<>(Pkcs11Module.forLibrary(library.get().path()).slots().stream()
                    .filter(Pkcs11Slot::usable).toList());
            slots.setAll(found);
            if (found.isEmpty()) {
                (quiet ? hint : error).set(bundle.getString(quiet ? "signing.slots.insert" : "signing.slots.none"));
            } else {
                slot.set(found.get(0));
            }
        } catch (SigningException e) {
            (quiet ? hint : error).set(quiet ? bundle.getString("signing.slots.insert") : words(e));
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
        KeySourceKind kind = sourceKind.get();
        java.nio.file.Path file = pkcs12File.get();
        busy.set(true);
        hint.set("");
        status.set(bundle.getString("signing.signing"));
        CompletableFuture<ContractSigning.Signed> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                ContractSigning.Signed done = signing.sign(contractId, source, callback, request, placement);
                rememberSeal.run();
                if (remembered != null) {
                    remembered.signedWith(kind.name(), kind == KeySourceKind.PKCS12 ? file : null);
                }
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

    /**
     * The result in words: signed and queued for the server (no internal ids), valid or not, by whom and when;
     * a revocation status that cannot be checked yet — usual for a signature just made — is explained calmly.
     * The verifier's own text is kept for {@link #detailsProperty()}.
     */
    private void shown(ContractSigning.Signed done) {
        SignatureReport s = done.signature();
        VerificationReport one = new VerificationReport(clock.instant(), 0, List.of(s), List.of());
        signed.set(true);
        status.set(bundle.getString("signing.done.plain"));
        List<String> lines = new ArrayList<>();
        lines.add(bundle.getString(s.valid() ? "signing.valid" : "signing.invalid"));
        if (s.identity() != null && s.identity().subject() != null) {
            String cn = rdn(s.identity().subject(), org.bouncycastle.asn1.x500.style.BCStyle.CN);
            lines.add(I18n.format(bundle, "signing.result.signer", cn == null ? s.identity().subject() : cn));
        }
        if (s.signingTime() != null && s.signingTime().best() != null) {
            lines.add(I18n.format(bundle, "signing.result.time", dates.dateTime(s.signingTime().best())));
        }
        boolean unchecked = s.revocation() != null && s.revocation().certificates().stream()
                .map(CertificateRevocation::status).anyMatch(r -> r == RevocationStatus.UNKNOWN);
        if (s.valid() && (unchecked || s.revocation() == null || s.revocation().certificates().isEmpty())) {
            lines.add(bundle.getString("signing.result.revocationLater"));
        }
        report.set(String.join("\n", lines));
        details.set(one.toText(language.locale()));
    }

    SigningKeySource keySource() throws SigningException {
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

    SignatureRequest request() {
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

    /** Whether 署名する may be pressed: not while signing, and not again once this dialog has signed. */
    public javafx.beans.binding.BooleanBinding canSignProperty() {
        return canSign;
    }

    /** A neutral hint (insert the token; choose one of several keys), never an error. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The verifier's full text of the new signature, for experts. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** What is signed: label and value pairs (文書管理番号, title, counterparty, amount, version). */
    public ObservableList<String[]> whatIsSigned() {
        return whatIsSigned;
    }

    /** The keys read from the source ({@link #readKeys}); empty until then. */
    public ObservableList<KeyChoice> keys() {
        return keys;
    }

    /** The key chosen to sign with (the only one, or the user's choice of several); null: not read yet. */
    public ObjectProperty<KeyChoice> keyProperty() {
        return key;
    }

    /** Whose key signs: the chosen key's holder, issuer and validity; empty until a key is chosen. */
    public ReadOnlyStringProperty keyDescriptionProperty() {
        return keyDescription.getReadOnlyProperty();
    }
}
