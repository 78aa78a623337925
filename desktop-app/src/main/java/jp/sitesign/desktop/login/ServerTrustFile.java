package jp.sitesign.desktop.login;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import jp.sitesign.model.crypto.CertificatePem;

/**
 * The server this computer talks to, as confirmed on first run: its address in {@code server.properties}
 * and its pinned certificate in {@code server.pem}, both in the data home. Present means first run is
 * done; nothing in them is secret (the certificate is public, and trusting it was the user's decision).
 */
public final class ServerTrustFile {
    static final String ADDRESS_FILE = "server.properties";
    static final String CERTIFICATE_FILE = "server.pem";
    private static final String URL = "server.url";

    /** The confirmed server. */
    public record ServerTrust(URI address, X509Certificate certificate) {
    }

    private final Path home;

    public ServerTrustFile(Path dataHome) {
        this.home = dataHome;
    }

    /** The confirmed server, or empty before first run (or when either file is missing or damaged). */
    public Optional<ServerTrust> load() {
        Path props = home.resolve(ADDRESS_FILE);
        Path pem = home.resolve(CERTIFICATE_FILE);
        if (!Files.isRegularFile(props) || !Files.isRegularFile(pem)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            String url = p.getProperty(URL);
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            List<X509Certificate> certs = CertificatePem.decode(Files.readAllBytes(pem));
            return certs.isEmpty() ? Optional.empty() : Optional.of(new ServerTrust(URI.create(url.strip()), certs.get(0)));
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records the confirmed server; the certificate first, so a crash never leaves an address without it. */
    public void save(ServerTrust trust) {
        try {
            Files.createDirectories(home);
            String pem = CertificatePem.encode(trust.certificate());
            writeAtomically(home.resolve(CERTIFICATE_FILE), pem);
            Properties p = new Properties();
            p.setProperty(URL, trust.address().toString());
            Path tmp = home.resolve(ADDRESS_FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "SiteSign server confirmed on first run");
            }
            Files.move(tmp, home.resolve(ADDRESS_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server settings to " + home, e);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
