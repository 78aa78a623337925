package jp.sitesign.server.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * For each table, every row's key hash with the digest of its values ({@link Rows#keyHash},
 * {@link Rows#digest}), sorted by key hash: a full backup's index (what a differential compares with), and
 * a differential's list of the rows that exist at its snapshot (what a restore keeps of the full).
 * Sixteen bytes a row, so 100,000 contracts with their parties and feed rows fit in a few megabytes.
 */
final class RowIndex {
    static final String FULL_PART = "index.part";
    static final String PRESENT_PART = "present.part";

    /** Per table: sorted key hashes, and the digest of the row with each. */
    private final Map<String, long[][]> tables;

    private RowIndex(Map<String, long[][]> tables) {
        this.tables = tables;
    }

    /** The digest of the row with this key hash in the table, or null if there was no such row. */
    Long digest(String table, long keyHash) {
        long[][] t = tables.get(table);
        if (t == null) {
            return null;
        }
        int i = Arrays.binarySearch(t[0], keyHash);
        return i < 0 ? null : t[1][i];
    }

    boolean contains(String table, long keyHash) {
        return digest(table, keyHash) != null;
    }

    /** Collects rows table by table. */
    static final class Builder {
        private final Map<String, long[][]> tables = new HashMap<>();
        private String current;
        private long[] keys = new long[1024];
        private long[] digests = new long[1024];
        private int size;

        void add(String table, long keyHash, long digest) {
            if (!table.equals(current)) {
                flush();
                current = table;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                digests = Arrays.copyOf(digests, size * 2);
            }
            keys[size] = keyHash;
            digests[size] = digest;
            size++;
        }

        private void flush() {
            if (current == null) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            long[] k = keys;
            Arrays.sort(order, (a, b) -> Long.compare(k[a], k[b]));
            long[] sortedKeys = new long[size];
            long[] sortedDigests = new long[size];
            for (int i = 0; i < size; i++) {
                sortedKeys[i] = keys[order[i]];
                sortedDigests[i] = digests[order[i]];
            }
            tables.merge(current, new long[][] {sortedKeys, sortedDigests}, (a, b) -> {
                throw new IllegalStateException("table " + current + " indexed twice");
            });
            size = 0;
            current = null;
        }

        RowIndex build() {
            flush();
            return new RowIndex(tables);
        }
    }

    Manifest.Part write(Path dir, String name, SecretKey key, String backupId) throws IOException {
        SealedPart.Writer sealed = SealedPart.create(dir.resolve(name), key, TablePart.aad(backupId, name));
        long rows = 0;
        try (DataOutputStream out = new DataOutputStream(sealed)) {
            for (Map.Entry<String, long[][]> t : tables.entrySet()) {
                long[] k = t.getValue()[0];
                long[] d = t.getValue()[1];
                out.writeUTF(t.getKey());
                out.writeInt(k.length);
                for (int i = 0; i < k.length; i++) {
                    out.writeLong(k[i]);
                    out.writeLong(d[i]);
                }
                rows += k.length;
            }
            out.flush();
            SealedPart.Written w = sealed.finish();
            return new Manifest.Part(name, null, rows, w.bytes(), w.sha256());
        }
    }

    static RowIndex read(Path dir, String name, SecretKey key, String backupId) throws IOException {
        Map<String, long[][]> tables = new HashMap<>();
        try (InputStream plain = SealedPart.open(dir.resolve(name), key, TablePart.aad(backupId, name));
                DataInputStream in = new DataInputStream(plain)) {
            while (true) {
                String table;
                try {
                    table = in.readUTF();
                } catch (EOFException end) {
                    return new RowIndex(tables);
                }
                int n = in.readInt();
                long[] k = new long[n];
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    k[i] = in.readLong();
                    d[i] = in.readLong();
                }
                tables.put(table, new long[][] {k, d});
            }
        }
    }
}
