package jp.sitesign.desktop.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.error.SiteSignException;

/**
 * Saves something the server makes (the list's export, a contract's evidence package) to the file the user chose:
 * downloaded off the UI thread, then one sentence on the UI thread — saved, offline, the server's own reason, or
 * the failure — from the messages {@code <prefix>.saved}, {@code .offline} and {@code .failed}.
 */
final class FileDownload {
    private FileDownload() {
    }

    static CompletableFuture<Void> save(Supplier<byte[]> download, Path target, Executor background, Executor ui,
            ResourceBundle bundle, String prefix, Consumer<String> message) {
        return CompletableFuture.runAsync(() -> {
            byte[] body = download.get();
            try {
                Files.write(target, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).handleAsync((done, failure) -> {
            message.accept(outcome(failure, target, bundle, prefix));
            return null;
        }, ui);
    }

    private static String outcome(Throwable failure, Path target, ResourceBundle bundle, String prefix) {
        Throwable cause = failure == null ? null : failure.getCause() == null ? failure : failure.getCause();
        if (cause == null) {
            return I18n.format(bundle, prefix + ".saved", target.getFileName());
        }
        if (cause instanceof OfflineException) {
            return bundle.getString(prefix + ".offline");
        }
        if (cause instanceof SiteSignException e) {
            return new ContractTexts(bundle, List.of()).error(e);
        }
        return I18n.format(bundle, prefix + ".failed", String.valueOf(cause.getMessage()));
    }
}
