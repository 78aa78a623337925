package jp.sitesign.desktop.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import jp.sitesign.desktop.settings.Remembered;
import jp.sitesign.desktop.signing.ContractSigning;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * Reading the selected contract (見読性): its PDF opens in the detail as soon as the contract is selected
 * (from this computer's copy, else downloaded, off the UI thread), and it can be saved and printed — by every
 * party, offline too when this computer holds the copy. Saving writes the stored version's bytes unchanged,
 * checked against its SHA-256, to a file the user chooses (the chooser starts in the last folder saved to).
 */
public final class ContractReading {
    private final ContractDetailViewModel detail;
    private final StoreSession store;
    private final ContractSigning.DocumentSource documents;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private DialogService dialogs;
    private Remembered remembered;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);

    public ContractReading(ContractDetailViewModel detail, StoreSession store, ContractSigning.DocumentSource documents,
            Executor background, Executor ui, ResourceBundle bundle) {
        this.detail = detail;
        this.store = store;
        this.documents = documents;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
    }

    /** Where the save dialog is asked (the main window's dialogs). */
    public ContractReading dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    /** Remembers the folder saved to; null: the chooser starts where the platform likes. */
    public ContractReading remembered(Remembered memory) {
        this.remembered = memory;
        return this;
    }

    /**
     * Opens the main PDF of each contract the detail shows, as soon as it is shown: another contract, or the
     * first of them. {@code preview} forgets the last contract's pages at once, so a contract without a PDF
     * yet never shows another's. A refresh of the same contract leaves the open document (a newer version the
     * detail opens itself). The preview shows it is loading from the moment the PDF is asked for, so a download
     * from the server is masked as the drawing is.
     */
    public ContractReading follow(jp.sitesign.desktop.preview.PreviewViewModel preview) {
        detail.contractProperty().addListener((obs, old, k) -> {
            available.set(k != null && k.mainDocument() != null);
            boolean another = k == null || old == null || !old.id().equals(k.id());
            if (another) {
                message.set("");
                preview.clear();
            }
            if (another && k != null && k.mainDocument() != null) {
                preview.loadingWhile(detail.openMainDocument());
            }
        });
        return this;
    }

    /**
     * Asks where to save the shown contract's PDF, then writes the stored version's bytes unchanged.
     *
     * @return the file written; empty when cancelled or failed (the message says why)
     */
    public CompletableFuture<Optional<Path>> saveAs() {
        ContractSnapshot k = detail.contractProperty().get();
        if (k == null || k.mainDocument() == null) {
            message.set(bundle.getString("contracts.reading.noDocument"));
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<Path> target = dialogs.saveFile(bundle.getString("contracts.reading.saveTitle"), fileName(k),
                DialogService.FileKind.of(bundle.getString("preview.pdfFiles"), "*.pdf"),
                remembered == null ? null : remembered.saveFolder().orElse(null));
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Path file = target.get();
        return CompletableFuture.supplyAsync(() -> {
            byte[] pdf = bytes(k);
            try {
                Path next = file.resolveSibling(file.getFileName() + ".part");
                Files.write(next, pdf);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (remembered != null) {
                remembered.savedTo(file);
            }
            return file;
        }, background).handleAsync((saved, failure) -> {
            if (failure != null) {
                message.set(failed("contracts.reading.saveFailed", failure));
                return Optional.<Path>empty();
            }
            message.set(I18n.format(bundle, "contracts.reading.saved", saved.toString()));
            return Optional.of(saved);
        }, ui);
    }

    /**
     * The shown contract's PDF as stored: this computer's copy, else downloaded (and then kept). Checked
     * against the SHA-256 the contract names, so what is saved or printed is exactly that version.
     */
    public byte[] bytes(ContractSnapshot k) {
        byte[] pdf = store.blobs().get(k.mainDocument()).orElseGet(() -> documents.fetch(k.id(), k.mainDocument()));
        String sha = sha256(pdf);
        if (!sha.equalsIgnoreCase(k.mainDocument())) {
            throw new IllegalStateException(I18n.format(bundle, "contracts.reading.mismatch", k.mainDocument(), sha));
        }
        return pdf;
    }

    /**
     * Prints the shown contract's PDF on {@code job}, which the user has set up in the printer dialog, off the UI
     * thread; the message says how many pages went to the printer.
     */
    public CompletableFuture<Integer> print(javafx.print.PrinterJob job) {
        ContractSnapshot k = detail.contractProperty().get();
        if (k == null || k.mainDocument() == null) {
            message.set(bundle.getString("contracts.reading.noDocument"));
            job.cancelJob();
            return CompletableFuture.completedFuture(0);
        }
        message.set(bundle.getString("contracts.reading.printing"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return PdfPrinting.print(job, bytes(k));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).handleAsync((pages, failure) -> {
            if (failure != null) {
                message.set(failed("contracts.reading.printFailed", failure));
                return 0;
            }
            message.set(pages < 0 ? bundle.getString("contracts.reading.printCancelled")
                    : I18n.format(bundle, "contracts.reading.printed", pages));
            return Math.max(0, pages);
        }, ui);
    }

    /**
     * 印刷: the operating system's printer dialog (owned by {@code owner}), then {@link #print}. Without any
     * printer the message says so.
     */
    public void printWithDialog(javafx.stage.Window owner) {
        javafx.print.PrinterJob job = javafx.print.PrinterJob.createPrinterJob();
        if (job == null) {
            message.set(bundle.getString("contracts.reading.noPrinter"));
            return;
        }
        if (job.showPrintDialog(owner)) {
            print(job);
        } else {
            job.cancelJob();
        }
    }

    /** The name the save dialog proposes: 文書管理番号 and title, without characters file systems refuse. */
    static String fileName(ContractSnapshot k) {
        String base = String.join(" ", java.util.stream.Stream.of(k.managementNumber(), k.title())
                .filter(s -> s != null && !s.isBlank()).toList());
        String safe = base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (safe.isEmpty() ? "contract" : safe) + ".pdf";
    }

    private String failed(String key, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof jp.sitesign.desktop.sync.OfflineException) {
            return bundle.getString("contracts.detail.documentOffline");
        }
        return I18n.format(bundle, key, String.valueOf(cause.getMessage()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What saving or printing last said (saved to …, printed n pages, or why not). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the shown contract has a document to save or print. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
