package jp.sitesign.desktop.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.sync.ServerApi.SignaturePolicy;
import jp.sitesign.model.crypto.CertificatePem;

/**
 * The server's signature policy kept beside the local store: its trust anchors as PEM, so a signature made
 * offline is checked against the same certificates the server will use, and in a sibling file the URL of the
 * server's timestamp server, so signatures made offline are still timestamped with it (B-T) when the TSA is
 * reachable. Public information only.
 */
final class TrustAnchorFile {
    static final String NAME = "trust-anchors.pem";
    static final String TSA_NAME = "server-tsa-url.txt";

    private TrustAnchorFile() {
    }

    /** Fetches the policy and keeps it; when the fetch fails, the kept one. */
    static SignaturePolicy refresh(Path folder, Supplier<SignaturePolicy> fetch) {
        try {
            SignaturePolicy policy = fetch.get();
            StringBuilder pem = new StringBuilder();
            policy.trustAnchors().forEach(c -> pem.append(CertificatePem.encode(c)));
            write(folder.resolve(NAME), pem.toString());
            write(folder.resolve(TSA_NAME), policy.tsaUrl() == null ? "" : policy.tsaUrl().toString());
            return policy;
        } catch (OfflineException e) {
            return read(folder);
        }
    }

    /** Whether an online login kept the policy here before (then a login need not wait for the server's). */
    static boolean kept(Path folder) {
        return Files.exists(folder.resolve(NAME));
    }

    static SignaturePolicy read(Path folder) {
        return new SignaturePolicy(anchors(folder.resolve(NAME)), tsaUrl(folder.resolve(TSA_NAME)));
    }

    private static List<X509Certificate> anchors(Path file) {
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

    /** The kept TSA URL; none when the file is missing (kept by an older version), empty or unreadable. */
    private static URI tsaUrl(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : URI.create(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
