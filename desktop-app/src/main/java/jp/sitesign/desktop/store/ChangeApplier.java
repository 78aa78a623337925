package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.EntityType;

/**
 * Applies one page of the change feed in one local transaction together with its checkpoint: a crash or
 * a bad change anywhere in the page leaves the previous data and checkpoint, so the next pull asks again.
 */
final class ChangeApplier {
    private ChangeApplier() {
    }

    static void apply(Connection c, ChangePage page) throws SQLException {
        long checkpoint = Long.parseLong(StoreDatabase.meta(c, "checkpoint"));
        if (!page.reset() && page.checkpoint() < checkpoint) {
            throw new IllegalArgumentException("the feed went back from " + checkpoint + " to " + page.checkpoint()
                    + " without a reset");
        }
        if (page.reset()) {
            try (Statement s = c.createStatement()) {
                for (String table : List.of("wanted_documents", "contract_documents", "contract_snapshots", "contracts", "users", "partnerships", "notices")) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
        }
        ContractChanges contracts = new ContractChanges();
        for (Change change : page.changes()) {
            apply(c, change, contracts);
        }
        contracts.write(c);
        StoreDatabase.setMeta(c, "checkpoint", Long.toString(page.checkpoint()));
        if (!page.more()) {
            // The feed is drained: whatever the server applied before this pull is in the store now.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM outbox WHERE state = 'APPLIED'");
            }
        }
    }

    private static void apply(Connection c, Change ch, ContractChanges contracts) throws SQLException {
        if (ch.type() == null || ch.id() == null || ch.id().isBlank()) {
            throw malformed(ch, "no type or id");
        }
        int bodies = (ch.contract() == null ? 0 : 1) + (ch.user() == null ? 0 : 1)
                + (ch.partnership() == null ? 0 : 1) + (ch.notice() == null ? 0 : 1);
        if (ch.removed() ? bodies != 0 : bodies != 1 || body(ch) == null) {
            throw malformed(ch, "a change carries exactly one body of its type, a tombstone none");
        }
        if (ch.removed()) {
            if (ch.type() == EntityType.CONTRACT) {
                contracts.remove(ch.id());
            } else {
                remove(c, ch.type(), ch.id());
            }
            return;
        }
        switch (ch.type()) {
            case CONTRACT -> {
                if (!ch.id().equals(ch.contract().id()) || ch.contract().parties().isEmpty()
                        || ch.contract().status() == null || ch.contract().updatedAt() == null) {
                    throw malformed(ch, "contract body does not match");
                }
                contracts.upsert(ch.contract());
            }
            case USER -> {
                requireId(ch, ch.user().id());
                upsert(c, "users", ch.id(), ch.user());
            }
            case PARTNERSHIP -> {
                requireId(ch, Long.toString(ch.partnership().id()));
                upsert(c, "partnerships", Long.parseLong(ch.id()), ch.partnership());
            }
            case NOTICE -> {
                requireId(ch, Long.toString(ch.notice().id()));
                try (PreparedStatement ps = c.prepareStatement(
                        "MERGE INTO notices (id, published_at, body) KEY (id) VALUES (?, ?, ?)")) {
                    ps.setLong(1, ch.notice().id());
                    ps.setObject(2, ch.notice().publishedAt() == null ? null
                            : OffsetDateTime.ofInstant(ch.notice().publishedAt(), ZoneOffset.UTC));
                    ps.setString(3, StoreJson.write(ch.notice()));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static Object body(Change ch) {
        return switch (ch.type()) {
            case CONTRACT -> ch.contract();
            case USER -> ch.user();
            case PARTNERSHIP -> ch.partnership();
            case NOTICE -> ch.notice();
        };
    }

    /**
     * A page's contract changes, written together at the end in batches. Only the last change of an id
     * counts (each carries the whole state, a tombstone none); the outbox's applied draft commands are
     * dropped up to the highest revision the page brought for the id (any revision for a tombstone), as
     * applying the changes one by one would.
     */
    private static final class ContractChanges {
        private final Map<String, ContractSnapshot> last = new LinkedHashMap<>();
        private final Map<String, Long> caughtUp = new HashMap<>();

        void upsert(ContractSnapshot k) {
            last.remove(k.id());
            last.put(k.id(), k);
            caughtUp.merge(k.id(), k.revision(), Math::max);
        }

        void remove(String id) {
            last.remove(id);
            last.put(id, null);
            caughtUp.put(id, Long.MAX_VALUE);
        }

        void write(Connection c) throws SQLException {
            List<String> removed = new ArrayList<>();
            List<ContractSnapshot> upserted = new ArrayList<>();
            last.forEach((id, k) -> {
                if (k == null) {
                    removed.add(id);
                } else {
                    upserted.add(k);
                }
            });
            ContractRows.deleteAll(c, removed);
            ContractRows.upsertAll(c, upserted);
            dropCaughtUp(c, caughtUp);
        }
    }

    private static void remove(Connection c, EntityType type, String id) throws SQLException {
        String table = switch (type) {
            case USER -> "users";
            case PARTNERSHIP -> "partnerships";
            default -> "notices";
        };
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            if (type == EntityType.USER) {
                ps.setString(1, id);
            } else {
                ps.setLong(1, parseId(id));
            }
            ps.executeUpdate();
        }
    }

    private static void upsert(Connection c, String table, Object id, Object body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + table + " (id, body) KEY (id) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, StoreJson.write(body));
            ps.executeUpdate();
        }
    }

    /** Applied draft commands whose effect the feed has now brought stop overlaying the server's state. */
    private static void dropCaughtUp(Connection c, Map<String, Long> revisions) throws SQLException {
        if (revisions.isEmpty() || !anyApplied(c)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE entity_id = ? AND state = 'APPLIED'"
                + " AND (applied_revision IS NULL OR applied_revision <= ?)")) {
            for (Map.Entry<String, Long> e : revisions.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean anyApplied(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM outbox WHERE state = 'APPLIED' FETCH FIRST 1 ROW ONLY")) {
            return rs.next();
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed change: id " + id + " is not a number");
        }
    }

    private static void requireId(Change ch, String bodyId) {
        if (!ch.id().equals(bodyId)) {
            throw malformed(ch, "body id " + bodyId + " does not match");
        }
    }

    private static IllegalArgumentException malformed(Change ch, String why) {
        return new IllegalArgumentException("malformed change (seq " + ch.seq() + ", " + ch.type() + " " + ch.id()
                + "): " + why);
    }
}
