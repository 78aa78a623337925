package jp.sitesign.server.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.ContentCipher.WrappedBy;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;
import jp.sitesign.server.storage.MasterKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keys rotate-master} and {@code keys retire-master} (ADR 36): a new master key wraps every company's
 * data key, batch by batch, each batch one transaction, while the server serves. Until the old key is
 * retired both keys open company keys, so a rotation killed anywhere leaves every row readable and running
 * it again finishes it. Retiring is refused while any company key is still wrapped by the old key, or before
 * a data backup taken since the rotation has been verified. Key ids (fingerprints) are logged; key bytes never.
 */
public final class MasterKeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final String OPERATOR = "operator";

    private final Database db;
    private final ContentCipher cipher;
    private final AuditLog audit;
    private final ServerConfig config;
    private final Clock clock;
    private volatile MasterKeyRing ring;

    public MasterKeyRotation(MasterKeyRing ring, Database db, ContentCipher cipher, AuditLog audit,
            ServerConfig config, Clock clock) {
        this.ring = ring;
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** How the company keys stand: wrapped by the current key, by the previous one, by neither. */
    public record Status(String currentId, Optional<String> previousId, int underCurrent, int underPrevious,
            List<String> underNeither) {
    }

    /** What a run of {@code rotate-master} did. */
    public record Rotated(String currentId, String previousId, boolean newKey, int rewrapped, int companies) {
    }

    public synchronized Status status() {
        reloadRing();
        int current = 0;
        int previous = 0;
        List<String> neither = new ArrayList<>();
        for (Wrapped w : db.read(MasterKeyRotation::allWrapped)) {
            WrappedBy by = w.by(cipher);
            switch (by) {
                case CURRENT -> current++;
                case PREVIOUS -> previous++;
                default -> neither.add(w.company().value());
            }
        }
        return new Status(ring.current().id(), ring.previous().map(MasterKey::id), current, previous, neither);
    }

    /**
     * Starts a rotation to {@code newKey} (a fresh random key when empty) unless one is under way, then
     * re-wraps every company key still under the previous key, {@code batchSize} companies a transaction,
     * resting {@code pause} between batches so a running server keeps its answers quick.
     */
    public synchronized Rotated rotate(Optional<byte[]> newKey, int batchSize, Duration pause) {
        reloadRing();
        refuseUnknownWrappings();
        boolean started = false;
        if (ring.previous().isEmpty()) {
            String before = ring.current().id();
            ring = ring.rotate(newKey.orElseGet(() -> Aead.newKey().getEncoded()), clock.instant());
            cipher.use(ring);
            started = true;
            LOG.info("master key rotation started: {} -> {}", before, ring.current().id());
            audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.MASTER_KEY_ROTATED, ring.current().id(),
                    AuditOutcome.SUCCESS, null, "started; previous key " + before + " kept until retired"));
        } else if (newKey.isPresent()) {
            throw KeyMessage.ROTATION_UNFINISHED.exception(ring.previous().get().id());
        }
        int rewrapped = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = db.inTransaction(c -> rewrapBatch(c, from, batchSize));
            rewrapped += batch.rewrapped();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
            LOG.info("master key rotation: company keys re-wrapped up to {} ({} so far)", after, rewrapped);
            rest(pause);
        }
        int companies = db.read(MasterKeyRotation::allWrapped).size();
        String previousId = ring.previous().map(MasterKey::id).orElse("");
        audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.MASTER_KEY_ROTATED, ring.current().id(),
                AuditOutcome.SUCCESS, null, "company keys re-wrapped=" + rewrapped + " of " + companies
                        + "; previous key " + previousId + " kept until retired"));
        LOG.info("master key rotation to {}: {} company keys re-wrapped", ring.current().id(), rewrapped);
        return new Rotated(ring.current().id(), previousId, started, rewrapped, companies);
    }

    /**
     * Deletes the previous key's file once no company key needs it and a data backup taken since the
     * rotation has been verified (checked here, with the backup key).
     */
    public synchronized String retire() {
        reloadRing();
        if (ring.previous().isEmpty()) {
            throw KeyMessage.NO_PREVIOUS_MASTER_KEY.exception();
        }
        Status s = status();
        String previousId = s.previousId().orElseThrow();
        if (s.underPrevious() > 0) {
            audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.MASTER_KEY_RETIRED, previousId,
                    AuditOutcome.DENIED, null, "company keys still wrapped by it=" + s.underPrevious()));
            throw KeyMessage.KEYS_UNDER_PREVIOUS.exception(s.underPrevious(), previousId);
        }
        refuseUnknownWrappings();
        String backup = verifiedBackupSinceRotation();
        ring = ring.retire();
        cipher.use(ring);
        audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.MASTER_KEY_RETIRED, previousId,
                AuditOutcome.SUCCESS, null, "current key " + ring.current().id() + "; verified backup " + backup));
        LOG.info("previous master key {} retired", previousId);
        return previousId;
    }

    private String verifiedBackupSinceRotation() {
        java.time.Instant since = ring.rotatedAt().orElse(java.time.Instant.EPOCH);
        Optional<Backups.Listing> newest = Backups.list(config.backupDir()).stream()
                .filter(b -> !"log".equals(b.kind()) && b.createdAt().isAfter(since))
                .reduce((a, b) -> b);
        if (newest.isEmpty()) {
            throw KeyMessage.NO_BACKUP_SINCE_ROTATION.exception(config.backupDir());
        }
        Backups.verify(newest.get().dir(), config.backupKeyFile());
        return newest.get().id();
    }

    private void refuseUnknownWrappings() {
        List<String> unknown = status().underNeither();
        if (!unknown.isEmpty()) {
            throw KeyMessage.KEYS_UNDER_UNKNOWN_MASTER.exception(unknown.size(), unknown.get(0));
        }
    }

    private void reloadRing() {
        ring = MasterKeyRing.load(config.dataDir());
        cipher.use(ring);
    }

    private Batch rewrapBatch(Connection c, String after, int size) throws SQLException {
        List<Wrapped> page = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, wrapped_key, previous_wrapped_key FROM companies"
                + " WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, after);
            ps.setInt(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new Wrapped(new CompanyId(rs.getString(1)), rs.getBytes(2), rs.getBytes(3)));
                }
            }
        }
        int rewrapped = 0;
        for (Wrapped w : page) {
            if (w.by(cipher) != WrappedBy.PREVIOUS) {
                continue;
            }
            // Both of a company's data keys (the previous one while a company key rotation is under way).
            rewrapped += rewrap(c, w, "wrapped_key", w.key());
            if (w.previousKey() != null) {
                rewrap(c, w, "previous_wrapped_key", w.previousKey());
            }
        }
        return new Batch(page.isEmpty() ? null : page.get(page.size() - 1).company().value(), rewrapped);
    }

    private int rewrap(Connection c, Wrapped w, String column, byte[] wrapped) throws SQLException {
        if (cipher.wrappedBy(w.company(), wrapped) != WrappedBy.PREVIOUS) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET " + column + " = ? WHERE id = ? AND " + column + " = ?")) {
            ps.setBytes(1, cipher.rewrap(w.company(), wrapped));
            ps.setString(2, w.company().value());
            ps.setBytes(3, wrapped);
            return ps.executeUpdate();
        }
    }

    private static List<Wrapped> allWrapped(Connection c) throws SQLException {
        List<Wrapped> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, wrapped_key, previous_wrapped_key FROM companies ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Wrapped(new CompanyId(rs.getString(1)), rs.getBytes(2), rs.getBytes(3)));
            }
        }
        return all;
    }

    /** Rests between batches so a running server keeps its answers quick. */
    static void rest(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rotation was interrupted; run it again to finish", e);
        }
    }

    /** A company's data keys as wrapped in its row. */
    private record Wrapped(CompanyId company, byte[] key, byte[] previousKey) {
        /** Previous when any of them still needs the previous master key; neither when one opens under none. */
        WrappedBy by(ContentCipher cipher) {
            WrappedBy first = cipher.wrappedBy(company, key);
            WrappedBy second = previousKey == null ? WrappedBy.CURRENT : cipher.wrappedBy(company, previousKey);
            if (first == WrappedBy.NEITHER || second == WrappedBy.NEITHER) {
                return WrappedBy.NEITHER;
            }
            return first == WrappedBy.PREVIOUS || second == WrappedBy.PREVIOUS ? WrappedBy.PREVIOUS : WrappedBy.CURRENT;
        }
    }

    private record Batch(String last, int rewrapped) {
    }
}
