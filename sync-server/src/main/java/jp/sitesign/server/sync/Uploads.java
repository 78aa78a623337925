package jp.sitesign.server.sync;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * PDFs a client uploads, by SHA-256, before the command that names them. An upload arrives in chunks at
 * increasing offsets, so a cut connection resumes where the server's copy ends; the last chunk completes
 * it, and only bytes whose SHA-256 is the announced one are kept. Chunks are sealed under the company key
 * like every other customer document. Until a command uses it (or it is purged as abandoned), an upload
 * counts against its uploader's {@link Limits}: how many they may hold open and how many bytes in all, so
 * nobody can park storage under made-up hashes.
 */
public final class Uploads {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final long MB = 1024 * 1024;

    private final Database db;
    private final ContentCipher cipher;
    private final Clock clock;
    private final Limits limits;

    public Uploads(Database db, ContentCipher cipher, Clock clock, Limits limits) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param maxDocumentBytes the largest document ({@code limits.max-document-bytes})
     * @param openPerUser      how many uploads no command has used yet one user may hold
     *                         ({@code limits.open-uploads-per-user})
     * @param openBytesPerUser how many bytes those may hold together ({@code limits.open-upload-bytes-per-user})
     */
    public record Limits(long maxDocumentBytes, int openPerUser, long openBytesPerUser) {
        public static Limits from(ServerConfig config) {
            return new Limits(config.getInt("limits.max-document-bytes"), config.getInt("limits.open-uploads-per-user"),
                    config.getInt("limits.open-upload-bytes-per-user"));
        }
    }

    /** How far an upload has come: the bytes the server holds and whether they are complete. */
    public record Status(String sha256, long size, boolean complete) {
    }

    /**
     * Whose upload: an upload belongs to the user who made it, and only that user's commands may use it
     * (a colleague who knows the hash sees nothing of it).
     */
    public record Owner(CompanyId company, String user) {
        static Owner of(jp.sitesign.server.auth.Caller caller) {
            return new Owner(caller.user().companyId(), caller.user().id().value());
        }
    }

    public Status status(Owner owner, String sha256) {
        requireSha(sha256);
        return db.read(c -> find(c, owner, sha256)).orElse(new Status(sha256, 0, false));
    }

