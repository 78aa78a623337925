package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import jp.sitesign.server.backup.BackupTables.Table;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;

/**
 * Takes a backup (ADR 12) from one snapshot of the database, so what it holds is consistent however
 * many writes run meanwhile: a full one (every row, and an index of them), a differential one (the rows
 * new or changed since a full one, and which rows exist), or a log backup (the audit log and the log
 * files). It is written into a hidden folder first and renamed when complete, so a backup that is seen
 * is whole.
 */
final class BackupWriter {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final java.util.Map<Manifest.Kind, String> SUFFIX = java.util.Map.of(Manifest.Kind.FULL, "full",
            Manifest.Kind.DIFFERENTIAL, "diff", Manifest.Kind.LOG, "log");

    private final Database db;
    private final ContentCipher cipher;
    private final Clock clock;

    BackupWriter(Database db, ContentCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Writes a backup into a new folder under {@code root}.
     *
     * @param base     for a differential: the full backup's folder (already verified by the caller)
     * @param logFiles for a log backup: the application's log files to include
     */
    Manifest write(Path root, BackupKey key, Manifest.Kind kind, Path base, List<Path> logFiles) {
        Instant now = clock.instant();
        try {
            Files.createDirectories(root);
            String id = freeId(root, ID.format(now) + "-" + SUFFIX.get(kind));
            Path work = Files.createDirectory(root.resolve("." + id + ".partial"));
            SealedPart.restrict(work);
            try {
                Manifest m = db.inSnapshot(c -> snapshot(c, work, id, now, key, kind, base, logFiles));
                m.write(work, key);
                Path done = root.resolve(id);
                Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
                return m;
            } catch (RuntimeException | IOException e) {
                deleteTree(work);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup into " + root + ": " + e.getMessage(), e);
        }
    }

    private Manifest snapshot(Connection c, Path dir, String id, Instant now, BackupKey key, Manifest.Kind kind,
            Path base, List<Path> logFiles) throws SQLException {
        SecretKey partKey = key.partKey(id);
        try {
            Manifest baseManifest = base == null ? null : Manifest.read(base, key);
            RowIndex baseIndex = base == null ? null
                    : RowIndex.read(base, RowIndex.FULL_PART, key.partKey(baseManifest.id()), baseManifest.id());
            List<Manifest.Part> parts = new ArrayList<>();
            RowIndex.Builder index = new RowIndex.Builder();
            int n = 0;
            for (Table t : BackupTables.ALL) {
                if (kind == Manifest.Kind.LOG && !t.inLogBackup()) {
                    continue;
                }
                String name = String.format("%02d-%s.part", n++, t.name());
                parts.add(new TableCopy(c, t, baseManifest, baseIndex, index).write(dir, name, partKey, id));
            }
            if (kind == Manifest.Kind.LOG) {
                for (Path f : logFiles) {
                    parts.add(copyFile(f, dir, "log-" + f.getFileName() + ".part", partKey, id));
                }
            } else {
                parts.add(CompanyKeys.write(c, cipher, key, dir, partKey, id));
                parts.add(index.build().write(dir, kind == Manifest.Kind.FULL ? RowIndex.FULL_PART
                        : RowIndex.PRESENT_PART, partKey, id));
            }
            long[] audit = auditRange(c);
            return new Manifest(Manifest.FORMAT, id, kind, now, baseManifest == null ? null : baseManifest.id(),
                    db.schemaVersion(), db.isPostgres() ? "PostgreSQL" : "H2", key.fingerprint(), feedCounter(c),
                    audit[0], audit[1], List.copyOf(parts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id, made unique in the folder should two backups of a kind start in the same millisecond. */
    private static String freeId(Path root, String id) {
        String candidate = id;
        for (int n = 2; Files.exists(root.resolve(candidate)) || Files.exists(root.resolve("." + candidate + ".partial")); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    String schemaVersion() {
        return db.schemaVersion();
    }

    private static Manifest.Part copyFile(Path file, Path dir, String name, SecretKey key, String id)
            throws IOException {
        SealedPart.Writer out = SealedPart.create(dir.resolve(name), key, TablePart.aad(id, name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
        SealedPart.Written w = out.finish();
        return new Manifest.Part(name, null, 0, w.bytes(), w.sha256());
    }

    private static long[] auditRange(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(seq), MAX(seq) FROM audit_events")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static long feedCounter(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT counter_value FROM sync_counter WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies one table into a part: all of it, or for a differential what changed since the base. */
    private static final class TableCopy {
        private final Connection c;
        private final Table table;
        private final Manifest base;
        private final RowIndex baseIndex;
        private final RowIndex.Builder index;

        TableCopy(Connection c, Table table, Manifest base, RowIndex baseIndex, RowIndex.Builder index) {
            this.c = c;
            this.table = table;
            this.base = base;
            this.baseIndex = baseIndex;
            this.index = index;
        }

        Manifest.Part write(Path dir, String name, SecretKey key, String id) throws SQLException, IOException {
            List<Rows.Column> all = columns();
            List<Rows.Column> read = all.stream().filter(col -> !table.immutable().contains(col.name())).toList();
            int[] keyAt = keyPositions(read);
            try (TablePart.Out out = new TablePart.Out(dir, name, key, id, table.name(), all)) {
                Object[] last = null;
                long after = table.kind() == BackupTables.Kind.APPEND && base != null ? base.auditMaxSeq() : Long.MIN_VALUE;
                while (true) {
                    List<Object[]> page = page(read, keyAt, last, after);
                    for (Object[] row : page) {
                        if (include(row, read, keyAt)) {
                            out.row(complete(row, read, all, keyAt));
                        }
                    }
                    if (page.size() < table.pageSize()) {
                        break;
                    }
                    last = page.get(page.size() - 1);
                }
                return out.finish();
            }
        }

        /** Records the row in this backup's index and says whether the part must carry it. */
        private boolean include(Object[] row, List<Rows.Column> read, int[] keyAt) {
            if (table.kind() == BackupTables.Kind.APPEND) {
                return true;
            }
            long keyHash = Rows.keyHash(row, keyAt);
            long digest = Rows.digest(row, read, table.immutable());
            index.add(table.name(), keyHash, digest);
            if (baseIndex == null) {
                return true;
            }
            Long before = baseIndex.digest(table.name(), keyHash);
            return before == null || before != digest;
        }

        private List<Rows.Column> columns() throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
                return Rows.columns(rs.getMetaData(), table.name());
            }
        }

        private int[] keyPositions(List<Rows.Column> cols) {
            int[] at = new int[table.key().size()];
            for (int k = 0; k < at.length; k++) {
                String name = table.key().get(k);
                at[k] = -1;
                for (int i = 0; i < cols.size(); i++) {
                    if (cols.get(i).name().equals(name)) {
                        at[k] = i;
                    }
                }
                if (at[k] < 0) {
                    throw new IllegalStateException(table.name() + " has no key column " + name);
                }
            }
            return at;
        }

        /** The next page in key order after {@code last} (keyset paging: no offset to skip through). */
        private List<Object[]> page(List<Rows.Column> cols, int[] keyAt, Object[] last, long after)
                throws SQLException {
            String key = String.join(", ", table.key());
            StringBuilder sql = new StringBuilder("SELECT ")
                    .append(String.join(", ", cols.stream().map(Rows.Column::name).toList()))
                    .append(" FROM ").append(table.name()).append(" WHERE 1 = 1");
            if (after != Long.MIN_VALUE) {
                sql.append(" AND ").append(table.key().get(0)).append(" > ?");
            }
            if (last != null) {
                sql.append(" AND (").append(key).append(") > (")
                        .append(String.join(", ", java.util.Collections.nCopies(keyAt.length, "?"))).append(')');
            }
            sql.append(" ORDER BY ").append(key).append(" LIMIT ").append(table.pageSize());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                if (after != Long.MIN_VALUE) {
                    ps.setLong(p++, after);
                }
                if (last != null) {
                    for (int k : keyAt) {
                        ps.setObject(p++, last[k]);
                    }
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Rows.read(rs, cols));
                    }
                }
                return rows;
            }
        }

        /** The row with every column, fetching the immutable ones (a document's bytes) by its key. */
        private Object[] complete(Object[] row, List<Rows.Column> read, List<Rows.Column> all, int[] keyAt)
                throws SQLException {
            if (read.size() == all.size()) {
                return row;
            }
            List<Rows.Column> missing = all.stream().filter(col -> table.immutable().contains(col.name())).toList();
            StringBuilder sql = new StringBuilder("SELECT ")
                    .append(String.join(", ", missing.stream().map(Rows.Column::name).toList()))
                    .append(" FROM ").append(table.name()).append(" WHERE ");
            for (int k = 0; k < keyAt.length; k++) {
                sql.append(k == 0 ? "" : " AND ").append(table.key().get(k)).append(" = ?");
            }
            Object[] fetched;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int k = 0; k < keyAt.length; k++) {
                    ps.setObject(k + 1, row[keyAt[k]]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    fetched = Rows.read(rs, missing);
                }
            }
            Object[] out = new Object[all.size()];
            int r = 0;
            int f = 0;
            for (int i = 0; i < all.size(); i++) {
                out[i] = table.immutable().contains(all.get(i).name()) ? fetched[f++] : row[r++];
            }
            return out;
        }
    }
}
