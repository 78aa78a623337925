package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migration that adds a table must say whether backups hold it: none is left out silently. */
class BackupTablesTest {
    @TempDir
    Path dir;

    @Test
    void everyTableOfTheSchemaIsBackedUpOrExcludedWithAReason() {
        Set<String> tables = new HashSet<>();
        try (Database db = Database.open(ServerConfig.load(dir, Map.of()), MasterKey.loadOrCreate(dir))) {
            db.read(c -> {
                try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                return null;
            });
        }
        Set<String> known = new HashSet<>(BackupTables.NOT_BACKED_UP.keySet());
        BackupTables.ALL.forEach(t -> known.add(t.name()));
        assertThat(tables).as("the schema's tables").contains("contracts", "audit_events");
        assertThat(known).as("backed up or excluded with a reason").containsExactlyInAnyOrderElementsOf(tables);
    }
}
