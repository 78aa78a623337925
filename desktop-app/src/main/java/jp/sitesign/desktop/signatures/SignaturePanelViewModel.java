package jp.sitesign.desktop.signatures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.model.signature.verify.DocumentFindingKind;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * The signature panel of the open PDF: every signature and document timestamp in the order they were
 * added, each with a traffic light and plain-language findings ({@link SignatureTexts}), plus the
 * verifier's full text for experts. Verification runs on {@code background} with the same verifier and the
 * same trust anchors as signing on this computer ({@link PadesVerifier}, the session's anchors); a document
 * opened while another is still being verified replaces it, and the older result is dropped.
 */
public final class SignaturePanelViewModel {
    private final Supplier<List<X509Certificate>> trustAnchors;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private SignatureTexts texts;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ObservableList<SignatureEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<SignatureEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<String> readOnlyWarnings = FXCollections.unmodifiableObservableList(warnings);
    /** Counts the documents asked for; only the newest one's result is shown. Read and written on the UI thread. */
    private long shown;

    /**
     * @param trustAnchors the session's anchors (asked at each verification: a later login may refresh them)
     * @param background   where PDFs are read and verified; never the UI thread
     * @param ui           the UI thread (Platform::runLater)
     */
    public SignaturePanelViewModel(Supplier<List<X509Certificate>> trustAnchors, Clock clock, Executor background,
            Executor ui, ResourceBundle bundle) {
        this.trustAnchors = trustAnchors;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
        this.texts = new SignatureTexts(bundle);
        clear();
    }

    /**
     * Follows the contract detail: verifies every document it shows, and forgets the result when another
     * contract (or none) is opened, or when a sync brings a newer main document of the same contract (the
     * detail then opens the new one, which is verified in turn). A refresh that leaves the main document as
     * it was keeps the result.
     */
    public void follow(ObservableValue<Path> shownDocument, ObservableValue<ContractSnapshot> contract) {
        shownDocument.addListener((obs, old, file) -> {
            if (file != null) {
                show(file);
            }
        });
        contract.addListener((obs, old, k) -> {
            if (k == null || old == null || !k.id().equals(old.id())
                    || !Objects.equals(k.mainDocument(), old.mainDocument())) {
                clear();
            }
        });
    }

    /**
     * Dates in the user's style (the settings' 西暦 or 和暦); they apply from the next document shown.
     */
    public SignaturePanelViewModel dates(jp.sitesign.desktop.ui.DateDisplay display) {
        this.texts = new SignatureTexts(bundle, display);
        return this;
    }

    /** No document open: nothing to verify. */
    public void clear() {
        shown++;
        busy.set(false);
        entries.clear();
        warnings.clear();
        details.set("");
        summary.set(bundle.getString("signatures.noDocument"));
    }

    /**
     * Verifies the PDF in {@code file} off the UI thread and shows the result. Call on the UI thread.
     *
     * @return completes (on the UI thread) once the result, or why there is none, is shown or dropped as stale
     */
    public CompletableFuture<Void> show(Path file) {
        Objects.requireNonNull(file, "file");
        long mine = ++shown;
        busy.set(true);
        entries.clear();
        warnings.clear();
        details.set("");
        summary.set(bundle.getString("signatures.verifying"));
        return CompletableFuture.supplyAsync(() -> verify(file), background).handleAsync((report, failure) -> {
            if (mine != shown) {
                return null;
            }
            busy.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                summary.set(texts.failure(cause));
                return null;
            }
            present(report);
            return null;
        }, ui);
    }

    private VerificationReport verify(Path file) {
        try {
            byte[] pdf = Files.readAllBytes(file);
            return new PadesVerifier(trustAnchors.get(), clock).verify(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (VerificationException e) {
            throw new CompletionException(e);
        }
    }

    private void present(VerificationReport report) {
        summary.set(texts.summary(report));
        entries.setAll(report.signatures().stream().map(texts::entry).toList());
        warnings.setAll(report.documentFindings().stream()
                .filter(f -> f.kind() != DocumentFindingKind.NO_SIGNATURES || !report.signatures().isEmpty())
                .map(texts::finding).toList());
        details.set(report.toText(bundle.getLocale()));
    }

    /** Whether a document is being verified (the view shows progress). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** One sentence over the entries: verifying, no signatures yet, all valid, some need attention, or failed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The verifier's full report for experts. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The signatures and document timestamps, in the order they were added. */
    public ObservableList<SignatureEntry> entries() {
        return readOnlyEntries;
    }

    /** Findings about the whole document (e.g. a signature removed later). */
    public ObservableList<String> warnings() {
        return readOnlyWarnings;
    }
}