    /**
     * Appends a chunk at {@code offset}, which must be where the server's copy ends (else CONFLICT naming
     * that size, so the client resumes from there). With {@code last}, the whole is checked against
     * {@code sha256}: a mismatch discards the upload.
     */
    public Status append(Owner owner, String sha256, long offset, byte[] chunk, boolean last) {
        requireSha(sha256);
        Status result = db.inTransaction(c -> {
            CompanyId company = owner.company();
            Status now = find(c, owner, sha256).orElse(null);
            if (now != null && now.complete()) {
                return now;
            }
            long size = now == null ? 0 : now.size();
            if (offset != size) {
                throw SyncMessage.UPLOAD_OFFSET.exception(size);
            }
            if (size + chunk.length > limits.maxDocumentBytes()) {
                throw SyncMessage.DOCUMENT_TOO_LARGE.exception(limits.maxDocumentBytes() / MB);
            }
            requireRoom(c, owner, now == null, chunk.length);
            if (now == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_uploads (company_id, sha256,"
                        + " uploaded_by, size_bytes, complete, created_at) VALUES (?, ?, ?, 0, FALSE, ?)")) {
                    ps.setString(1, company.value());
                    ps.setString(2, sha256);
                    ps.setString(3, owner.user());
                    Jdbc.setInstant(ps, 4, clock.instant());
                    ps.executeUpdate();
                }
            }
            if (chunk.length > 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_upload_chunks (company_id,"
                        + " uploaded_by, sha256, position, content) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, company.value());
                    ps.setString(2, owner.user());
                    ps.setString(3, sha256);
                    ps.setLong(4, offset);
                    ps.setBytes(5, cipher.sealBytes(c, company, place(sha256, offset), chunk));
                    ps.executeUpdate();
                }
            }
            long newSize = size + chunk.length;
            boolean complete = false;
            if (last) {
                byte[] whole = read(c, owner, sha256);
                if (!Digests.sha256Hex(whole).equals(sha256)) {
                    delete(c, owner, sha256);
                    return new Status(sha256, -1, false);
                }
                complete = true;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_uploads SET size_bytes = ?, complete = ?"
                    + " WHERE company_id = ? AND uploaded_by = ? AND sha256 = ?")) {
                ps.setLong(1, newSize);
                ps.setBoolean(2, complete);
                ps.setString(3, company.value());
                ps.setString(4, owner.user());
                ps.setString(5, sha256);
                ps.executeUpdate();
            }
            return new Status(sha256, newSize, complete);
        });
        if (result.size() < 0) {
            throw SyncMessage.UPLOAD_HASH_MISMATCH.exception(sha256);
        }
        return result;
    }

    /**
     * Refuses a new upload beyond the user's count, or bytes beyond what their open uploads may hold. The
     * user's row is locked first, so that chunks the same user sends at once are counted one after the other
     * (without it, concurrent first chunks all saw room and together passed the limit).
     */
    private void requireRoom(Connection c, Owner owner, boolean starts, long adding) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
            lock.setString(1, owner.user());
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM sync_uploads"
                + " WHERE company_id = ? AND uploaded_by = ?")) {
            ps.setString(1, owner.company().value());
            ps.setString(2, owner.user());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (starts && rs.getLong(1) >= limits.openPerUser()) {
                    throw SyncMessage.TOO_MANY_UPLOADS.exception(limits.openPerUser());
                }
                if (rs.getLong(2) + adding > limits.openBytesPerUser()) {
                    throw SyncMessage.UPLOAD_QUOTA.exception(limits.openBytesPerUser() / MB);
                }
            }
        }
    }

    /** The complete upload's bytes, for the command that names it; refused when it is not all there. */
    public byte[] take(Connection c, Owner owner, String sha256) throws SQLException {
        requireSha(sha256);
        Optional<Status> s = find(c, owner, sha256);
        if (s.isEmpty() || !s.get().complete()) {
            throw SyncMessage.UPLOAD_INCOMPLETE.exception(sha256);
        }
        return read(c, owner, sha256);
    }

    /** Removes an upload (used, or abandoned); its chunks go with it (ON DELETE CASCADE). */
    public void delete(Connection c, Owner owner, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sync_uploads WHERE company_id = ? AND uploaded_by = ? AND sha256 = ?")) {
            ps.setString(1, owner.company().value());
            ps.setString(2, owner.user());
            ps.setString(3, sha256);
            ps.executeUpdate();
        }
    }

    /** Removes a complete upload (one still under way stays, to be resumed). */
    public void dropComplete(Connection c, Owner owner, String sha256) throws SQLException {
        if (find(c, owner, sha256).filter(Status::complete).isPresent()) {
            delete(c, owner, sha256);
        }
    }

    /** Drops uploads started before {@code before} that no command used; returns how many. */
    public int purgeAbandoned(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_uploads WHERE created_at < ?")) {
                Jdbc.setInstant(ps, 1, before);
                return ps.executeUpdate();
            }
        });
    }

    public static void requireSha(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw SyncMessage.SHA256_MALFORMED.exception();
        }
    }

    private static Optional<Status> find(Connection c, Owner owner, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes, complete FROM sync_uploads"
                + " WHERE company_id = ? AND uploaded_by = ? AND sha256 = ?")) {
            ps.setString(1, owner.company().value());
            ps.setString(2, owner.user());
            ps.setString(3, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Status(sha256, rs.getLong(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    private byte[] read(Connection c, Owner owner, String sha256) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, content FROM sync_upload_chunks"
                + " WHERE company_id = ? AND uploaded_by = ? AND sha256 = ? ORDER BY position")) {
            ps.setString(1, owner.company().value());
            ps.setString(2, owner.user());
            ps.setString(3, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.writeBytes(cipher.openBytes(c, owner.company(), place(sha256, rs.getLong(1)),
                            rs.getBytes(2)));
                }
            }
        }
        return out.toByteArray();
    }

    private static String place(String sha256, long offset) {
        return "sync_uploads|" + sha256 + "|" + offset;
    }
}
