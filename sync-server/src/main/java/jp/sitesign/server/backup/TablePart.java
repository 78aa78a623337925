package jp.sitesign.server.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * A sealed part holding one table's rows: a header naming the table, its columns and their portable
 * types, then one JSON array per row ({@link Rows}).
 */
final class TablePart {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private TablePart() {
    }

    /** Writes one table's rows into a new part. */
    static final class Out implements Closeable {
        private final String name;
        private final String table;
        private final List<Rows.Column> columns;
        private final SealedPart.Writer sealed;
        private final JsonGenerator g;
        private long rows;

        Out(Path dir, String name, SecretKey key, String backupId, String table, List<Rows.Column> columns)
                throws IOException {
            this.name = name;
            this.table = table;
            this.columns = columns;
            this.sealed = SealedPart.create(dir.resolve(name), key, aad(backupId, name));
            this.g = JSON.createGenerator(sealed);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            g.writeStartObject();
            g.writeStringField("table", table);
            g.writeArrayFieldStart("columns");
            for (Rows.Column c : columns) {
                g.writeString(c.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("types");
            for (Rows.Column c : columns) {
                g.writeString(c.type().code);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        void row(Object[] row) throws IOException {
            Rows.write(g, row, columns);
            rows++;
        }

        Manifest.Part finish() throws IOException {
            g.close();
            SealedPart.Written w = sealed.finish();
            return new Manifest.Part(name, table, rows, w.bytes(), w.sha256());
        }

        @Override
        public void close() throws IOException {
            g.close();
            sealed.close();
        }
    }

    /** Reads a table part row by row. */
    static final class In implements Closeable {
        private final InputStream plain;
        private final JsonParser p;
        final String table;
        final List<Rows.Column> columns;

        In(Path dir, String name, SecretKey key, String backupId) throws IOException {
            this.plain = SealedPart.open(dir.resolve(name), key, aad(backupId, name));
            this.p = JSON.createParser(plain);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(name + " has no header");
            }
            String t = null;
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken v = p.nextToken();
                if (field.equals("table")) {
                    t = p.getText();
                } else if (v == JsonToken.START_ARRAY) {
                    List<String> into = field.equals("columns") ? names : types;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        into.add(p.getText());
                    }
                }
            }
            if (t == null || names.size() != types.size() || names.isEmpty()) {
                throw new IOException(name + " has a malformed header");
            }
            this.table = t;
            List<Rows.Column> cols = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                cols.add(new Rows.Column(names.get(i), Rows.Type.ofCode(types.get(i))));
            }
            this.columns = List.copyOf(cols);
        }

        /** The next row, or null after the last. */
        Object[] next() throws IOException {
            return Rows.parse(p, columns);
        }

        int column(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(table + " has no column " + name);
        }

        @Override
        public void close() throws IOException {
            p.close();
            plain.close();
        }
    }

    /** What a part's encryption is bound to: its backup and its name, so parts cannot be swapped. */
    static String aad(String backupId, String name) {
        return "sitesign-backup-v1|" + backupId + "|" + name;
    }
}
