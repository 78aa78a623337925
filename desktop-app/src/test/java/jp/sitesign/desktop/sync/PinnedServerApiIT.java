package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import jp.sitesign.desktop.admin.AdminClient;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Certificate pinning through the Jersey client (ADR 32): the desktop talks only to the server whose
 * certificate the user confirmed. A server presenting any other certificate — here a valid one for the
 * same address — is refused in the TLS handshake, before a password, a token or a command leaves the
 * computer, on every path: the JSON calls, the admin client and the streamed document download.
 */
class PinnedServerApiIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static X509Certificate another;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        try (TestCa ca = TestCa.create("Another server")) {
            another = ca.root();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aServerPresentingAnotherCertificateThanThePinnedOneIsRefusedOnEveryPath() {
        URI base = URI.create(server.server().baseUrl());
        try (ServerApi pinnedElsewhere = new ServerApi(base, another)) {
            assertRefused(() -> pinnedElsewhere.login(a.member().value(), TestServer.PASSWORD.toCharArray()));
            assertRefused(() -> new AdminClient(pinnedElsewhere, () -> "a-token").me());
            AtomicInteger pieces = new AtomicInteger();
            assertRefused(() -> pinnedElsewhere.download("a-token", "K-1", "0".repeat(64), 0,
                    (offset, piece, total) -> pieces.incrementAndGet()));
            assertThat(pieces).as("nothing was received").hasValue(0);
        }
        // The same calls pinned to the server's own certificate go through: only the certificate differed.
        try (ServerApi pinned = new ServerApi(base, server.server().tls().certificate())) {
            ServerApi.Login login = pinned.login(a.member().value(), TestServer.PASSWORD.toCharArray());
            assertThat(new AdminClient(pinned, login::token).me().id()).isEqualTo(a.member().value());
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(OfflineException.class)
                .hasMessageContaining(base())
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining(DesktopMessage.SERVER_CERTIFICATE_CHANGED.en());
    }

    private static String base() {
        return server.server().baseUrl();
    }
}
