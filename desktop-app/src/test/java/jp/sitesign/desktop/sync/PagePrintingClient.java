package jp.sitesign.desktop.sync;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.sync.ChangePage;

/**
 * A desktop client in a process of its own, for ClientCrashIT: logs in online, opens (or creates) the local
 * store and pulls the change feed page by page exactly as {@link SyncEngine} does (pull from the stored
 * checkpoint, apply the page with its checkpoint), saying on stdout when it starts and ends applying each
 * page, so the test can SIGKILL it in the middle of one.
 *
 * <p>Arguments: data home, server URL, server certificate (PEM file), user id; the password comes from
 * the environment variable {@code SITESIGN_TEST_PASSWORD}.
 */
public final class PagePrintingClient {
    private PagePrintingClient() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String url = args[1];
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        char[] password = System.getenv("SITESIGN_TEST_PASSWORD").toCharArray();
        ServerApi api = new ServerApi(URI.create(url), certificate);
        ServerApi.Login login = api.login(args[3], password);
        try (StoreSession store = new LocalStores(home).openOnline(url, login.userId(), login.companyId(), password)
                .session()) {
            int n = 0;
            ChangePage page;
            do {
                page = api.pull(login.token(), store.checkpoint(), SyncEngine.PAGE);
                n++;
                System.out.println("APPLYING " + n + " " + page.changes().size() + " " + page.checkpoint());
                store.apply(page);
                System.out.println("APPLIED " + n + " " + page.checkpoint());
            } while (page.more());
            System.out.println("DONE " + store.checkpoint());
        }
    }
}
