package jp.sitesign.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer content is unreadable at rest (DESIGN §5): a user's name, kana, email, department and title,
 * carrying unique markers, must not appear in any file the server or the database writes, nor in any
 * database row, while the API (the control) shows them. On the embedded default the H2 file is encrypted
 * as a whole; on PostgreSQL the content columns are. Which branch runs depends on the execution's
 * database; both executions make assertions.
 */
class AtRestIT {
    private static final String KANJI = "秘匿鍵盤暗号堅牢城塞錠前金庫蔵宝";
    private static final String KATAKANA = "アイウエオカキクケコサシスセソタ";

    static TestServer server;
    static String ascii;
    static String kanji;
    static String kana;
    static String userId;
    static Map<String, String> profile;

    @BeforeAll
    static void registerAUserCarryingMarkers() {
        server = TestServer.start();
        TestServer.TestCompany co = server.createCompany("保存暗号試験建設株式会社");
        UUID uuid = UUID.randomUUID();
        ascii = "zq" + Long.toHexString(uuid.getMostSignificantBits()) + "x";
        kanji = marker(uuid.getLeastSignificantBits(), KANJI);
        kana = marker(uuid.getMostSignificantBits(), KATAKANA);
        profile = new LinkedHashMap<>();
        profile.put("name", "試験 " + kanji + " " + ascii);
        profile.put("nameKana", "シケン " + kana);
        profile.put("email", ascii + "@example.invalid");
        profile.put("department", kanji + "工事部 " + ascii);
        profile.put("title", kanji + "主任 " + ascii);
        String admin = server.api().login(co.admin().value(), TestServer.PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>(profile);
        body.put("role", "MEMBER");
        var r = server.api().post("/api/v1/users", admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        userId = r.json().get("user").get("id").asText();
        // The control: the API gives the content back in the clear, so the markers are really stored.
        JsonNode shown = server.api().get("/api/v1/users/" + userId, admin).json();
        profile.forEach((field, value) -> assertThat(shown.get(field).asText()).isEqualTo(value));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each execution of the integration suite checks the database it runs on. */
    @Test
    void noCustomerContentIsReadableAtRest() throws SQLException {
        if (TestServer.onPostgres()) {
            postgresLeavesNoCustomerContentInTheClusterFilesNorInAnyRow();
        } else {
            embeddedDatabaseLeavesNoCustomerContentInAnyFileOfTheDataFolder();
        }
    }

    private void embeddedDatabaseLeavesNoCustomerContentInAnyFileOfTheDataFolder() throws SQLException {
        assertNoRowHoldsAMarker(server.context().db().dataSource());
        server.server().close();
        server.context().close();
        try {
            Path h2 = server.dataDir().resolve(Database.H2_FILE + ".mv.db");
            assertThat(h2).exists();
            assertThat(new String(read(h2), 0, 9, StandardCharsets.US_ASCII)).as("H2 opened with CIPHER=AES")
                    .isEqualTo("H2encrypt");
            assertNoFileHoldsAMarker(server.dataDir());
            assertThat(filesContaining(server.dataDir(), userId.getBytes(StandardCharsets.US_ASCII)))
                    .as("the file is encrypted as a whole, so not even ids are readable").isEmpty();
        } finally {
            server.restart();
        }
    }

    private void postgresLeavesNoCustomerContentInTheClusterFilesNorInAnyRow() throws SQLException {
        DataSource db = server.context().db().dataSource();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        Path cluster = PostgresCluster.get().dataDir();
        assertThat(filesContaining(cluster, userId.getBytes(StandardCharsets.US_ASCII)))
                .as("control: ids are stored in clear, so the scan must find this one after CHECKPOINT").isNotEmpty();
        assertNoFileHoldsAMarker(cluster);
        assertNoFileHoldsAMarker(server.dataDir());

        assertNoRowHoldsAMarker(db);
        List<String> rowTexts = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rowTexts.add(table + ": " + rs.getString(1));
                    }
                }
            }
        }
        assertThat(rowTexts).as("control: the user's row is among them").anyMatch(t -> t.contains(userId));
        for (String marker : List.of(ascii, kanji, kana)) {
            assertThat(rowTexts).noneMatch(t -> t.contains(marker));
        }
    }

    @Test
    void masterKeyAndTlsKeystoreAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes exist on POSIX file systems only");
        for (String name : List.of(MasterKey.FILE_NAME, TlsIdentity.GENERATED_FILE)) {
            Path file = server.dataDir().resolve(name);
            assertThat(Files.getPosixFilePermissions(file)).as(name)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    /** Every text and binary cell of every table, through JDBC: content columns must be ciphertext. */
    private static void assertNoRowHoldsAMarker(DataSource db) throws SQLException {
        List<String> hits = new ArrayList<>();
        boolean sawUser = false;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = tables(c);
            assertThat(tables).contains("users", "companies", "audit_events");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            byte[] cell = cellBytes(rs, md, i);
                            if (cell == null) {
                                continue;
                            }
                            sawUser |= indexOf(cell, userId.getBytes(StandardCharsets.UTF_8)) >= 0;
                            for (byte[] needle : needles()) {
                                if (indexOf(cell, needle) >= 0) {
                                    hits.add(table + "." + md.getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(sawUser).as("control: the scan reads the user's row").isTrue();
        assertThat(hits).as("cells holding a marker in clear").isEmpty();
    }

    private static byte[] cellBytes(ResultSet rs, ResultSetMetaData md, int column) throws SQLException {
        int type = md.getColumnType(column);
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            return rs.getBytes(column);
        }
        String text = rs.getString(column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static void assertNoFileHoldsAMarker(Path dir) {
        assertThat(filesContaining(dir, needles())).as("files under %s holding a marker", dir).isEmpty();
    }

    /** The markers as UTF-8 and as UTF-16 in both byte orders (Java and some databases store UTF-16). */
    private static List<byte[]> needles() {
        List<byte[]> out = new ArrayList<>();
        for (String marker : List.of(ascii, kanji, kana)) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                out.add(marker.getBytes(cs));
            }
        }
        return out;
    }

    private static List<Path> filesContaining(Path dir, byte[] needle) {
        return filesContaining(dir, List.of(needle));
    }

    /**
     * Every regular file under {@code dir} that holds any of the needles; each file is read once. A live
     * database folder changes while it is walked (PostgreSQL rewrites pg_internal.init, H2 its temp files):
     * a file or folder that vanishes meanwhile is skipped, not an error.
     */
    private static List<Path> filesContaining(Path dir, List<byte[]> needles) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a)
                        throws IOException {
                    if (!a.isRegularFile()) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    byte[] content;
                    try {
                        content = Files.readAllBytes(f);
                    } catch (NoSuchFileException gone) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
                        found.add(f);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Twelve characters from {@code alphabet} (16 of them) chosen by the nibbles of {@code bits}. */
    private static String marker(long bits, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt((int) ((bits >>> (4 * i)) & 0xF)));
        }
        return sb.toString();
    }
}
