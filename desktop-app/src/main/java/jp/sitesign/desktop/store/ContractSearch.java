package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractQuerySql;
import jp.sitesign.model.contract.ContractStatus;

/**
 * One {@link ContractQuery} run by H2 over the stored server snapshots, merged with the few contracts the
 * overlay shows instead (local drafts, pending edits). The SQL says exactly what the query says: the
 * filter of {@link ContractQuery#matches} (text on the case-folded columns with {@code LIKE}, {@code %},
 * {@code _} and {@code \} escaped), the order of {@link ContractQuery#order()} (the sort key with its missing
 * values last ascending and first descending, then newest first, then id) and the page with
 * {@code OFFSET/FETCH} and {@code COUNT(*)}, so the default list reads one page of the
 * {@code contracts_newest} index instead of every row.
 */
final class ContractSearch {
    private static final String KEY_COLUMNS = "id, sender_id, counterparty_id, status, management_number, title,"
            + " transaction_date, amount, updated_at";
    /** The local store's columns of the clear keys; the 文書管理番号 is in clear here, so lists sort by it in SQL. */
    private static final ContractQuerySql.Columns COLUMNS = new ContractQuerySql.Columns("status", "transaction_date",
            "amount", "counterparty_id", "sender_id", "management_number", "updated_at DESC, id");

    private final ContractQuery q;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    ContractSearch(ContractQuery q, CompanyId viewer) {
        this.q = q;
        for (ContractQuerySql.Condition k : ContractQuerySql.clearKeys(q, COLUMNS, viewer)) {
            condition(k.sql(), k.args().toArray());
        }
        contains("number_fold", q.number());
        contains("title_fold", q.title());
    }

    /** What a page of a search gives: its rows in order and the number of all matches. */
    record Result(List<ContractQuery.Keys> page, int total) {
    }

    /**
     * The query's page of the stored rows except {@code covered} together with {@code shown} (rows held in
     * memory that take the covered rows' place; the caller has filtered them with the same query), and the
     * number of both.
     *
     * <p>With m shown rows, stored row i lands at i plus the shown rows ordered before it, so only stored
     * rows from {@code start = max(0, offset − m)} to {@code offset + limit} can be on the page: that window
     * is all SQL reads. Shown row j lands at j plus the stored rows before it, which is {@code start} plus
     * the window's rows before it whenever it can be on the page; when it is not (the row sorts before the
     * window's first row, after a full window, or the window is empty past the last match) that same sum
     * also falls outside the page, since j &lt; m.
     */
    Result page(Connection c, Collection<String> covered, List<ContractQuery.Keys> shown) throws SQLException {
        Comparator<ContractQuery.Keys> order = q.order();
        List<ContractQuery.Keys> local = new ArrayList<>(shown);
        local.sort(order);
        long offset = q.offset();
        long end = offset + q.limit();
        long start = Math.max(0, offset - local.size());
        List<ContractQuery.Keys> window = window(c, covered, start, end - start);
        boolean full = window.size() == end - start;
        // A window that ends early holds the last match, so the count is known without COUNT(*) (a rare title
        // costs one pass instead of two); only when it starts past the last match is there nothing to count on.
        long stored = !full && (start == 0 || !window.isEmpty()) ? start + window.size() : count(c, covered);
        List<ContractQuery.Keys> page = new ArrayList<>();
        int before = 0;
        for (int k = 0; k < window.size(); k++) {
            while (before < local.size() && order.compare(local.get(before), window.get(k)) < 0) {
                before++;
            }
            if (inPage(start + k + before)) {
                page.add(window.get(k));
            }
        }
        int storedBefore = 0;
        for (int j = 0; j < local.size(); j++) {
            while (storedBefore < window.size() && order.compare(window.get(storedBefore), local.get(j)) < 0) {
                storedBefore++;
            }
            if (inPage(j + start + storedBefore)) {
                page.add(local.get(j));
            }
        }
        page.sort(order);
        return new Result(page, (int) Math.min(Integer.MAX_VALUE, stored + local.size()));
    }

    private boolean inPage(long place) {
        return place >= q.offset() && place < (long) q.offset() + q.limit();
    }

    /** How many stored rows match, not counting {@code covered} ones. */
    private long count(Connection c, Collection<String> covered) throws SQLException {
        long all = count(c, "SELECT COUNT(*) FROM contracts" + whereClause(), args);
        if (covered.isEmpty()) {
            // Counting all and subtracting keeps COUNT(*) without conditions on H2's quick path.
            return all;
        }
        List<Object> withIds = new ArrayList<>(args);
        withIds.addAll(covered);
        return all - count(c, "SELECT COUNT(*) FROM contracts" + whereClause() + (where.length() == 0 ? " WHERE" : " AND")
                + " id IN (" + ContractRows.marks(covered.size()) + ")", withIds);
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stored rows {@code [from, from + rows)} of the matches in the query's order, without {@code covered}. */
    private List<ContractQuery.Keys> window(Connection c, Collection<String> covered, long from, long rows)
            throws SQLException {
        List<Object> all = new ArrayList<>(args);
        StringBuilder sql = new StringBuilder("SELECT " + KEY_COLUMNS + " FROM contracts").append(whereClause());
        if (!covered.isEmpty()) {
            sql.append(where.length() == 0 ? " WHERE" : " AND").append(" id NOT IN (")
                    .append(ContractRows.marks(covered.size())).append(')');
            all.addAll(covered);
        }
        sql.append(" ORDER BY ").append(orderBy(q.sort())).append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        all.add(from);
        all.add(rows);
        List<ContractQuery.Keys> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql.toString(), all); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(keys(rs));
            }
        }
        return out;
    }

    /** {@link ContractQuery#order()} in SQL. */
    static String orderBy(ContractQuery.Sort sort) {
        return ContractQuerySql.orderBy(sort, COLUMNS);
    }

    private void condition(String sql, Object... values) {
        where.append(where.length() == 0 ? "" : " AND ").append(sql);
        args.addAll(List.of(values));
    }

    /** {@link ContractQuery#needle} anywhere in the folded column: exactly {@code fold(value).contains(needle)}. */
    private void contains(String column, String filter) {
        String needle = ContractQuery.needle(filter);
        if (needle != null) {
            condition(column + " LIKE ? ESCAPE '\\'",
                    "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    private String whereClause() {
        return where.length() == 0 ? "" : " WHERE " + where;
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

    private static ContractQuery.Keys keys(ResultSet rs) throws SQLException {
        long amount = rs.getLong("amount");
        Long amountYen = rs.wasNull() ? null : amount;
        return new ContractQuery.Keys(rs.getString("id"), rs.getString("sender_id"), rs.getString("counterparty_id"),
                ContractStatus.valueOf(rs.getString("status")), rs.getString("management_number"), rs.getString("title"),
                rs.getObject("transaction_date", LocalDate.class), amountYen,
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
