package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.backup.BackupTables.Table;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;

/**
 * Restores a full backup, or a full one and one of its differentials, into an empty data folder and
 * database (ADR 12): the schema is built at the backup's version, the rows go in table by table (a
 * differential's unchanged rows from the full one), the company keys are wrapped under the new folder's
 * master key, the audit chain's head is sealed under it and the chain checked, the change feed restarts
 * so every client pulls again, and the schema is migrated to this version.
 */
final class Restorer {
    private static final int BATCH = 500;

    private final Clock clock;

    Restorer(Clock clock) {
        this.clock = clock;
    }

    /** What a restore did. */
    record Result(Manifest restored, long rows, List<String> erasedCompanies) {
    }

    Result restore(Path full, Path differential, BackupKey key, ServerConfig target) {
        Manifest fullManifest = Manifest.read(full, key);
        Manifest diffManifest = differential == null ? null : Manifest.read(differential, key);
        if (fullManifest.kind() != Manifest.Kind.FULL
                || diffManifest != null && !fullManifest.id().equals(diffManifest.base())) {
            throw BackupMessage.FULL_BACKUP_NEEDED.exception();
        }
        BackupVerifier.checkFiles(full, fullManifest);
        if (diffManifest != null) {
            BackupVerifier.checkFiles(differential, diffManifest);
        }
        requireEmpty(target);
        Path keysFrom = differential == null ? full : differential;
        Manifest keysManifest = diffManifest == null ? fullManifest : diffManifest;
        DataDir.ensure(target.dataDir());
        MasterKey master = MasterKey.loadOrCreate(target.dataDir());
        try (Database db = Database.open(target, master, fullManifest.schemaVersion())) {
            ContentCipher cipher = new ContentCipher(master, new com.fasterxml.jackson.databind.ObjectMapper());
            Map<String, SecretKey> companyKeys = CompanyKeys.read(keysFrom, key, keysManifest.id());
            List<String> erased = new ArrayList<>();
            companyKeys.forEach((id, k) -> {
                if (k == null && !id.endsWith(CompanyKeys.PREVIOUS)) {
                    erased.add(id);
                }
            });
            RowIndex fullIndex = diffManifest == null ? null
                    : RowIndex.read(full, RowIndex.FULL_PART, key.partKey(fullManifest.id()), fullManifest.id());
            RowIndex present = diffManifest == null ? null
                    : RowIndex.read(differential, RowIndex.PRESENT_PART, key.partKey(diffManifest.id()), diffManifest.id());
            long rows = 0;
            for (Table t : BackupTables.ALL) {
                Inserter into = new Inserter(db, t, companyKeys, cipher);
                rows += into.fromFull(full, fullManifest, key, present, fullIndex, diffManifest);
                if (diffManifest != null) {
                    rows += into.fromDifferential(differential, diffManifest, key);
                }
            }
            finish(db, master, (diffManifest == null ? fullManifest : diffManifest).id());
            return new Result(diffManifest == null ? fullManifest : diffManifest, rows, erased);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a target that holds anything: a restore never mixes with or overwrites data. */
    private static void requireEmpty(ServerConfig target) {
        Path dir = target.dataDir();
        boolean filesThere = Files.exists(dir.resolve(MasterKey.FILE_NAME))
                || Files.exists(dir.resolve(Database.H2_FILE + ".mv.db"));
        if (filesThere || !target.isEmbeddedDatabase() && Database.hasSchema(target)) {
            throw BackupMessage.TARGET_NOT_EMPTY.exception((filesThere ? dir : target.dbUrl()));
        }
    }

    private void finish(Database db, MasterKey master, String backupId) {
        AuditLog audit = new AuditLog(db, clock, master);
        db.inTransaction(c -> {
            audit.resealHead(c);
            ChangeLog.restartAfterRestore(c);
            for (String table : BackupTables.IDENTITY) {
                restartIdentity(c, db.isPostgres(), table);
            }
            return null;
        });
        Optional<AuditChain.Break> broken = audit.verify();
        if (broken.isPresent()) {
            throw BackupMessage.RESTORED_CHAIN_BROKEN.exception(broken.get().description());
        }
        db.migrate(null);
        audit.append(new AuditLog.Entry("operator", null, AuditAction.BACKUP_RESTORED, backupId, AuditOutcome.SUCCESS,
                null, "restored at " + Instant.now(clock)));
    }

    private static void restartIdentity(Connection c, boolean postgres, String table) throws SQLException {
        long next;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            next = rs.getLong(1) + 1;
        }
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
            } else {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    /** Which rows of a part go into the restored table. */
    @FunctionalInterface
    private interface RowFilter {
        boolean keeps(Object[] row, int[] keyAt);
    }

    /** Inserts one table's rows in batches, each batch its own durable transaction. */
    private static final class Inserter {
        private final Database db;
        private final Table table;
        private final Map<String, SecretKey> companyKeys;
        private final ContentCipher cipher;
        private final List<Object[]> batch = new ArrayList<>();
        private List<Rows.Column> columns;
        /** Whether the rows the migrations put into the table (the feed's counters) were removed yet. */
        private boolean seededRowsRemoved;

        Inserter(Database db, Table table, Map<String, SecretKey> companyKeys, ContentCipher cipher) {
            this.db = db;
            this.table = table;
            this.companyKeys = companyKeys;
            this.cipher = cipher;
        }

        long fromFull(Path dir, Manifest m, BackupKey key, RowIndex present, RowIndex fullIndex, Manifest diff)
                throws IOException {
            return load(dir, m, key, (row, keyAt) -> diff == null || unchanged(row, keyAt, present, fullIndex, diff));
        }

        long fromDifferential(Path dir, Manifest m, BackupKey key) throws IOException {
            return load(dir, m, key, (row, keyAt) -> true);
        }

        /** Inserts the rows of the table's part that {@code keep} keeps; returns how many. */
        private long load(Path dir, Manifest m, BackupKey key, RowFilter keep) throws IOException {
            Optional<Manifest.Part> part = tablePart(m);
            if (part.isEmpty()) {
                return 0;
            }
            long n = 0;
            try (TablePart.In in = new TablePart.In(dir, part.get().name(), key.partKey(m.id()), m.id())) {
                columns = in.columns;
                int[] keyAt = keyPositions(in);
                Object[] row;
                while ((row = in.next()) != null) {
                    if (keep.keeps(row, keyAt)) {
                        add(row);
                        n++;
                    }
                }
            }
            flush();
            return n;
        }

        /** A full backup's row the differential keeps as it was (neither changed nor gone since). */
        private boolean unchanged(Object[] row, int[] keyAt, RowIndex present, RowIndex fullIndex, Manifest diff) {
            if (table.kind() == BackupTables.Kind.APPEND) {
                long seq = (Long) row[keyAt[0]];
                return seq >= diff.auditMinSeq();
            }
            long keyHash = Rows.keyHash(row, keyAt);
            Long now = present.digest(table.name(), keyHash);
            return now != null && now.equals(fullIndex.digest(table.name(), keyHash));
        }

        private Optional<Manifest.Part> tablePart(Manifest m) {
            return m.parts().stream().filter(p -> table.name().equals(p.table())).findFirst();
        }

        private int[] keyPositions(TablePart.In in) {
            return table.key().stream().mapToInt(in::column).toArray();
        }

        private void add(Object[] row) {
            if (table.name().equals("companies")) {
                rewrapCompanyKey(row);
            }
            batch.add(row);
            if (batch.size() >= (table.immutable().isEmpty() ? BATCH : 20)) {
                flush();
            }
        }

        /**
         * The company row's data key, wrapped under the new master key. A company whose escrow key was
         * erased gets a key nobody holds, and is marked terminated long ago so the purge removes it.
         */
        private void rewrapCompanyKey(Object[] row) {
            int id = column("id");
            CompanyId company = new CompanyId((String) row[id]);
            SecretKey dataKey = companyKeys.get(company.value());
            if (dataKey == null) {
                dataKey = Aead.newKey();
                row[column("status")] = "TERMINATED";
                row[column("terminated_at")] = Instant.EPOCH;
            }
            row[column("wrapped_key")] = cipher.wrapForStorage(company, dataKey);
            SecretKey previous = companyKeys.get(company.value() + CompanyKeys.PREVIOUS);
            if (hasColumn("previous_wrapped_key")) {
                row[column("previous_wrapped_key")] = previous == null ? null : cipher.wrapForStorage(company, previous);
            }
        }

        private boolean hasColumn(String name) {
            return columns.stream().anyMatch(c -> c.name().equals(name));
        }

        private int column(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException(table.name() + " has no column " + name);
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            String sql = "INSERT INTO " + table.name() + " ("
                    + String.join(", ", columns.stream().map(Rows.Column::name).toList()) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            boolean removeSeeded = !seededRowsRemoved;
            db.inTransaction(c -> {
                if (removeSeeded) {
                    try (Statement s = c.createStatement()) {
                        s.execute("DELETE FROM " + table.name());
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Object[] row : batch) {
                        Rows.bind(ps, row, columns);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            seededRowsRemoved = true;
            batch.clear();
        }
    }
}
