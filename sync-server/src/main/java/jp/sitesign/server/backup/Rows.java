package jp.sitesign.server.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Table rows in a form both databases read and write alike: each column has a portable type (text,
 * integer, boolean, bytes, instant, date), values are written as one JSON array per row, instants in UTC.
 * This is what makes a backup of the embedded H2 restore into PostgreSQL and the other way round.
 */
final class Rows {
    private Rows() {
    }

    /** A column's portable type, by its one-letter code in a part's header. */
    enum Type {
        TEXT("s"), INTEGER("n"), BOOLEAN("b"), BYTES("x"), INSTANT("t"), DATE("d");

        final String code;

        Type(String code) {
            this.code = code;
        }

        static Type ofCode(String code) {
            for (Type t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown column type " + code);
        }

        static Type ofJdbc(int sqlType, String table, String column) {
            return switch (sqlType) {
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB -> TEXT;
                case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> INTEGER;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
                case Types.DATE -> DATE;
                default -> throw new IllegalStateException("backups do not know column " + table + "." + column
                        + " (JDBC type " + sqlType + ")");
            };
        }
    }

    /** A column of a table. */
    record Column(String name, Type type) {
    }

    static List<Column> columns(ResultSetMetaData meta, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
            out.add(new Column(name, Type.ofJdbc(meta.getColumnType(i), table, name)));
        }
        return out;
    }

    static Object[] read(ResultSet rs, List<Column> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            Object v = switch (columns.get(i).type()) {
                case TEXT -> rs.getString(c);
                case INTEGER -> rs.getLong(c);
                case BOOLEAN -> rs.getBoolean(c);
                case BYTES -> rs.getBytes(c);
                case INSTANT -> {
                    OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                    yield t == null ? null : t.toInstant();
                }
                case DATE -> rs.getObject(c, LocalDate.class);
            };
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }

    static void bind(PreparedStatement ps, Object[] row, List<Column> columns) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            Object v = row[i];
            switch (columns.get(i).type()) {
                case TEXT -> ps.setString(c, (String) v);
                case INTEGER -> {
                    if (v == null) {
                        ps.setNull(c, Types.BIGINT);
                    } else {
                        ps.setLong(c, (Long) v);
                    }
                }
                case BOOLEAN -> {
                    if (v == null) {
                        ps.setNull(c, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(c, (Boolean) v);
                    }
                }
                case BYTES -> ps.setBytes(c, (byte[]) v);
                case INSTANT -> {
                    if (v == null) {
                        ps.setNull(c, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(c, ((Instant) v).atOffset(ZoneOffset.UTC));
                    }
                }
                case DATE -> {
                    if (v == null) {
                        ps.setNull(c, Types.DATE);
                    } else {
                        ps.setObject(c, v);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    static void write(JsonGenerator g, Object[] row, List<Column> columns) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                g.writeNull();
                continue;
            }
            switch (columns.get(i).type()) {
                case TEXT -> g.writeString((String) v);
                case INTEGER -> g.writeNumber((Long) v);
                case BOOLEAN -> g.writeBoolean((Boolean) v);
                case BYTES -> g.writeBinary((byte[]) v);
                case INSTANT, DATE -> g.writeString(v.toString());
                default -> throw new IllegalStateException();
            }
        }
        g.writeEndArray();
    }

    /** Reads the next row (the parser stands before its array); null at the end of the part. */
    static Object[] parse(JsonParser p, List<Column> columns) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new IOException("a row must be a JSON array, found " + t);
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            row[i] = switch (columns.get(i).type()) {
                case TEXT -> p.getText();
                case INTEGER -> p.getLongValue();
                case BOOLEAN -> p.getBooleanValue();
                case BYTES -> p.getBinaryValue();
                case INSTANT -> Instant.parse(p.getText());
                case DATE -> LocalDate.parse(p.getText());
            };
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new IOException("a row has more values than its part has columns");
        }
        return row;
    }

    /**
     * 64 bits of SHA-256 over the row's values, leaving out the named columns: what a differential
     * compares with the full backup's index.
     */
    static long digest(Object[] row, List<Column> columns, Set<String> leftOut) {
        MessageDigest sha = sha256();
        for (int i = 0; i < row.length; i++) {
            if (!leftOut.contains(columns.get(i).name())) {
                feed(sha, row[i]);
            }
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /** 64 bits of SHA-256 over the key columns' values: a row's identity in indexes. */
    static long keyHash(Object[] row, int[] keyColumns) {
        MessageDigest sha = sha256();
        for (int k : keyColumns) {
            feed(sha, row[k]);
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static void feed(MessageDigest sha, Object v) {
        byte[] bytes = v == null ? new byte[] {0} : v instanceof byte[] b ? b
                : (v.getClass().getSimpleName() + ":" + v).getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(v == null ? -1 : bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
