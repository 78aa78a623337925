package jp.sitesign.desktop.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.testing.TestServer;

/**
 * For bench/desktop.sh (not a test): the real server on loopback with N contracts visible to one member,
 * in its own process so the desktop process's memory is the app's alone. Writes {@code server.properties}
 * (address, certificate, login) into the given folder when ready and serves until its standard input ends.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("元請建設株式会社");
            TestServer.TestCompany b = server.createCompany("協力工業株式会社");
            new ContractSeeder(server.context()).drafts(n, "S", a.id(), a.member(), a.member2(), List.of(b.id()),
                    List.of(b.member()), new Random(7));
            Properties p = new Properties();
            p.setProperty("address", server.server().baseUrl());
            p.setProperty("user", a.member().value());
            p.setProperty("password", TestServer.PASSWORD);
            p.setProperty("contracts", Integer.toString(n));
            Files.writeString(dir.resolve("server.pem"), CertificatePem.encode(server.server().tls().certificate()),
                    StandardCharsets.US_ASCII);
            Path ready = dir.resolve("server.properties.tmp");
            try (var out = Files.newBufferedWriter(ready, StandardCharsets.UTF_8)) {
                p.store(out, "bench server");
            }
            Files.move(ready, dir.resolve("server.properties"));
            System.out.printf("server ready with %,d contracts at %s%n", n, server.server().baseUrl());
            while (System.in.read() >= 0) {
                // serve until the script closes our input
            }
        }
    }
}
