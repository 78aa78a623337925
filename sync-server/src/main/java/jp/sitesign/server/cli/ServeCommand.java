package jp.sitesign.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.SiteSignServer;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServeLock;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.demo.DemoData;
import jp.sitesign.server.logging.ServerLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the HTTPS server and runs until stopped (Ctrl+C / SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTPS sync server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", description = "HTTPS port (default 8443; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--demo", description = "Demo mode: on first start create the two DEMO companies, their signing"
            + " keys and contracts in every status; print the logins and PINs; trust the DEMO CA and TSA.")
    boolean demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("port", port.toString());
        }
        if (host != null) {
            overrides.put("host", host);
        }
        if (demo) {
            overrides.put("demo", "true");
        }
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = common.config(overrides);
        if (config.port() == 0 && config.get("public-url").isBlank()) {
            // The port must be known before the context is made: the embedded CA writes this server's URL
            // into the certificates it issues and the DEMO TSA is reached at it (port 0 in them broke --demo).
            overrides.put("port", Integer.toString(freePort(config.host())));
            config = common.config(overrides);
        }
        DataDir.ensure(config.dataDir());
        ServeLock lock = ServeLock.acquire(config.dataDir());
        ServerLogging.toFiles(config);
        ServerContext ctx = new ServerContext(config, Clock.systemUTC());
        SiteSignServer server;
        try {
            server = SiteSignServer.start(ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        OperatorChannel operator = OperatorChannel.listen(ctx.config().dataDir(), ctx);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.close();
            server.close();
            ctx.close();
            lock.close();
            stopped.countDown();
        }, "sitesign-shutdown"));
        out.println("SiteSign server listening on " + server.baseUrl() + " (HTTPS only, TLS 1.2/1.3)");
        out.println("Data folder: " + ctx.config().dataDir().toAbsolutePath());
        out.println("Database: " + (ctx.config().isEmbeddedDatabase() ? "embedded H2 (AES-encrypted file)" : "PostgreSQL"));
        out.println("Server certificate SHA-256 fingerprint" + (server.tls().isGenerated() ? " (self-signed)" : "")
                + ":\n  " + server.tls().fingerprint());
        if (demo) {
            // For the README's demo: the desktop app is told to trust this server's certificate.
            java.nio.file.Path pem = ctx.config().dataDir().resolve("server-certificate.pem");
            try {
                java.nio.file.Files.writeString(pem, jp.sitesign.model.crypto.CertificatePem.encode(
                        server.tls().certificate()), java.nio.charset.StandardCharsets.US_ASCII);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("cannot write " + pem + ": " + e.getMessage());
            }
            out.println();
            boolean first = !DemoData.exists(ctx);
            if (first) {
                out.println("Creating the DEMO companies, signing keys and contracts (first start only)...");
                out.flush();
            }
            long started = System.nanoTime();
            String credentials = DemoData.ensure(ctx);
            out.println("=== DEMO logins, signing keys and contracts (デモ用アカウント・署名鍵・案件)"
                    + (first ? String.format(", made in %.1f s", (System.nanoTime() - started) / 1e9) : "") + " ===");
            out.print(credentials);
            out.println("=============================================================================");
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** A port free on {@code host} now; the server binds it right after (what "--port 0" promises). */
    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
