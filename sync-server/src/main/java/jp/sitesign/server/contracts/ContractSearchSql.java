package jp.sitesign.server.contracts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractQuerySql;
import jp.sitesign.model.policy.ContractVisibility;

/**
 * One search in SQL over the clear columns (ADR 46): the contracts the caller may see ({@link ContractVisibility}
 * from common-model, read from {@code contract_parties} and {@code contract_people}), the clear filters of
 * {@link ContractQuery#matchesClearKeys}, optionally only the ids the blind index left, and — when no sealed text
 * is involved — the order of {@link ContractQuery#order()} with the page and the count, so a broad query reads
 * one page of rows instead of every candidate.
 */
final class ContractSearchSql {
    /** The clear columns, in the derived table {@code k}; 文書管理番号 is sealed here, so no column to sort by. */
    private static final ContractQuerySql.Columns COLUMNS = new ContractQuerySql.Columns("k.status",
            "k.transaction_date", "k.amount", "k.counterparty", "k.sender_company", null, "k.updated_at DESC, k.id");

    private final ContractQuery q;
    private final String company;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    ContractSearchSql(ContractQuery q, ContractVisibility visibility, Collection<String> onlyIds) {
        this.q = q;
        this.company = visibility.company().value();
        if (!visibility.wholeCompany()) {
            condition("EXISTS (SELECT 1 FROM contract_people w WHERE w.contract_id = k.id AND w.user_id = ?)",
                    visibility.user().value());
        }
        for (ContractQuerySql.Condition k : ContractQuerySql.clearKeys(q, COLUMNS, visibility.company())) {
            condition(k.sql(), k.args().toArray());
        }
        if (onlyIds != null) {
            condition(onlyIds.isEmpty() ? "1 = 0" : "k.id IN (" + ContractQuerySql.marks(onlyIds.size()) + ")",
                    onlyIds.toArray());
        }
    }

    /** Every matching row, whole (sealed content and progress too), for the caller to open and filter. */
    PreparedStatement rows(Connection c) throws SQLException {
        List<Object> all = new ArrayList<>(List.of(company));
        all.addAll(args);
        // The sender is always a reached party (ContractResource requires it), so one index lookup decides.
        return prepare(c, "SELECT k.* FROM contracts k WHERE EXISTS (SELECT 1 FROM contract_parties p"
                + " WHERE p.contract_id = k.id AND p.company_id = ? AND p.reached)" + and(), all);
    }

    /**
     * The visible matches' ids and sort keys as a derived table {@code k}: the company's own contracts, where the
     * {@code (sender_company, …)} indexes serve the clear filters, and apart those sent to it by others, found
     * through {@code contract_parties}; the two are disjoint, as the sender is always a reached party.
     */
    private String visible(List<Object> all) {
        String columns = "SELECT k.id, k.updated_at, k.transaction_date, k.amount FROM contracts k WHERE ";
        all.add(company);
        all.addAll(args);
        all.add(company);
        all.add(company);
        all.addAll(args);
        return "(" + columns + "k.sender_company = ?" + and() + " UNION ALL " + columns + "k.sender_company <> ?"
                + " AND EXISTS (SELECT 1 FROM contract_parties p WHERE p.contract_id = k.id AND p.company_id = ?"
                + " AND p.reached)" + and() + ") k";
    }

    private String and() {
        return where.length() == 0 ? "" : " AND " + where;
    }

    /** The ids of the query's page in its order; only for a query that needs no sealed text. */
    List<String> pageIds(Connection c) throws SQLException {
        List<Object> all = new ArrayList<>();
        String from = visible(all);
        all.add((long) q.offset());
        all.add((long) q.limit());
        List<String> out = new ArrayList<>();
        String order = ContractQuerySql.orderBy(q.sort(), COLUMNS);
        try (PreparedStatement ps = prepare(c, "SELECT k.id FROM " + from + " ORDER BY " + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", all); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** How many rows match. */
    int count(Connection c) throws SQLException {
        List<Object> all = new ArrayList<>();
        String from = visible(all);
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM " + from, all);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void condition(String sql, Object... values) {
        where.append(where.length() == 0 ? "" : " AND ").append(sql);
        Collections.addAll(args, values);
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
