package jp.sitesign.server.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.server.cli.ServerCli;
import jp.sitesign.server.config.ServerConfig;

/**
 * Runs the operator's command line ({@link ServerCli#run}) against a {@link TestServer}'s data folder and
 * database, as an operator would on the server machine.
 *
 * <p>On the embedded H2 only one process may hold the file, so the server is stopped for the command and
 * started again afterwards (same data, same database, a new port; sessions survive because they live in
 * the database). On PostgreSQL the command runs while the server keeps serving, as in production; the
 * database user is written to the data folder's {@code sitesign.properties}, where the CLI reads it.
 */
public final class OperatorCli {
    private OperatorCli() {
    }

    /** Runs {@code args} plus {@code --data-dir} (and {@code --db} on PostgreSQL). */
    public static Result run(TestServer server, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--data-dir");
        full.add(server.dataDir().toString());
        if (server.dbUrl() != null) {
            full.add("--db");
            full.add(server.dbUrl());
            writeDbUser(server.dataDir());
            return execute(full);
        }
        server.server().close();
        server.context().close();
        try {
            return execute(full);
        } finally {
            server.restart();
        }
    }

    private static Result execute(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = ServerCli.run(args.toArray(String[]::new), o, e);
        }
        return new Result(code, out.toString(), err.toString());
    }

    private static void writeDbUser(Path dataDir) {
        Path file = dataDir.resolve(ServerConfig.FILE_NAME);
        try {
            String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!current.contains("db.user=")) {
                Files.writeString(file, current + "db.user=postgres\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the command returned and printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
