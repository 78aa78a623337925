package jp.sitesign.server.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keys rotate-company} (ADR 36): a new data key for one company; its content is re-sealed under it
 * page by page, each page one transaction, while the server serves. The old key stays in the company row
 * ({@code previous_wrapped_key}) and opens what is not re-sealed yet, so a run killed anywhere leaves every
 * row readable and running it again goes on. The old key is destroyed only after a pass that found nothing
 * left under it; new content is sealed under the new key from the moment the rotation starts.
 */
public final class CompanyKeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(CompanyKeyRotation.class);
    private static final String OPERATOR = "operator";

    private final Database db;
    private final ContentCipher cipher;
    private final AuditLog audit;
    private final TermIndex terms;

    /**
     * Rebuilds what is keyed by a key derived from the company's data key: the contract search's blind index
     * (ADR 46), rewritten under the new key before the old one is destroyed.
     */
    @FunctionalInterface
    public interface TermIndex {
        /** Rewrites the company's terms under its current key; returns how many contracts it rewrote. */
        long rebuild(CompanyId company, int batchSize);
    }

    public CompanyKeyRotation(Database db, ContentCipher cipher, AuditLog audit, TermIndex terms) {
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
        this.terms = terms;
    }

    /** What a run did: whether it made the new key, how many values it re-sealed, whether the old key is gone. */
    public record Rotated(CompanyId company, boolean started, long resealed, boolean finished) {
    }

    public synchronized Rotated rotate(CompanyId company, int batchSize, Duration pause) {
        boolean started = db.inTransaction(c -> start(c, company));
        if (started) {
            LOG.info("company key rotation of {} started", company);
            audit.append(new AuditLog.Entry(OPERATOR, company.value(), AuditAction.COMPANY_KEY_ROTATED,
                    company.value(), AuditOutcome.SUCCESS, null, "started: new data key; the previous one kept"
                            + " until its content is re-sealed"));
        }
        long resealed = pass(company, batchSize, pause);
        // Searches look terms up under both keys until the old one is destroyed, so none is missed meanwhile.
        long reindexed = terms.rebuild(company, batchSize);
        // A second pass re-seals what a transaction that had read the old key committed behind the first one.
        long late = pass(company, batchSize, pause);
        boolean finished = late == 0 && db.inTransaction(c -> dropPrevious(c, company));
        String outcome = "re-sealed=" + (resealed + late) + ", search index rebuilt for " + reindexed
                + " contract(s)" + (finished ? "; previous data key destroyed"
                : "; previous data key kept: run keys rotate-company again");
        audit.append(new AuditLog.Entry(OPERATOR, company.value(), AuditAction.COMPANY_KEY_ROTATED, company.value(),
                AuditOutcome.SUCCESS, null, outcome));
        LOG.info("company key rotation of {}: {}", company, outcome);
        return new Rotated(company, started, resealed + late, finished);
    }

    /** Companies whose rotation is under way (their previous key is still kept). */
    public List<String> underWay() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM companies WHERE previous_wrapped_key IS NOT NULL ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private boolean start(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT previous_wrapped_key FROM companies WHERE id = ? FOR UPDATE")) {
            ps.setString(1, company.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw KeyMessage.COMPANY_NOT_FOUND.exception(company);
                }
                if (rs.getBytes(1) != null) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET previous_wrapped_key = wrapped_key, wrapped_key = ? WHERE id = ?")) {
            ps.setBytes(1, cipher.wrapForStorage(company, Aead.newKey()));
            ps.setString(2, company.value());
            ps.executeUpdate();
        }
        return true;
    }

    private long pass(CompanyId company, int batchSize, Duration pause) {
        long resealed = 0;
        for (SealedColumns.Column column : SealedColumns.ALL) {
            List<Object> after = null;
            while (true) {
                List<Object> from = after;
                Page page = db.inTransaction(c -> resealPage(c, company, column, from, column.pageSize(batchSize)));
                resealed += page.resealed();
                if (page.last() == null) {
                    break;
                }
                after = page.last();
                LOG.info("company key rotation of {}: {}.{} re-sealed up to {} ({} so far)", company, column.table(),
                        column.column(), after, resealed);
                MasterKeyRotation.rest(pause);
            }
        }
        return resealed;
    }

    private Page resealPage(Connection c, CompanyId company, SealedColumns.Column column, List<Object> after,
            int size) throws SQLException {
        List<List<Object>> keys = new ArrayList<>();
        List<byte[]> sealed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(column.selectPage(after == null))) {
            int i = 1;
            ps.setString(i++, company.value());
            if (after != null) {
                for (Object k : after) {
                    ps.setObject(i++, k);
                }
            }
            ps.setInt(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                int n = column.keys().size();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int k = 1; k <= n; k++) {
                        row.add(rs.getObject(k));
                    }
                    keys.add(row);
                    sealed.add(rs.getBytes(n + 1));
                }
            }
        }
        long resealed = 0;
        for (int r = 0; r < keys.size(); r++) {
            Optional<byte[]> again = cipher.resealUnderCurrent(c, company, column.place().apply(keys.get(r)),
                    sealed.get(r));
            if (again.isEmpty()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(column.update())) {
                int i = 1;
                ps.setBytes(i++, again.get());
                for (Object k : keys.get(r)) {
                    ps.setObject(i++, k);
                }
                ps.setBytes(i, sealed.get(r));
                resealed += ps.executeUpdate();
            }
        }
        return new Page(keys.isEmpty() ? null : keys.get(keys.size() - 1), resealed);
    }

    private static boolean dropPrevious(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET previous_wrapped_key = NULL WHERE id = ? AND previous_wrapped_key IS NOT NULL")) {
            ps.setString(1, company.value());
            ps.executeUpdate();
            return true;
        }
    }

    private record Page(List<Object> last, long resealed) {
    }
}
