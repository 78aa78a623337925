package jp.sitesign.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import jp.sitesign.desktop.store.LocalStores;

/**
 * A desktop client started in a process of its own by a crash test, from its arguments (data home, server
 * URL, server certificate PEM file, user id) and the password in {@code SITESIGN_TEST_PASSWORD}: logged in
 * online, with its local stores.
 */
public record ChildClient(String url, ServerApi api, ServerApi.Login login, LocalStores stores, char[] password) {

    public static ChildClient fromArgs(String[] args) throws IOException, GeneralSecurityException {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        char[] password = System.getenv("SITESIGN_TEST_PASSWORD").toCharArray();
        ServerApi api = new ServerApi(URI.create(args[1]), certificate);
        return new ChildClient(args[1], api, api.login(args[3], password.clone()), new LocalStores(Path.of(args[0])),
                password);
    }

    /** Opens the user's local store as an online login does. */
    public jp.sitesign.desktop.store.StoreSession open() {
        return stores.openOnline(url, login.userId(), login.companyId(), password.clone()).session();
    }
}
