package jp.sitesign.server.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServerConfig;
import picocli.CommandLine.Option;

/** Options every command takes: where the data folder is and, optionally, which database. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder (database, keys, certificate). Default: ~/.sitesign/server or $SITESIGN_DATA_DIR.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database URL, e.g. jdbc:postgresql://host/db (user and password from sitesign.properties"
                    + " or SITESIGN_DB_USER / SITESIGN_DB_PASSWORD). Default: embedded encrypted H2 in the data folder.")
    String db;

    Path dataDir() {
        return dataDir != null ? dataDir : DataDir.defaultLocation();
    }

    ServerConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (db != null) {
            overrides.put("db.url", db);
        }
        return ServerConfig.load(dataDir(), overrides);
    }

    ServerContext open() {
        return new ServerContext(config(Map.of()), Clock.systemUTC());
    }
}
