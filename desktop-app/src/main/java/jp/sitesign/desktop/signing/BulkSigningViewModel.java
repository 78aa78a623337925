package jp.sitesign.desktop.signing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.settings.Remembered;
import jp.sitesign.desktop.signing.seal.SealMemory;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.SigningKeySource;

/**
 * The 一括署名 window: the contracts waiting on the user's signature (all ticked at first), one key source, level
 * and PIN for all of them, then {@link BulkSigning} off the UI thread with a progress of "3 / 5 件" and each
 * contract's result in its row. Where the key is and which level are chosen exactly as in the single dialog, with
 * its words and its memory of the last key source: its {@link SigningViewModel} is reused for them
 * ({@link #keys()}).
 *
 * <p>The seal follows the single dialog's default: the spot this user last put their seal by hand (same page from
 * the end, same place), or no visible seal — which is also all there is before the user has placed one, or
 * without a Japanese font. The PIN goes to the key once for the whole run and is cleared when the run ends.
 */
public final class BulkSigningViewModel {
    /** The seal on every document of the run. */
    public enum SealChoice { REMEMBERED, NONE }

    /** A contract waiting on the user's signature, in the user's words. */
    public record Entry(String contractId, String number, String title, String counterparty, String amount) {
    }

    /** A row of the list: the contract, whether it is ticked, and its result once the run has reached it. */
    public static final class Row {
        private final Entry entry;
        private final BooleanProperty ticked = new SimpleBooleanProperty(this, "ticked", true);
        private final ReadOnlyObjectWrapper<BulkSigning.Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

        Row(Entry entry) {
            this.entry = entry;
        }

        public Entry entry() {
            return entry;
        }

        public BooleanProperty tickedProperty() {
            return ticked;
        }

        public ReadOnlyObjectProperty<BulkSigning.Outcome> outcomeProperty() {
            return outcome.getReadOnlyProperty();
        }

        /** 署名中…, 署名しました（有効）, or why it was not signed. */
        public ReadOnlyStringProperty resultProperty() {
            return result.getReadOnlyProperty();
        }
    }

