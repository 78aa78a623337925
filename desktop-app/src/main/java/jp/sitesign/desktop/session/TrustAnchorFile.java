package jp.sitesign.desktop.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.model.crypto.CertificatePem;

/**
 * The server's trust anchors, kept as PEM beside the local store so a signature made offline is checked
 * against the same certificates the server will use. Public certificates only.
 */
final class TrustAnchorFile {
    static final String NAME = "trust-anchors.pem";

    private TrustAnchorFile() {
    }

    /** Fetches the anchors and keeps them; when the fetch fails, the kept ones. */
    static List<X509Certificate> refresh(Path folder, Supplier<List<X509Certificate>> fetch) {
        try {
            List<X509Certificate> anchors = fetch.get();
            write(folder.resolve(NAME), anchors);
            return anchors;
        } catch (OfflineException e) {
            return read(folder);
        }
    }

    static List<X509Certificate> read(Path folder) {
        Path file = folder.resolve(NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return CertificatePem.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            return List.of();
        }
    }

    private static void write(Path file, List<X509Certificate> anchors) {
        StringBuilder pem = new StringBuilder();
        anchors.forEach(c -> pem.append(CertificatePem.encode(c)));
        try {
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
