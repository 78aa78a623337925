package jp.sitesign.model.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.sitesign.model.company.CompanyId;

/**
 * {@link ContractQuery}'s clear keys and order written as SQL, for the stores that keep those keys in columns:
 * the server's contract table and the desktop's local store. Each store names its own columns; what a filter
 * means ({@link ContractQuery#matchesClearKeys}) and how rows are ordered ({@link ContractQuery#order()}) is said
 * here once, so the two stores cannot drift apart from each other or from the query itself.
 */
public final class ContractQuerySql {
    /**
     * A store's column names (with a table alias where the store needs one): the status, 取引年月日, 取引金額, the
     * counterparty and the sender, the 文書管理番号 to sort by (null when it is sealed and the store cannot sort
     * on it), and the newest-first tie order every sort ends with.
     */
    public record Columns(String status, String transactionDate, String amount, String counterparty, String sender,
            String number, String tail) {
    }

    /**
     * One condition with its {@code ?} placeholders and their values, in order: strings, longs and
     * {@link java.time.LocalDate}s, which JDBC 4.2 drivers bind as they are (common-model stays free of JDBC).
     */
    public record Condition(String sql, List<Object> args) {
    }

    private ContractQuerySql() {
    }

    /**
     * The conditions of {@code q}'s clear filters for a user of {@code viewer}: statuses, date and amount ranges,
     * and the counterparty (the other company of the contract: named as the counterparty, or the sender of a
     * contract another company sent to {@code viewer}).
     */
    public static List<Condition> clearKeys(ContractQuery q, Columns c, CompanyId viewer) {
        List<Condition> out = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            out.add(new Condition(c.status() + " IN (" + marks(q.statuses().size()) + ")",
                    q.statuses().stream().<Object>map(Enum::name).toList()));
        }
        if (q.dateFrom() != null) {
            out.add(new Condition(c.transactionDate() + " >= ?", List.of(q.dateFrom())));
        }
        if (q.dateTo() != null) {
            out.add(new Condition(c.transactionDate() + " <= ?", List.of(q.dateTo())));
        }
        if (q.amountMin() != null) {
            out.add(new Condition(c.amount() + " >= ?", List.of(q.amountMin())));
        }
        if (q.amountMax() != null) {
            out.add(new Condition(c.amount() + " <= ?", List.of(q.amountMax())));
        }
        if (q.counterparty() != null) {
            String other = q.counterparty().value();
            out.add(new Condition("(" + c.counterparty() + " = ? OR (" + c.sender() + " = ? AND " + c.sender()
                    + " <> ?))", List.of(other, other, viewer.value())));
        }
        return out;
    }

    /**
     * {@link ContractQuery#order()} in SQL: the sort key with its missing values last ascending and first
     * descending (as the comparator puts them), then the tie order. Sorting by 文書管理番号 relies on the store comparing
     * strings as {@link String#compareTo} does (H2's default collation).
     */
    public static String orderBy(ContractQuery.Sort sort, Columns c) {
        return switch (sort) {
            case UPDATED_DESC -> c.tail();
            case TRANSACTION_DATE_ASC -> c.transactionDate() + " ASC NULLS LAST, " + c.tail();
            case TRANSACTION_DATE_DESC -> c.transactionDate() + " DESC NULLS FIRST, " + c.tail();
            case AMOUNT_ASC -> c.amount() + " ASC NULLS LAST, " + c.tail();
            case AMOUNT_DESC -> c.amount() + " DESC NULLS FIRST, " + c.tail();
            case NUMBER_ASC -> {
                if (c.number() == null) {
                    throw new IllegalArgumentException("文書管理番号 is sealed in this store: sorted after opening");
                }
                yield c.number() + " ASC NULLS LAST, " + c.tail();
            }
        };
    }

    /** {@code n} comma-separated placeholders. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
