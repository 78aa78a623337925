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

    /** The running server's context while a command runs inside it ({@link OperatorChannel}). */
    private static final ThreadLocal<ServerContext> ATTACHED = new ThreadLocal<>();

    static void attach(ServerContext context) {
        if (context == null) {
            ATTACHED.remove();
        } else {
            ATTACHED.set(context);
        }
    }

    /**
     * The server's context: the running server's when the command runs inside it (closing it then only
     * lets go of it), otherwise one opened on the data folder for this command.
     */
    ServerContext open() {
        ServerContext attached = ATTACHED.get();
        if (attached != null) {
            if (db != null && !db.equals(attached.config().dbUrl())) {
                throw new IllegalArgumentException("the running server uses another database than --db " + db);
            }
            return attached.share();
        }
        return new ServerContext(config(Map.of()), Clock.systemUTC());
    }
}
