package jp.sitesign.desktop.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.document.Attachments;
import jp.sitesign.model.document.PdfCheck;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.DocumentKind;

/**
 * The editor's PDFs: the main contract PDF and up to {@value Attachments#MAX_PER_CONTRACT} attachments. A file
 * is checked here as the server checks it ({@link PdfCheck}, {@link Attachments}), kept in the local blob store
 * and attached by an ATTACH_DOCUMENT command; the upload follows with the next sync.
 */
public final class EditorDocuments {
    /** One attached PDF: its display name and content hash. */
    public record Document(String name, String sha256) {
    }

    private final StoreSession store;
    private final ContractEditorViewModel editor;
    private final Runnable commandSaved;
    private final Language language;
    private final ResourceBundle bundle;
    private final ReadOnlyStringWrapper mainName = new ReadOnlyStringWrapper(this, "mainName", "");
    private final ObservableList<Document> attachments = FXCollections.observableArrayList();

    EditorDocuments(StoreSession store, ContractEditorViewModel editor, Runnable commandSaved, Language language,
            ResourceBundle bundle) {
        this.store = store;
        this.editor = editor;
        this.commandSaved = commandSaved;
        this.language = language;
        this.bundle = bundle;
    }

    /** What the contract holds: the server's documents and the user's attach / remove commands not yet synced. */
    void load(LocalContract local) {
        ContractSnapshot k = local.current();
        mainName.set(k.mainDocument() == null ? "" : bundle.getString("editor.main.attached"));
        Map<String, Document> shown = new LinkedHashMap<>();
        for (ContractSnapshot.DocumentRef d : k.documents()) {
            if (DocumentKind.ATTACHMENT.name().equals(d.kind())) {
                shown.put(d.sha256(), new Document(d.name(), d.sha256()));
            }
        }
        for (OutboxEntry e : local.pending()) {
            Command c = e.command();
            if (c instanceof Command.AttachDocument a && a.documentKindOrMain() == DocumentKind.ATTACHMENT) {
                shown.put(a.documentSha256(), new Document(a.documentName(), a.documentSha256()));
            } else if (c instanceof Command.AttachDocument) {
                mainName.set(bundle.getString("editor.main.attached"));
            } else if (c instanceof Command.RemoveAttachment r) {
                shown.remove(r.documentSha256());
            }
        }
        attachments.setAll(shown.values());
    }

    /** Makes {@code file} the main PDF. */
    public boolean attachMain(Path file) {
        return attach(file, DocumentKind.MAIN);
    }

    /** Adds {@code file} as an attachment named after the file. */
    public boolean attachAttachment(Path file) {
        return attach(file, DocumentKind.ATTACHMENT);
    }

    /** Dropped files: the first becomes the main PDF while there is none, the others attachments. */
    public void drop(List<Path> files) {
        for (Path f : files) {
            boolean ok = mainName.get().isEmpty() ? attachMain(f) : attachAttachment(f);
            if (!ok) {
                return;
            }
        }
    }

    private boolean attach(Path file, DocumentKind kind) {
        ReadOnlyStringWrapper error = editor.errorWrapper();
        error.set("");
        try {
            String name = file.getFileName().toString();
            if (kind == DocumentKind.ATTACHMENT) {
                Attachments.checkRoom(attachments.size());
                name = Attachments.checkName(name);
            }
            byte[] pdf = readAtMost(file, PdfCheck.DEFAULT_MAX_BYTES + 1);
            new PdfCheck().check(pdf);
            if (editor.contractId().isEmpty() && !editor.save()) {
                return false;
            }
            editor.refreshRevision();
            String id = editor.contractId().orElseThrow();
            String sha = store.blobs().put(pdf);
            long base = editor.revision();
            store.outbox().append(kind == DocumentKind.MAIN ? Command.attach(id, base, sha)
                    : Command.attachAttachment(id, base, sha, name));
            editor.ownCommandQueued();
            commandSaved.run();
            if (kind == DocumentKind.MAIN) {
                mainName.set(name);
            } else {
                attachments.add(new Document(name, sha));
            }
            editor.messageWrapper().set(java.text.MessageFormat.format(bundle.getString("editor.attached"), name));
            return true;
        } catch (SiteSignException e) {
            error.set(file.getFileName() + ": " + UserMessages.of(e, language));
            return false;
        } catch (IOException e) {
            error.set(java.text.MessageFormat.format(bundle.getString("editor.readFailed"), file.getFileName(),
                    String.valueOf(e.getMessage())));
            return false;
        }
    }

    /** Reads no more than {@code limit} bytes, so a huge file is refused as too large without filling memory. */
    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /** Whether a dropped or chosen file looks like a PDF by name (the content is checked on attach). */
    public static boolean looksLikePdf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    public ReadOnlyStringProperty mainNameProperty() {
        return mainName.getReadOnlyProperty();
    }

    public ObservableList<Document> attachments() {
        return FXCollections.unmodifiableObservableList(attachments);
    }
}
