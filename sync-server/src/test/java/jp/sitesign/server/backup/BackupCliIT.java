package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.server.cli.ServerCli;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.storage.MasterKey;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's round trip: a demo server runs; {@code backup create} is typed while it runs (the command
 * goes to the running server); the server stops and its data folder is deleted; {@code backup restore}
 * with the backup and its key file brings it back: the server starts, the demo logins work, and the
 * contracts, their document hashes and the audit log are the same ({@code audit verify} passes).
 */
class BackupCliIT {
    private static final Pattern OWNER = Pattern.compile("OWNER\\s+(U\\d{8})\\s+password: (\\S+)");

    @TempDir
    Path work;

    @Test
    void aDeletedDataFolderComesBackFromItsBackup() throws Exception {
        Path data = work.resolve("data");
        Path backups = work.resolve("backups");
        Path keyFile = work.resolve("keys").resolve("backup.key");
        Files.createDirectories(data);
        StringBuilder props = new StringBuilder("host=127.0.0.1\nbackup.key-file=" + keyFile + "\n");
        if (TestServer.onPostgres()) {
            props.append("db.url=").append(PostgresCluster.get().newDatabase()).append("\ndb.user=postgres\n");
        }
        Files.writeString(data.resolve(ServerConfig.FILE_NAME), props, StandardCharsets.UTF_8);

        Map<String, List<String>> before;
        String[] owner;
        try (ServerProcess demo = ServerProcess.start(data, "--demo")) {
            owner = owner(demo.output());
            X509Certificate cert = TlsIdentity.load(ServerConfig.load(data, Map.of()), MasterKey.loadOrCreate(data))
                    .certificate();
            before = contracts(demo.api(cert), owner);

            Result created = cli("backup", "create", "--to", backups.toString(), "--data-dir", data.toString());
            assertThat(created.code()).as(created.toString()).isZero();
            assertThat(created.out()).contains("Backup created").contains("FULL");
            assertThat(demo.output()).as("the running server took it").contains("operator command: backup create");
        }
        Result verified = cli("backup", "verify", "--from", backups.toString(), "--key", keyFile.toString());
        assertThat(verified.code()).as(verified.toString()).isZero();
        assertThat(cli("backup", "list", "--from", backups.toString()).out()).contains("FULL");

        BackupWriter.deleteTree(data);
        Path restored = work.resolve("restored");
        List<String> restore = new ArrayList<>(List.of("backup", "restore", "--from", backups.toString(), "--key",
                keyFile.toString(), "--data-dir", restored.toString()));
        if (TestServer.onPostgres()) {
            restore.addAll(List.of("--db", PostgresCluster.get().newDatabase()));
            Files.createDirectories(restored);
            Files.writeString(restored.resolve(ServerConfig.FILE_NAME), "db.user=postgres\n", StandardCharsets.UTF_8);
        }
        Result r = cli(restore.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Restored");
        if (TestServer.onPostgres()) {
            Files.writeString(restored.resolve(ServerConfig.FILE_NAME), "host=127.0.0.1\ndb.user=postgres\ndb.url="
                    + restore.get(restore.size() - 1) + "\n", StandardCharsets.UTF_8);
        }
        Result audit = cli("audit", "verify", "--data-dir", restored.toString());
        assertThat(audit.code()).as(audit.toString()).isZero();

        try (ServerProcess again = ServerProcess.start(restored)) {
            X509Certificate cert = TlsIdentity.load(ServerConfig.load(restored, Map.of()),
                    MasterKey.loadOrCreate(restored)).certificate();
            assertThat(contracts(again.api(cert), owner)).as("the same contracts and document hashes").isEqualTo(before);
        }
    }

    /** The demo owner's contracts: id → status and the SHA-256 of every document version. */
    private static Map<String, List<String>> contracts(ApiClient api, String[] owner) {
        String token = api.login(owner[0], owner[1]);
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode k : api.get("/api/v1/contracts?limit=500", token).json().get("items")) {
            JsonNode full = api.get("/api/v1/contracts/" + k.get("id").asText(), token).json();
            List<String> facts = new ArrayList<>(List.of(full.get("status").asText(), full.get("title").asText()));
            full.get("documents").forEach(d -> facts.add(d.get("sha256").asText()));
            out.put(k.get("id").asText(), facts);
        }
        assertThat(out).as("the demo has contracts").isNotEmpty();
        return out;
    }

    private static String[] owner(String output) {
        Matcher m = OWNER.matcher(output);
        assertThat(m.find()).as("the demo printout names an owner:\n" + output).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
