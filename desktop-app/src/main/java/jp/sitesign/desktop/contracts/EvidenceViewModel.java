package jp.sitesign.desktop.contracts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.sitesign.model.evidence.EvidenceRules;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * The detail screen's "証拠一式を保存…": saves the server's evidence package of a completed contract (issue 15)
 * — the B-LTA PDF, the sealed 締結証明書 and the verification reports — to a ZIP the user chooses. Offered when
 * common-model's {@link EvidenceRules} say the contract has one; otherwise disabled with the reason. The server
 * builds the package, so saving needs a connection.
 */
public final class EvidenceViewModel {
    /** The server's download (online only). */
    @FunctionalInterface
    public interface Downloader {
        byte[] download(String path);
    }

    private final Downloader downloader;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available", false);
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private volatile ContractSnapshot contract;

    public EvidenceViewModel(Downloader downloader, Executor background, Executor ui, ResourceBundle bundle) {
        this.downloader = downloader;
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
    }

    /** Follows the contract the detail screen shows (null: none). */
    public void show(ContractSnapshot k) {
        if (contract == null || k == null || !contract.id().equals(k.id())) {
            message.set("");
        }
        contract = k;
        Optional<EvidenceRules.Refusal> refusal = k == null ? Optional.empty() : EvidenceRules.availability(k.progress());
        available.set(k != null && refusal.isEmpty());
        reason.set(refusal.map(r -> new ContractTexts(bundle, List.of()).reason(r.reasonJa(), r.reasonEn())).orElse(""));
    }

    /** A file name to suggest: the 文書管理番号, or the contract id. */
    public String suggestedFileName() {
        ContractSnapshot k = contract;
        String base = k == null ? "evidence" : k.managementNumber() == null ? k.id() : k.managementNumber();
        return "evidence-" + base.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".zip";
    }

    /** Downloads the package off the UI thread and writes it to {@code target}; says how it went. */
    public CompletableFuture<Void> save(Path target) {
        ContractSnapshot k = contract;
        if (k == null || !available.get()) {
            message.set(reason.get());
            return CompletableFuture.completedFuture(null);
        }
        message.set(bundle.getString("evidence.running"));
        return FileDownload.save(() -> downloader.download("/api/v1/contracts/" + k.id() + "/evidence"), target,
                background, ui, bundle, "evidence", message::set);
    }

    /** Whether the shown contract has an evidence package (it is completed). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** Why not, when it has none: the button's tooltip. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
