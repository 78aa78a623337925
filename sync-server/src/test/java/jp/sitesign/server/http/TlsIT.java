package jp.sitesign.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport promises of DESIGN §5 (TLS 1.2 and 1.3 only, AEAD suites with ECDHE, nothing in
 * clear), checked from outside with {@code openssl s_client}, a TLS stack the server did not write.
 */
class TlsIT {
    /** s_client's summary line, e.g. "New, TLSv1.2, Cipher is ECDHE-ECDSA-AES256-GCM-SHA384". */
    private static final Pattern SUMMARY = Pattern.compile("(?m)^New, (\\S+), Cipher is (\\S+)");
    /** e.g. "SSL handshake has read 0 bytes and written 111 bytes". */
    private static final Pattern TRAFFIC = Pattern.compile("handshake has read (\\d+) bytes and written (\\d+) bytes");

    static TestServer server;
    static Path serverCertificate;

    @BeforeAll
    static void start() throws IOException, CertificateEncodingException {
        requireOpenssl();
        server = TestServer.start();
        serverCertificate = Files.createTempFile("sitesign-tls-", ".pem");
        Files.writeString(serverCertificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(server.server().tls().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (serverCertificate != null) {
            Files.deleteIfExists(serverCertificate);
        }
    }

    @Test
    void tls13HandshakeSucceedsAndTheCertificateVerifiesFor127001() {
        Handshake h = sClient("-tls1_3");
        assertThat(h.exitCode()).as(h.output()).isZero();
        assertThat(h.protocol()).as(h.output()).isEqualTo("TLSv1.3");
        assertThat(h.cipher()).as(h.output()).matches("TLS_AES_(128|256)_GCM_SHA(256|384)");
        assertThat(h.output()).contains("Verify return code: 0 (ok)");
    }

    @Test
    void tls12HandshakeSucceedsWithAnAeadEcdheGcmSuite() {
        Handshake h = sClient("-tls1_2");
        assertThat(h.exitCode()).as(h.output()).isZero();
        assertThat(h.protocol()).as(h.output()).isEqualTo("TLSv1.2");
        assertThat(h.cipher()).as(h.output()).matches("ECDHE-(ECDSA|RSA)-AES(128|256)-GCM-SHA(256|384)");
        assertThat(h.output()).contains("Verify return code: 0 (ok)");
    }

    @Test
    void tls11IsRefusedByTheServerEvenWhenTheClientIsWillingToSpeakIt() {
        // SECLEVEL=0 lets Debian's openssl 3 offer TLS 1.1 at all; the refusal must then come from the server.
        Handshake h = sClient("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        assertRefusedByServer(h);
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefused() {
        Handshake h = sClient("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256");
        assertRefusedByServer(h);
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoHttpAnswer() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            // Only a guard against a hung build: both outcomes below (close, alert) come at once.
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = readUpTo(socket.getInputStream(), 64);
            String text = new String(reply, StandardCharsets.ISO_8859_1);
            assertThat(text).as("reply to a plain-HTTP request").doesNotStartWith("HTTP/");
            if (reply.length > 0) {
                assertThat(reply[0]).as("a TLS alert record, if anything").isEqualTo((byte) 0x15);
            }
        }
    }

    /**
     * The client sent its hello (so it was willing) and got no session: no protocol, no cipher, no server
     * certificate. Failures on the client's own side ("no protocols available") write nothing.
     */
    private static void assertRefusedByServer(Handshake h) {
        assertThat(h.exitCode()).as(h.output()).isNotZero();
        assertThat(h.bytesWritten()).as("the client sent a ClientHello\n" + h.output()).isPositive();
        assertThat(h.protocol()).as(h.output()).isEqualTo("(NONE)");
        assertThat(h.cipher()).as(h.output()).isEqualTo("(NONE)");
        assertThat(h.output()).contains("no peer certificate available");
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        byte[] buf = new byte[max];
        int n = 0;
        try {
            while (n < max) {
                int r = in.read(buf, n, max - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (SocketTimeoutException e) {
            fail("the server neither answered nor closed the connection");
        } catch (IOException e) {
            // A reset after the server drops the connection is also "no HTTP answer".
        }
        return Arrays.copyOf(buf, n);
    }

    private static Handshake sClient(String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + server.port(), "-CAfile", serverCertificate.toString(), "-verify_ip", "127.0.0.1",
                "-verify_return_error"));
        command.addAll(List.of(options));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("openssl s_client did not finish: " + output);
            }
            return new Handshake(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireOpenssl() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                fail("openssl is not usable here. Install it: apt-get install -y openssl");
            }
        } catch (IOException e) {
            fail("openssl is needed to check TLS from outside the JVM. Install it: apt-get install -y openssl");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What s_client printed and how it ended. */
    private record Handshake(int exitCode, String output) {
        String protocol() {
            return group(SUMMARY, 1);
        }

        String cipher() {
            return group(SUMMARY, 2);
        }

        int bytesWritten() {
            String n = group(TRAFFIC, 2);
            return n.isEmpty() ? 0 : Integer.parseInt(n);
        }

        private String group(Pattern p, int group) {
            Matcher m = p.matcher(output);
            return m.find() ? m.group(group) : "";
        }
    }
}
