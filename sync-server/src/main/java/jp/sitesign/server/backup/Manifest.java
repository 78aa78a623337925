package jp.sitesign.server.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.WireJson;

/**
 * What one backup holds: its kind, when it was taken, the schema it was taken at, and every part with
 * its row count, size and SHA-256. The file is plain JSON (it names tables, not content); beside it
 * {@code manifest.mac} holds an HMAC-SHA256 of its exact bytes under a key from the backup key, so a
 * swapped, dropped or edited part — or an edited manifest — is caught before anything is restored.
 *
 * @param base          for a differential, the id of the full backup it is relative to
 * @param feedCounter   the change feed's counter at the snapshot
 * @param auditMinSeq   the lowest audit event number held (events before it were cut by retention)
 * @param auditMaxSeq   the highest audit event number at the snapshot
 */
record Manifest(int format, String id, Kind kind, Instant createdAt, String base, String schemaVersion,
        String database, String keyFingerprint, long feedCounter, long auditMinSeq, long auditMaxSeq,
        List<Part> parts) {

    static final int FORMAT = 1;
    static final String FILE = "manifest.json";
    static final String MAC_FILE = "manifest.mac";
    private static final ObjectMapper JSON = WireJson.create().enable(SerializationFeature.INDENT_OUTPUT);

    /** The kinds of backup (DESIGN §8). */
    enum Kind {
        /** Every row and document. */
        FULL,
        /** What changed since the full backup named by {@code base}. */
        DIFFERENTIAL,
        /** The login and operation logs in full, and the application's log files. */
        LOG
    }

    /**
     * One file of the backup.
     *
     * @param table the table whose rows it holds, or null for the keys, the index and log files
     */
    record Part(String name, String table, long rows, long bytes, String sha256) {
    }

    Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    long totalBytes() {
        return parts.stream().mapToLong(Part::bytes).sum();
    }

    void write(Path dir, BackupKey key) throws IOException {
        byte[] body = JSON.writeValueAsBytes(this);
        Path file = dir.resolve(FILE);
        Files.write(file, body);
        SealedPart.restrict(file);
        Path mac = dir.resolve(MAC_FILE);
        Files.writeString(mac, Digests.hex(Digests.hmacSha256(key.manifestKey(), body)) + "\n",
                StandardCharsets.US_ASCII);
        SealedPart.restrict(mac);
    }

    /** Reads a manifest without checking it: for listing a folder of backups without the key. */
    static Manifest peek(Path dir) throws IOException {
        return JSON.readValue(Files.readAllBytes(dir.resolve(FILE)), Manifest.class);
    }

    /** Reads and authenticates a backup's manifest; a wrong key and any change to it are named. */
    static Manifest read(Path dir, BackupKey key) {
        byte[] body;
        String mac;
        try {
            body = Files.readAllBytes(dir.resolve(FILE));
            mac = Files.readString(dir.resolve(MAC_FILE), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw damaged(dir, BackupMessage.PART_MISSING, e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifest m;
        try {
            m = JSON.readValue(body, Manifest.class);
        } catch (IOException e) {
            throw damaged(dir, BackupMessage.MANIFEST_UNREADABLE);
        }
        if (!key.fingerprint().equals(m.keyFingerprint())) {
            throw BackupMessage.OTHER_BACKUP_KEY.exception(m.id());
        }
        byte[] expected = Digests.hmacSha256(key.manifestKey(), body);
        if (!MessageDigest.isEqual(expected, hex(mac))) {
            throw damaged(dir, BackupMessage.MANIFEST_ALTERED);
        }
        return m;
    }

    private static byte[] hex(String s) {
        try {
            return Digests.unhex(s);
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    static SiteSignException damaged(Path dir, BackupMessage what, Object... details) {
        Object[] args = new Object[details.length + 1];
        args[0] = dir.getFileName();
        System.arraycopy(details, 0, args, 1, details.length);
        return what.exception(args);
    }
}
