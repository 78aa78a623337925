package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;

/**
 * The durable queue of the user's writes (DESIGN §4). {@link #append} returns only once the command is
 * committed to the file, so the UI may say "保存しました" after it; the sync engine pushes {@link #pending()}
 * in order and records each answer with {@link #markResult}.
 */
public final class Outbox {
    private final StoreDatabase db;
    private final CompanyId company;
    private final Clock clock;

    Outbox(StoreDatabase db, CompanyId company, Clock clock) {
        this.db = db;
        this.company = company;
        this.clock = clock;
    }

    /**
     * Queues a command. Drafts are checked by the same rules as on the server ({@code ContractDraft}), so an
     * invalid draft is refused here with a field error instead of being rejected after the next sync.
     */
    public OutboxEntry append(Command command) {
        if (command instanceof Command.WithDraft d) {
            d.draft().progress(company);
            d.draft().data();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.inTransaction(c -> {
            insert(c, command, OutboxState.PENDING, null, now);
            return find(c, command.id());
        });
    }

    static void insert(Connection c, Command command, OutboxState state, CommandResult result, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, type, entity_id, state, command,"
                + " result, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, command.id());
            ps.setString(2, command.type().name());
            ps.setString(3, command.entityId());
            ps.setString(4, state.name());
            ps.setString(5, StoreJson.write(command));
            ps.setString(6, result == null ? null : StoreJson.write(result));
            ps.setObject(7, at);
            ps.executeUpdate();
        }
    }

    /** Commands not yet answered, oldest first: what to push. */
    public List<OutboxEntry> pending() {
        return db.read(c -> select(c, "WHERE state = 'PENDING'"));
    }

    /** Rejected and conflicting commands, oldest first: what the user must see until dismissed. */
    public List<OutboxEntry> needingAttention() {
        return db.read(c -> select(c, "WHERE state IN ('REJECTED', 'CONFLICT')"));
    }

    /** Everything in the outbox, oldest first. */
    public List<OutboxEntry> all() {
        return db.read(c -> select(c, ""));
    }

    /**
     * Records the server's answer to a pending command. A repeat of the answer already recorded is
     * ignored (the engine may retry after a crash); a different answer to an answered command is a bug.
     */
    public void markResult(CommandResult result) {
        markResults(List.of(result));
    }

    /** Records the answers to one push in one local transaction (all of them, or none after a crash). */
    public void markResults(List<CommandResult> results) {
        db.inTransaction(c -> {
            for (CommandResult r : results) {
                mark(c, r);
            }
            return null;
        });
    }

    /** How many commands wait for the server, and how many the user must look at, without reading them. */
    public record Counts(int pending, int needingAttention) {
    }

    public Counts counts() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN state IN ('REJECTED', 'CONFLICT') THEN 1 ELSE 0 END) FROM outbox");
                    java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2));
            }
        });
    }

    private static void mark(Connection c, CommandResult result) throws SQLException {
        {
            OutboxEntry e = find(c, result.id());
            if (e == null) {
                throw new IllegalArgumentException("no command " + result.id() + " in the outbox");
            }
            OutboxState next = switch (result.outcome()) {
                case APPLIED -> OutboxState.APPLIED;
                case REJECTED -> OutboxState.REJECTED;
                case CONFLICT -> OutboxState.CONFLICT;
            };
            if (e.state() != OutboxState.PENDING) {
                if (e.state() == next) {
                    return;
                }
                throw new IllegalStateException("command " + result.id() + " was already answered " + e.state());
            }
            if (next == OutboxState.APPLIED && !Overlay.shows(e.command().type())) {
                // Nothing of it is shown locally ahead of the feed: it is done.
                delete(c, result.id());
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = ?, result = ?, applied_revision = ? WHERE id = ?")) {
                ps.setString(1, next.name());
                ps.setString(2, StoreJson.write(result));
                if (result.outcome() == CommandOutcome.APPLIED && result.revision() != null) {
                    ps.setLong(3, result.revision());
                } else {
                    ps.setNull(3, Types.BIGINT);
                }
                ps.setObject(4, result.id());
                ps.executeUpdate();
            }
        }
    }

    /** The user has seen a rejected or conflicting command; it leaves the outbox. */
    public void dismiss(UUID id) {
        db.inTransaction(c -> {
            OutboxEntry e = find(c, id);
            if (e == null) {
                return null;
            }
            if (!e.state().needsAttention()) {
                throw new IllegalStateException("only rejected or conflicting commands can be dismissed, not "
                        + e.state());
            }
            delete(c, id);
            return null;
        });
    }

    private static void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    static OutboxEntry find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    static List<OutboxEntry> forEntity(Connection c, String entityId) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE entity_id = ? ORDER BY seq")) {
            ps.setString(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** The commands on any of {@code entityIds}, oldest first. */
    static List<OutboxEntry> forEntities(Connection c, List<String> entityIds) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        for (int from = 0; from < entityIds.size(); from += 500) {
            List<String> chunk = entityIds.subList(from, Math.min(from + 500, entityIds.size()));
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE entity_id IN ("
                    + ContractRows.marks(chunk.size()) + ") ORDER BY seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(OutboxEntry::seq));
        return out;
    }

    static List<OutboxEntry> select(Connection c, String where) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox " + where + " ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        String result = rs.getString("result");
        return new OutboxEntry(rs.getLong("seq"), StoreJson.read(rs.getString("command"), Command.class),
                OutboxState.valueOf(rs.getString("state")),
                result == null ? null : StoreJson.read(result, CommandResult.class),
                rs.getObject("queued_at", OffsetDateTime.class).toInstant());
    }
}
