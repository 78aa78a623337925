package jp.sitesign.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OnlineLogin;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in to the desktop app online and offline, against the real server on loopback; the own company's name
 * (for the seal) comes with the login and is kept for offline starts.
 */
class DesktopSessionIT {
    static TestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ca = jp.sitesign.model.signature.testing.TestCa.create("SiteSign session test CA");
        Path anchor = jp.sitesign.model.signature.testing.TestCa.writePem(
                java.nio.file.Files.createTempDirectory("anchors-").resolve("root.pem"), ca.root());
        server = TestServer.start(Map.of("port", Integer.toString(port), "trust.anchors", anchor.toString()));
    }

    static jp.sitesign.model.signature.testing.TestCa ca;

    @AfterAll
    static void stop() {
        server.close();
        ca.close();
    }

    private DesktopSession login(String userId, String password) {
        return DesktopSession.login(new LocalStores(home), URI.create(server.server().baseUrl()),
                server.server().tls().certificate(), userId, password.toCharArray(), Clock.systemUTC());
    }

    private static ContractDraft draft(String title) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 12, 1), 770_000L, true,
                false, null, null, null, List.of(), List.of(), null, null);
    }

    @Test
    void afterOneOnlineLoginTheUserLogsInOfflineWithTheSamePassword_andNotWithAnother() {
        TestServer.TestCompany c = server.createCompany("オフライン建設株式会社");
        String id = UUID.randomUUID().toString();
        try (DesktopSession online = login(c.member().value(), TestServer.PASSWORD)) {
            assertThat(online.storeKind()).isEqualTo(OnlineLogin.Kind.CREATED);
            assertThat(online.trustAnchors()).containsExactly(ca.root());
            assertThat(online.store().companyName()).as("for the seal's company line").contains("オフライン建設株式会社");
            online.store().outbox().append(Command.createDraft(id, draft("山間部 法面工事")));
            online.engine().syncOnce();
        }
        server.server().close();
        try {
            try (DesktopSession offline = login(c.member().value(), TestServer.PASSWORD)) {
                assertThat(offline.trustAnchors()).as("kept for signing offline").containsExactly(ca.root());
                assertThat(offline.store().companyName()).as("the seal names the company offline too")
                        .contains("オフライン建設株式会社");
                assertThat(offline.store().contracts().current(id)).get()
                        .satisfies(k -> assertThat(k.current().title()).isEqualTo("山間部 法面工事"));
            }
            assertThatThrownBy(() -> login(c.member().value(), "Wrong-password-123"))
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED));
            assertThatThrownBy(() -> login(c.admin().value(), TestServer.PASSWORD)).as("never logged in here")
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCAL_STORE_MISSING));
        } finally {
            server.restart();
        }
    }

    @Test
    void anOfflineSessionSendsItsWorkByItselfWhenTheServerComesBack() {
        TestServer.TestCompany c = server.createCompany("圏外工務店");
        try (DesktopSession first = login(c.member().value(), TestServer.PASSWORD)) {
            first.engine().syncOnce();
        }
        String id = UUID.randomUUID().toString();
        server.server().close();
        DesktopSession offline;
        try {
            offline = login(c.member().value(), TestServer.PASSWORD);
            offline.store().outbox().append(Command.createDraft(id, draft("トンネル内 照明工事")));
            offline.commandSaved();
            waitFor(() -> offline.engine().state().lastErrorJa() != null);
            assertThat(offline.engine().state().online()).isFalse();
        } finally {
            server.restart();
        }
        try (offline) {
            String admin = server.api().login(c.admin().value(), TestServer.PASSWORD);
            waitFor(() -> server.api().get("/api/v1/contracts/" + id, admin).status() == 200);
            waitFor(() -> offline.engine().state().online() && offline.engine().state().pendingCommands() == 0);
        }
    }

    @Test
    void aPasswordChangeReWrapsTheLocalKey() {
        TestServer.TestCompany c = server.createCompany("鍵替え建設");
        String next = "Newer-passw0rd-2026";
        try (DesktopSession s = login(c.member().value(), TestServer.PASSWORD)) {
            s.changePassword(TestServer.PASSWORD.toCharArray(), next.toCharArray());
        }
        server.server().close();
        try {
            try (DesktopSession offline = login(c.member().value(), next)) {
                assertThat(offline.store().user().value()).isEqualTo(c.member().value());
            }
            assertThatThrownBy(() -> login(c.member().value(), TestServer.PASSWORD))
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED));
        } finally {
            server.restart();
        }
        try (DesktopSession online = login(c.member().value(), next)) {
            assertThat(online.storeKind()).as("the same store, opened with the new password")
                    .isEqualTo(OnlineLogin.Kind.OPENED);
        }
    }

    @Test
    void afterAForcedPasswordChangeTheSessionHasTheServersTrustAnchors() {
        TestServer.TestCompany c = server.createCompany("初回変更建設");
        server.context().auth().setPassword(c.member(), "One-time-pass-2026", true);
        try (DesktopSession s = login(c.member().value(), "One-time-pass-2026")) {
            assertThat(s.mustChangePassword()).isTrue();
            assertThat(s.trustAnchors()).isEmpty();
            s.changePassword("One-time-pass-2026".toCharArray(), "Chosen-passw0rd-2026".toCharArray());
            assertThat(s.trustAnchors()).containsExactly(ca.root());
        }
    }

    /** Polls until true; the bound only keeps a broken build from hanging. */
    private static void waitFor(BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("condition not reached");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
