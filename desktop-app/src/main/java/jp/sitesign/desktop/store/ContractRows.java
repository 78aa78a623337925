package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.sync.ContractSnapshot;

/** The contracts table: each server snapshot as JSON beside its search keys, and the PDFs it names. */
final class ContractRows {
    private static final String WRITE_COLUMNS = "id, sender_id, counterparty_id, status, management_number,"
            + " number_fold, title, title_fold, transaction_date, amount, updated_at, revision";
    /** Ids per IN list: one parameter each keeps the primary key in use ("= ANY(array)" scanned the table). */
    static final int IN_CHUNK = 500;

    private ContractRows() {
    }

    /**
     * Stores a page's contracts, one batch per statement: a first sync of 1,000 contracts a page costs one
     * existence query and a handful of batches, not a dozen statements per contract.
     */
    static void upsertAll(Connection c, Collection<ContractSnapshot> snapshots) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        List<String> ids = snapshots.stream().map(ContractSnapshot::id).toList();
        Set<String> existing = existing(c, ids);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contracts (" + WRITE_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE contracts SET sender_id = ?, counterparty_id = ?,"
                        + " status = ?, management_number = ?, number_fold = ?, title = ?, title_fold = ?,"
                        + " transaction_date = ?, amount = ?, updated_at = ?, revision = ? WHERE id = ?")) {
            for (ContractSnapshot k : snapshots) {
                if (existing.contains(k.id())) {
                    setKeys(update, 1, k);
                    update.setString(12, k.id());
                    update.addBatch();
                } else {
                    insert.setString(1, k.id());
                    setKeys(insert, 2, k);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contract_snapshots (snapshot, id) VALUES (?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE contract_snapshots SET snapshot = ? WHERE id = ?")) {
            for (ContractSnapshot k : snapshots) {
                PreparedStatement ps = existing.contains(k.id()) ? update : insert;
                ps.setString(1, StoreJson.write(k));
                ps.setString(2, k.id());
                ps.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        Set<String> named = WantedDocuments.release(c, existing);
        deleteWhere(c, "DELETE FROM contract_documents WHERE contract_id = ?", existing);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contract_documents (contract_id, sha256) VALUES (?, ?)")) {
            for (ContractSnapshot k : snapshots) {
                for (String sha : shas(k)) {
                    ps.setString(1, k.id());
                    ps.setString(2, sha);
                    ps.addBatch();
                    named.add(sha);
                }
            }
            ps.executeBatch();
        }
        WantedDocuments.want(c, named);
    }

    private static void setKeys(PreparedStatement ps, int at, ContractSnapshot k) throws SQLException {
        ps.setString(at, k.senderId());
        ps.setString(at + 1, k.counterpartyId());
        ps.setString(at + 2, k.status().name());
        ps.setString(at + 3, k.managementNumber());
        ps.setString(at + 4, ContractQuery.fold(k.managementNumber()));
        ps.setString(at + 5, k.title());
        ps.setString(at + 6, ContractQuery.fold(k.title()));
        ps.setObject(at + 7, k.transactionDate());
        if (k.amountYen() == null) {
            ps.setNull(at + 8, Types.BIGINT);
        } else {
            ps.setLong(at + 8, k.amountYen());
        }
        ps.setObject(at + 9, k.updatedAt().atOffset(ZoneOffset.UTC));
        ps.setLong(at + 10, k.revision());
    }

    private static Set<String> shas(ContractSnapshot k) {
        Set<String> shas = new LinkedHashSet<>();
        if (k.mainDocument() != null) {
            shas.add(k.mainDocument());
        }
        k.documents().forEach(d -> shas.add(d.sha256()));
        return shas;
    }

    /** Which of {@code ids} are stored, asked in chunks (one parameter per id, so the primary key is used). */
    private static Set<String> existing(Connection c, List<String> ids) throws SQLException {
        Set<String> out = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + IN_CHUNK, ids.size()));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contracts WHERE id IN (" + marks(chunk.size())
                    + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static void deleteAll(Connection c, Collection<String> ids) throws SQLException {
        Set<String> named = WantedDocuments.release(c, ids);
        for (String sql : List.of("DELETE FROM contract_documents WHERE contract_id = ?",
                "DELETE FROM contract_snapshots WHERE id = ?",
                "DELETE FROM contracts WHERE id = ?")) {
            deleteWhere(c, sql, ids);
        }
        WantedDocuments.want(c, named); // still wanted when another contract names them
    }

    private static void deleteWhere(Connection c, String sql, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static ContractSnapshot find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot FROM contract_snapshots WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? StoreJson.read(rs.getString(1), ContractSnapshot.class) : null;
            }
        }
    }

    static Long revision(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM contracts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The snapshots of {@code ids} that are stored, by id. */
    static Map<String, ContractSnapshot> load(Connection c, List<String> ids) throws SQLException {
        Map<String, ContractSnapshot> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + IN_CHUNK, ids.size()));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, snapshot FROM contract_snapshots WHERE id IN ("
                    + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), StoreJson.read(rs.getString(2), ContractSnapshot.class));
                    }
                }
            }
        }
        return out;
    }
}
