package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup that was changed is refused by {@code verify} and by {@code restore}, naming what is wrong: a
 * flipped byte in a part, a part removed or swapped, an edited manifest or a missing MAC; and a backup
 * key other than the one it was made with is named as such.
 */
class BackupTamperIT {
    static TestServer server;
    static Path original;

    @TempDir
    Path work;
    Path backups;
    Path backup;

    @BeforeAll
    static void backUp() throws IOException {
        server = TestServer.start();
        server.createCompany("改ざん試験建設株式会社");
        original = Files.createTempDirectory("sitesign-tamper-");
        server.context().backups().createData(original, true);
    }

    @AfterAll
    static void stop() {
        server.close();
        BackupWriter.deleteTree(original);
    }

    @BeforeEach
    void copyTheBackup() throws IOException {
        backups = work.resolve("backups");
        try (Stream<Path> files = Files.walk(original)) {
            for (Path p : files.toList()) {
                Files.copy(p, backups.resolve(original.relativize(p).toString()));
            }
        }
        try (Stream<Path> dirs = Files.list(backups)) {
            backup = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Backups.verify(backup, key()).kind()).as("the untouched copy verifies").isEqualTo("FULL");
    }

    @Test
    void aFlippedByteInAPartIsNamed() throws IOException {
        Path part = backup.resolve(partOf("contract_parties"));
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(part, bytes);
        assertRefused(ErrorCode.BACKUP_DAMAGED, part.getFileName().toString());
    }

    @Test
    void aRemovedPartIsNamed() throws IOException {
        Path part = backup.resolve(partOf("users"));
        Files.delete(part);
        assertRefused(ErrorCode.BACKUP_DAMAGED, part.getFileName() + " is missing");
    }

    @Test
    void swappedPartsAreNamed() throws IOException {
        Path users = backup.resolve(partOf("users"));
        Path companies = backup.resolve(partOf("companies"));
        Path spare = work.resolve("spare");
        Files.move(users, spare);
        Files.move(companies, users);
        Files.move(spare, companies);
        assertRefused(ErrorCode.BACKUP_DAMAGED, partOf("companies"));
    }

    @Test
    void anEditedManifestIsNamed() throws IOException {
        Path manifest = backup.resolve(Manifest.FILE);
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, json.replaceFirst("\"rows\" : (\\d+)", "\"rows\" : 9$1"), StandardCharsets.UTF_8);
        assertRefused(ErrorCode.BACKUP_DAMAGED, "manifest.json was altered");
    }

    @Test
    void aMissingManifestMacIsNamed() throws IOException {
        Files.delete(backup.resolve(Manifest.MAC_FILE));
        assertRefused(ErrorCode.BACKUP_DAMAGED, "manifest.mac is missing");
    }

    @Test
    void anotherBackupKeyIsNamedAsTheWrongKey() {
        Path otherKey = work.resolve("other-backup.key");
        BackupKey.loadOrCreate(otherKey);
        Throwable verify = catchThrowable(() -> Backups.verify(backup, otherKey));
        assertThat(verify).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_KEY_UNUSABLE);
            assertThat(e.messageEn()).contains("was not made with this backup key");
            assertThat(e.messageJa()).contains("このバックアップ鍵で作られていません");
        });
        Throwable missing = catchThrowable(() -> Backups.verify(backup, work.resolve("no-such.key")));
        assertThat(missing).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_KEY_UNUSABLE));
    }

    /** Both verify and restore refuse, with the code and naming the problem; the restore target stays empty. */
    private void assertRefused(ErrorCode code, String named) {
        Throwable verify = catchThrowable(() -> Backups.verify(backup, key()));
        assertThat(verify).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageEn()).contains(named);
        });
        Path target = work.resolve("restored");
        Throwable restore = catchThrowable(() -> Backups.restore(backups, key(), 1, null,
                ServerConfig.load(target, Map.of(), Map.of()), Clock.systemUTC()));
        assertThat(restore).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageEn()).contains(named);
        });
        assertThat(target.resolve("sitesign.mv.db")).as("nothing was restored").doesNotExist();
    }

    private String partOf(String table) {
        try {
            return Manifest.peek(backup).parts().stream().filter(p -> table.equals(p.table())).findFirst()
                    .orElseThrow().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path key() {
        return server.context().config().backupKeyFile();
    }
}
