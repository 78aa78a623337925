package jp.sitesign.desktop.sync;

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
        ChildClient client = ChildClient.fromArgs(args);
        ServerApi api = client.api();
        ServerApi.Login login = client.login();
        try (StoreSession store = client.open()) {
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
