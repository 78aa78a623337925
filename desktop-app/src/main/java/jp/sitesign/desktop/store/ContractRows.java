package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.sync.ContractSnapshot;

/** The contracts table: each server snapshot as JSON beside its search keys, and the PDFs it names. */
final class ContractRows {
    private static final String KEY_COLUMNS = "id, sender_id, counterparty_id, status, management_number, title,"
            + " transaction_date, amount, updated_at";

    private ContractRows() {
    }

    static void upsert(Connection c, ContractSnapshot k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO contracts (id, sender_id, counterparty_id, status,"
                + " management_number, number_fold, title, title_fold, transaction_date, amount, updated_at, revision)"
                + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.senderId());
            ps.setString(3, k.counterpartyId());
            ps.setString(4, k.status().name());
            ps.setString(5, k.managementNumber());
            ps.setString(6, ContractQuery.fold(k.managementNumber()));
            ps.setString(7, k.title());
            ps.setString(8, ContractQuery.fold(k.title()));
            ps.setObject(9, k.transactionDate());
            if (k.amountYen() == null) {
                ps.setNull(10, Types.BIGINT);
            } else {
                ps.setLong(10, k.amountYen());
            }
            ps.setObject(11, k.updatedAt().atOffset(ZoneOffset.UTC));
            ps.setLong(12, k.revision());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO contract_snapshots (id, snapshot) KEY (id) VALUES (?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, StoreJson.write(k));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM contract_documents WHERE contract_id = ?")) {
            ps.setString(1, k.id());
            ps.executeUpdate();
        }
        Set<String> shas = new LinkedHashSet<>();
        if (k.mainDocument() != null) {
            shas.add(k.mainDocument());
        }
        k.documents().forEach(d -> shas.add(d.sha256()));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contract_documents (contract_id, sha256) VALUES (?, ?)")) {
            for (String sha : shas) {
                ps.setString(1, k.id());
                ps.setString(2, sha);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void delete(Connection c, String id) throws SQLException {
        for (String sql : List.of("DELETE FROM contract_documents WHERE contract_id = ?",
                "DELETE FROM contract_snapshots WHERE id = ?",
                "DELETE FROM contracts WHERE id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
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

    static Map<String, ContractSnapshot> load(Connection c, List<String> ids) throws SQLException {
        Map<String, ContractSnapshot> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // IN with one parameter per id uses the primary key; "= ANY(array)" scanned the table.
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, snapshot FROM contract_snapshots WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), StoreJson.read(rs.getString(2), ContractSnapshot.class));
                }
            }
        }
        return out;
    }

    /**
     * The search keys of every stored contract {@code q} may match, narrowed on the indexed columns. The
     * conditions mirror {@link ContractQuery#matches} exactly (text through the folded columns); the caller
     * still applies {@code matches}, which stays the definition.
     */
    static List<ContractQuery.Keys> candidates(Connection c, ContractQuery q, CompanyId viewer) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + KEY_COLUMNS + " FROM contracts WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.dateFrom() != null) {
            sql.append(" AND transaction_date >= ?");
            args.add(Date.valueOf(q.dateFrom()));
        }
        if (q.dateTo() != null) {
            sql.append(" AND transaction_date <= ?");
            args.add(Date.valueOf(q.dateTo()));
        }
        if (q.amountMin() != null) {
            sql.append(" AND amount >= ?");
            args.add(q.amountMin());
        }
        if (q.amountMax() != null) {
            sql.append(" AND amount <= ?");
            args.add(q.amountMax());
        }
        if (q.counterparty() != null) {
            sql.append(" AND (counterparty_id = ? OR (sender_id = ? AND sender_id <> ?))");
            args.add(q.counterparty().value());
            args.add(q.counterparty().value());
            args.add(viewer.value());
        }
        like(sql, args, "number_fold", q.number());
        like(sql, args, "title_fold", q.title());
        List<ContractQuery.Keys> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long amount = rs.getLong("amount");
                    Long amountYen = rs.wasNull() ? null : amount;
                    out.add(new ContractQuery.Keys(rs.getString("id"), rs.getString("sender_id"),
                            rs.getString("counterparty_id"),
                            jp.sitesign.model.contract.ContractStatus.valueOf(rs.getString("status")),
                            rs.getString("management_number"), rs.getString("title"),
                            rs.getObject("transaction_date", LocalDate.class), amountYen,
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    private static void like(StringBuilder sql, List<Object> args, String column, String filter) {
        String needle = ContractQuery.needle(filter);
        if (needle != null) {
            sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '\\'");
            args.add("%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
