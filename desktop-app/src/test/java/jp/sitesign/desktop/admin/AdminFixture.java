package jp.sitesign.desktop.admin;

import java.net.URI;
import java.util.concurrent.Executor;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.TestServer;

/** The admin view models against a real server on loopback, calls run on the test's thread. */
final class AdminFixture {
    static final Executor NOW = Runnable::run;

    final TestServer server;
    final ServerApi api;

    AdminFixture(TestServer server) {
        this.server = server;
        this.api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
    }

    /** An admin client logged in as {@code user} (one login: PBKDF2 is slow on purpose). */
    AdminClient clientOf(UserId user) {
        String token = api.login(user.value(), TestServer.PASSWORD.toCharArray()).token();
        return new AdminClient(api, () -> token);
    }

    /** Tasks on this thread; a question to the user fails the test (none is scripted). */
    static AdminTasks tasks(Language language) {
        return tasks(language, new ScriptedDialogs());
    }

    /** Tasks on this thread whose questions {@code dialogs} answers. */
    static AdminTasks tasks(Language language, ScriptedDialogs dialogs) {
        return new AdminTasks(NOW, NOW, I18n.bundle(language)).dialogs(dialogs);
    }
}