    private final BulkSigning bulk;
    private final SigningViewModel keys;
    private final Executor background;
    private final Executor ui;
    private final Language language;
    private final ResourceBundle bundle;
    private final SealRule remembered;
    private final String sealUnavailable;
    private Remembered memory;
    private Runnable afterRun = () -> { };

    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.tickedProperty()});
    private final ObjectProperty<SealChoice> seal = new SimpleObjectProperty<>(this, "seal", SealChoice.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final IntegerBinding tickedCount = Bindings.createIntegerBinding(
            () -> (int) rows.stream().filter(r -> r.tickedProperty().get()).count(), rows);
    private final BooleanBinding canSign = busy.not().and(finished.not()).and(tickedCount.greaterThan(0));

    /**
     * @param keys        the single dialog's key source and level choice (its contract and seal are not used)
     * @param sealMemory  where the single dialog remembers each user's seal spot
     * @param font        the seal's font; empty: no visible seal (as the single dialog)
     * @param companyName the signer's company for the seal text, or {@code null}
     */
    public BulkSigningViewModel(BulkSigning bulk, SigningViewModel keys, SealMemory sealMemory, String userId,
            Optional<Path> font, String companyName, Executor background, Executor ui, Language language,
            ResourceBundle bundle) {
        this.bulk = bulk;
        this.keys = keys;
        this.background = background;
        this.ui = ui;
        this.language = language;
        this.bundle = bundle;
        Optional<SealMemory.Spot> spot = font.isEmpty() ? Optional.empty() : sealMemory.recall(userId);
        this.remembered = spot.map(s -> SealRule.remembered(s, font.get(), companyName)).orElse(null);
        this.sealUnavailable = font.isEmpty() ? bundle.getString("bulk.seal.noFont")
                : spot.isEmpty() ? bundle.getString("bulk.seal.notYetPlaced") : "";
        spot.ifPresent(s -> seal.set(SealChoice.REMEMBERED));
    }

    /** Remembers the key source and file after a run that signed something, as the single dialog does. */
    public BulkSigningViewModel remember(Remembered last) {
        this.memory = last;
        keys.remember(last);
        return this;
    }

    /** What runs after a run has queued signatures (the section's refresh and sync). */
    public BulkSigningViewModel afterRun(Runnable action) {
        this.afterRun = action;
        return this;
    }

    /** Reads the contracts waiting on the user's signature off the UI thread; all ticked. */
    public CompletableFuture<Void> load(Supplier<List<Entry>> waiting) {
        return CompletableFuture.supplyAsync(waiting, background).handleAsync((found, failure) -> {
            if (failure != null) {
                error.set(words(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure));
                return null;
            }
            rows.setAll(found.stream().map(Row::new).toList());
            status.set(found.isEmpty() ? bundle.getString("bulk.none") : "");
            return null;
        }, ui);
    }

    /** The question before signing: "5 件の契約に署名します。". */
    public String confirmation() {
        return I18n.format(bundle, "bulk.confirm.text", tickedCount.get());
    }

    /**
     * Signs the ticked contracts with {@code pin} (cleared when the run ends, or at once if the input is refused).
     * The rows, progress and status change on the UI executor; the future completes after they have.
     */
    public CompletableFuture<List<BulkSigning.Result>> sign(char[] pin) {
        error.set("");
        List<Row> chosen = rows.stream().filter(r -> r.tickedProperty().get()).toList();
        SigningKeySource source;
        SignatureRequest request;
        try {
            source = keys.keySource();
            request = keys.request();
        } catch (SigningException | IllegalStateException e) {
            Arrays.fill(pin, '\0');
            error.set(e instanceof SigningException ? words(e) : e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        SealRule rule = seal.get() == SealChoice.REMEMBERED && remembered != null ? remembered : SealRule.invisible();
        SigningViewModel.KeySourceKind kind = keys.sourceKindProperty().get();
        Path file = keys.pkcs12FileProperty().get();
        AtomicReference<char[]> once = new AtomicReference<>(pin);
        cancelled.set(false);
        busy.set(true);
        rows.forEach(r -> {
            r.outcome.set(null);
            r.result.set("");
        });
        progressAt(0, chosen.size());
        status.set(bundle.getString("bulk.signing"));
        CompletableFuture<List<BulkSigning.Result>> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return bulk.sign(chosen.stream().map(r -> r.entry().contractId()).toList(), source,
                        what -> once.getAndSet(null), request, rule, listener(chosen), cancelled::get);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, background).whenComplete((done, failure) -> {
            if (failure == null && memory != null && done.stream().anyMatch(r -> r.signed() != null)) {
                memory.signedWith(kind.name(), kind == SigningViewModel.KeySourceKind.PKCS12 ? file : null);
            }
            ui.execute(() -> {
                busy.set(false);
                if (failure == null) {
                    long signed = done.stream().filter(r -> r.outcome() == BulkSigning.Outcome.SIGNED).count();
                    // Once something is signed the window is done (signing it again would queue a second SIGN);
                    // reopened, it lists only what still waits. With nothing signed (a mistyped PIN) the user may
                    // simply try again.
                    finished.set(signed > 0);
                    status.set(I18n.format(bundle, "bulk.done", signed, done.size() - signed));
                    result.complete(done);
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    finished.set(true);
                    status.set("");
                    error.set(words(cause));
                    result.completeExceptionally(cause);
                }
                afterRun.run();
            });
        });
        return result;
    }

    private BulkSigning.Listener listener(List<Row> chosen) {
        return new BulkSigning.Listener() {
            @Override
            public void starting(int done, int total, String contractId) {
                ui.execute(() -> row(chosen, contractId).result.set(bundle.getString("bulk.row.signing")));
            }

            @Override
            public void finished(int done, int total, BulkSigning.Result r) {
                ui.execute(() -> {
                    Row row = row(chosen, r.contractId());
                    row.outcome.set(r.outcome());
                    row.result.set(text(r));
                    progressAt(done, total);
                });
            }
        };
    }

    private static Row row(List<Row> chosen, String contractId) {
        return chosen.stream().filter(r -> r.entry().contractId().equals(contractId)).findFirst().orElseThrow();
    }

    private void progressAt(int done, int total) {
        progress.set(total == 0 ? 0 : (double) done / total);
        progressText.set(I18n.format(bundle, "bulk.progress", done, total));
    }

    private String text(BulkSigning.Result r) {
        if (r.outcome() == BulkSigning.Outcome.SIGNED) {
            return bundle.getString(r.signed().signature().valid() ? "bulk.row.signed" : "bulk.row.signedInvalid");
        }
        return I18n.format(bundle, r.outcome() == BulkSigning.Outcome.FAILED ? "bulk.row.failed" : "bulk.row.notSigned",
                language.pick(r.reasonJa(), r.reasonEn()));
    }

    /** Stops the run before the next contract; the one being signed is finished. */
    public void cancel() {
        if (busy.get()) {
            cancelled.set(true);
            status.set(bundle.getString("bulk.cancelling"));
        }
    }

    private String words(Throwable e) {
        return UserMessages.known(e, language).orElseGet(() -> I18n.format(bundle, "signing.failed",
                String.valueOf(e.getMessage())));
    }

    /** Ticks every row, or none. */
    public void tickAll(boolean tick) {
        rows.forEach(r -> r.tickedProperty().set(tick));
    }

    /** Where the key is and which level: the single dialog's choices. */
    public SigningViewModel keys() {
        return keys;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The seal on every document; {@link SealChoice#REMEMBERED} only where {@link #canUseRememberedSeal()}. */
    public ObjectProperty<SealChoice> sealProperty() {
        return seal;
    }

    /** Whether the user has placed a seal by hand before (and a font is here): the single dialog's default spot. */
    public boolean canUseRememberedSeal() {
        return remembered != null;
    }

    /** Why only an invisible signature is offered (no font, or no seal placed yet); empty when both are. */
    public String sealUnavailable() {
        return sealUnavailable;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once a run has signed something (or broke off): 閉じる is what is left. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 / 5 件". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many contracts are ticked. */
    public IntegerBinding tickedCount() {
        return tickedCount;
    }

    /** Whether 署名する may be pressed: something ticked, not while signing, not again after a run that signed. */
    public BooleanBinding canSignProperty() {
        return canSign;
    }
}
