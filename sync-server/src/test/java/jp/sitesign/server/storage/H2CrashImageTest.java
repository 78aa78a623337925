package jp.sitesign.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file, copied at any moment after a transaction returned, is what a crash at that
 * moment leaves (the copy's H2 has to recover it, as after {@code kill -9}): it must hold that transaction.
 * Deletes and updates leave free space between the chunks, so H2 writes chunks where its header did not
 * predict them — where H2 2.5.250 and 2.5.252 lost every later commit on recovery (ADR 11).
 */
class H2CrashImageTest {
    @TempDir
    Path live;
    @TempDir
    Path crashes;

    @Test
    void aCopyOfTheFileTakenRightAfterACommitRecoversThatCommit() {
        MasterKey key = MasterKey.loadOrCreate(live);
        try (Database db = Database.open(ServerConfig.load(live, Map.of()), key)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE crash_probe (id INT PRIMARY KEY, filler VARCHAR(2000))");
                }
                return null;
            });
            // The store was closed cleanly and opened again: the state every server start begins from.
        }
        try (Database db = Database.open(ServerConfig.load(live, Map.of()), key)) {
            for (int i = 1; i <= 60; i++) {
                int row = i;
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO crash_probe VALUES (?, REPEAT('x', ?))")) {
                        ps.setInt(1, row);
                        ps.setInt(2, 200 + row * 29 % 1700);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM crash_probe WHERE id = ?")) {
                        ps.setInt(1, row - 7);
                        ps.executeUpdate();
                    }
                    return null;
                });
                if (i % 6 == 0) {
                    assertThat(maxIdInCrashImage(i)).as("the newest row after commit " + i).isEqualTo(i);
                }
            }
        }
    }

    /** Copies the live file as a crash would leave it and opens the copy with the server's own settings. */
    private int maxIdInCrashImage(int n) {
        Path image = crashes.resolve("after-" + n);
        try {
            Files.createDirectories(image);
            Files.copy(live.resolve(MasterKey.FILE_NAME), image.resolve(MasterKey.FILE_NAME));
            Files.copy(live.resolve(Database.H2_FILE + ".mv.db"), image.resolve(Database.H2_FILE + ".mv.db"),
                    StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Database db = Database.open(ServerConfig.load(image, Map.of()), MasterKey.loadOrCreate(image))) {
            return db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM crash_probe")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        } finally {
            try (Stream<Path> files = Files.walk(image)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
