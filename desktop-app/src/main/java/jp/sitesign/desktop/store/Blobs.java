package jp.sitesign.desktop.store;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * PDFs by SHA-256, inside the encrypted store. A download is resumable: each piece received is committed
 * as it arrives ({@link #append}), {@link #received} says where to resume after a crash or a lost
 * connection, and {@link #complete} checks the whole against its SHA-256 before anything may read it.
 */
public final class Blobs {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final StoreDatabase db;

    Blobs(StoreDatabase db) {
        this.db = db;
    }

    /** Stores a whole PDF made or chosen on this computer (an upload, a signed version); returns its SHA-256. */
    public String put(byte[] content) {
        String sha = Digests.sha256Hex(content);
        db.inTransaction(c -> {
            if (!exists(c, sha)) {
                insert(c, sha, content);
            }
            deleteParts(c, sha);
            return null;
        });
        return sha;
    }

    /** Bytes of an unfinished download of {@code sha256} kept so far (0 when none, or when it is complete). */
    public long received(String sha256) {
        check(sha256);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM blob_parts WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Adds the next piece of a download. {@code offset} must be {@link #received} (the caller resumes
     * exactly where the store is), so a piece is never stored twice or out of order.
     */
    public void append(String sha256, long offset, byte[] piece) {
        check(sha256);
        db.inTransaction(c -> {
            if (exists(c, sha256)) {
                throw new IllegalStateException("blob " + sha256 + " is already complete");
            }
            long have = 0;
            int parts = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0), COUNT(*)"
                    + " FROM blob_parts WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    have = rs.getLong(1);
                    parts = rs.getInt(2);
                }
            }
            if (offset != have) {
                throw new IllegalArgumentException("blob " + sha256 + " has " + have + " bytes, not " + offset);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blob_parts (sha256, part, data) VALUES (?, ?, ?)")) {
                ps.setString(1, sha256);
                ps.setInt(2, parts);
                ps.setBytes(3, piece);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Finishes a download: the pieces become the blob when their SHA-256 is {@code sha256}.
     *
     * @throws SiteSignException {@link ErrorCode#INVALID_DOCUMENT} when the bytes do not match; the pieces
     *                           are dropped so the next sync downloads it afresh
     */
    public void complete(String sha256) {
        check(sha256);
        boolean matched = db.inTransaction(c -> {
            if (exists(c, sha256)) {
                return true;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            MessageDigest digest = sha256Digest();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM blob_parts WHERE sha256 = ? ORDER BY part")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] piece = rs.getBytes(1);
                        digest.update(piece);
                        all.writeBytes(piece);
                    }
                }
            }
            deleteParts(c, sha256);
            if (!Digests.hex(digest.digest()).equals(sha256)) {
                return false;
            }
            insert(c, sha256, all.toByteArray());
            return true;
        });
        if (!matched) {
            throw DesktopMessage.DOCUMENT_DAMAGED.exception();
        }
    }

    /** A complete blob, or empty when it is not (yet) on this computer. */
    public Optional<byte[]> get(String sha256) {
        check(sha256);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM blobs WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public boolean has(String sha256) {
        check(sha256);
        return db.read(c -> exists(c, sha256));
    }

    /** PDFs that stored contracts name but this computer does not have complete: what to download for offline use. */
    public List<String> missing() {
        return missingDocuments().stream().map(Missing::sha256).toList();
    }

    /** A PDF this computer lacks and a contract that names it (the server serves documents by contract). */
    public record Missing(String contractId, String sha256) {
    }

    /** As {@link #missing()}, each with one contract that names it: what the sync engine downloads. */
    public List<Missing> missingDocuments() {
        return db.read(WantedDocuments::all);
    }

    private static boolean exists(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM blobs WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insert(Connection c, String sha, byte[] content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO blobs (sha256, size_bytes, data) VALUES (?, ?, ?)")) {
            ps.setString(1, sha);
            ps.setLong(2, content.length);
            ps.setBytes(3, content);
            ps.executeUpdate();
        }
        WantedDocuments.arrived(c, sha);
    }

    private static void deleteParts(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM blob_parts WHERE sha256 = ?")) {
            ps.setString(1, sha);
            ps.executeUpdate();
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void check(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }
}
