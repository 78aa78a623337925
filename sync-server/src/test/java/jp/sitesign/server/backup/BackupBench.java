package jp.sitesign.server.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/backup.sh): N contracts of which D have a PDF of B bytes on the embedded H2;
 * a full backup, then 1 % of the contracts changed and a differential one, then a restore of both into an
 * empty folder: time and size of each.
 */
public final class BackupBench {
    private BackupBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int bytes = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        MutableClock clock = MutableClock.running();
        try (TestServer server = TestServer.start(Map.of(), clock)) {
            TestServer.TestCompany a = server.createCompany("元請建設株式会社");
            TestServer.TestCompany b = server.createCompany("協力会社");
            long t0 = System.nanoTime();
            ContractSeeder seeder = new ContractSeeder(server.context());
            seeder.drafts(n, "B", a.id(), a.member(), a.member2(), List.of(b.id()), List.of(b.member()), new Random(7));
            seeder.documents(a.id(), documents, bytes, new Random(8));
            System.out.printf("seeded %,d contracts and %,d PDFs of %,d bytes in %.1f s%n", n, documents, bytes,
                    (System.nanoTime() - t0) / 1e9);
            Path dir = Files.createTempDirectory("sitesign-bench-backups-");
            Backups backups = server.context().backups();

            long f0 = System.nanoTime();
            Backups.Listing full = backups.createData(dir, true);
            double fullSeconds = (System.nanoTime() - f0) / 1e9;
            System.out.printf("full backup:          %6.1f s  %,15d bytes%n", fullSeconds, full.bytes());

            clock.advance(Duration.ofHours(1));
            int changed = server.context().db().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE contracts SET amount = amount + 1, revision ="
                        + " revision + 1 WHERE id IN (SELECT id FROM contracts ORDER BY id LIMIT ?)")) {
                    ps.setInt(1, n / 100);
                    return ps.executeUpdate();
                }
            });
            long d0 = System.nanoTime();
            Backups.Listing diff = backups.createData(dir, false);
            double diffSeconds = (System.nanoTime() - d0) / 1e9;
            System.out.printf("differential (%,d changed): %6.1f s  %,15d bytes (%.1f %% of the full)%n", changed,
                    diffSeconds, diff.bytes(), 100.0 * diff.bytes() / full.bytes());

            ServerConfig target = ServerConfig.load(Files.createTempDirectory("sitesign-bench-restore-"), Map.of(),
                    Map.of("host", "127.0.0.1"));
            long r0 = System.nanoTime();
            Backups.Restored restored = Backups.restore(dir, server.context().config().backupKeyFile(), 1, null, target,
                    Clock.systemUTC());
            double restoreSeconds = (System.nanoTime() - r0) / 1e9;
            System.out.printf("restore full + differential: %6.1f s  %,d rows (%.2f × the full backup's time)%n",
                    restoreSeconds, restored.rows(), restoreSeconds / fullSeconds);
        }
    }
}
