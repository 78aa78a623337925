package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a backup without restoring it: the manifest authenticates under the backup key, every part it
 * names is there with its size and SHA-256, decrypts (its GCM tag holds) and holds the rows the manifest
 * counts. The first problem is named; nothing is trusted before its check.
 */
final class BackupVerifier {
    private BackupVerifier() {
    }

    /** Verifies the backup in {@code dir} and returns its manifest; throws BACKUP_DAMAGED naming the first bad part. */
    static Manifest verify(Path dir, BackupKey key) {
        Manifest m = Manifest.read(dir, key);
        checkFiles(dir, m);
        for (Manifest.Part p : m.parts()) {
            long rows = readAll(dir, m, p, key);
            if (p.table() != null && rows != p.rows()) {
                throw Manifest.damaged(dir, BackupMessage.ROW_COUNT_MISMATCH, p.name(), rows, p.rows());
            }
        }
        return m;
    }

    /** Every part file exists with the size and SHA-256 the manifest gives: cheap, done before any decryption. */
    static void checkFiles(Path dir, Manifest m) {
        for (Manifest.Part p : m.parts()) {
            Path file = dir.resolve(p.name());
            try {
                if (!Files.isRegularFile(file)) {
                    throw Manifest.damaged(dir, BackupMessage.PART_MISSING, p.name());
                }
                if (Files.size(file) != p.bytes() || !SealedPart.sha256(file).equals(p.sha256())) {
                    throw Manifest.damaged(dir, BackupMessage.PART_ALTERED, p.name());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long readAll(Path dir, Manifest m, Manifest.Part p, BackupKey key) {
        try {
            if (p.table() == null) {
                try (InputStream in = SealedPart.open(dir.resolve(p.name()), key.partKey(m.id()),
                        TablePart.aad(m.id(), p.name()))) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return 0;
            }
            long rows = 0;
            try (TablePart.In in = new TablePart.In(dir, p.name(), key.partKey(m.id()), m.id())) {
                while (in.next() != null) {
                    rows++;
                }
            }
            return rows;
        } catch (IOException e) {
            throw Manifest.damaged(dir, BackupMessage.PART_UNDECRYPTABLE, p.name(), e.getMessage());
        }
    }
}
