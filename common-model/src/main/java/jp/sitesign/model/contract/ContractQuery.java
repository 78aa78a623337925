package jp.sitesign.model.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;

/**
 * The contract search, one definition for the server and the desktop app's local store: the 電子帳簿保存法
 * keys (取引年月日, 取引金額 and 取引先, as inclusive ranges, combinable) plus 文書管理番号, title and status.
 *
 * <p>What "matches" means, in this one place:
 * <ul>
 *   <li>a null (or, for text, blank) field does not filter;</li>
 *   <li>{@code number} and {@code title} match anywhere in the value, ignoring case ({@link #fold}), after
 *       stripping the needle; a contract without the value does not match;</li>
 *   <li>{@code statuses} is a set: a contract matches when its status is one of them (an empty set, like null,
 *       does not filter: "every status");</li>
 *   <li>{@code dateFrom}/{@code dateTo} and {@code amountMin}/{@code amountMax} are inclusive; a contract
 *       without a date (amount) does not match a date (amount) filter;</li>
 *   <li>{@code counterparty} is the other side as the viewer sees it: the contract's first counterparty,
 *       or its sender when the sender is not the viewer's company (a contract received from it).</li>
 * </ul>
 * Orders ({@link #order()}): each sort key, nulls last when ascending and first when descending, then the
 * most recently updated first, then the id, so every order is total and both sides page identically.
 * Callers may narrow candidates any way they like (SQL on indexed columns) as long as the narrowing keeps
 * every row {@link #matches} accepts; the final filter and order are this class's.
 */
public record ContractQuery(String number, String title, Set<ContractStatus> statuses, LocalDate dateFrom,
        LocalDate dateTo,
        Long amountMin, Long amountMax, CompanyId counterparty, Sort sort, int offset, int limit) {

    /** Result orders. */
    public enum Sort { UPDATED_DESC, TRANSACTION_DATE_DESC, TRANSACTION_DATE_ASC, AMOUNT_DESC, AMOUNT_ASC, NUMBER_ASC }

    public ContractQuery {
        number = number == null || number.isBlank() ? null : number;
        title = title == null || title.isBlank() ? null : title;
        statuses = statuses == null || statuses.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        sort = sort == null ? Sort.UPDATED_DESC : sort;
        if (offset < 0) {
            throw ContractFieldMessage.OFFSET_NEGATIVE.exception();
        }
        if (limit < 1) {
            throw ContractFieldMessage.LIMIT_NOT_POSITIVE.exception();
        }
    }

    /** One status, or every status for null: the set {@link #statuses} takes. */
    public static Set<ContractStatus> only(ContractStatus status) {
        return status == null ? Set.of() : Set.of(status);
    }

    /** Everything, newest first, one page of {@code limit}. */
    public static ContractQuery all(int limit) {
        return new ContractQuery(null, null, null, null, null, null, null, null, null, 0, limit);
    }

    /** The same filters and order without paging (an export). */
    public ContractQuery unpaged() {
        return new ContractQuery(number, title, statuses, dateFrom, dateTo, amountMin, amountMax, counterparty, sort, 0,
                Integer.MAX_VALUE);
    }

    /**
     * What a search looks at of one contract.
     *
     * @param counterpartyId the first counterparty, or null while a draft names none
     */
    public record Keys(String id, String senderId, String counterpartyId, ContractStatus status,
            String managementNumber, String title, LocalDate transactionDate, Long amountYen, Instant updatedAt) {
        public Keys {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** Whether a filter or the order needs 文書管理番号 or title (sealed text on the server). */
    public boolean needsContent() {
        return number != null || title != null || sort == Sort.NUMBER_ASC;
    }

    /** Whether {@code k} is a result of this query for a user of company {@code viewer}. */
    public boolean matches(Keys k, CompanyId viewer) {
        return matchesClearKeys(k, viewer) && matchesText(k.managementNumber(), k.title());
    }

    /** The part of {@link #matches} that needs neither 文書管理番号 nor title. */
    public boolean matchesClearKeys(Keys k, CompanyId viewer) {
        return (statuses.isEmpty() || statuses.contains(k.status()))
                && (dateFrom == null || k.transactionDate() != null && !k.transactionDate().isBefore(dateFrom))
                && (dateTo == null || k.transactionDate() != null && !k.transactionDate().isAfter(dateTo))
                && (amountMin == null || k.amountYen() != null && k.amountYen() >= amountMin)
                && (amountMax == null || k.amountYen() != null && k.amountYen() <= amountMax)
                && (counterparty == null || counterparty.value().equals(k.counterpartyId())
                        || counterparty.value().equals(k.senderId()) && !k.senderId().equals(viewer.value()));
    }

    /** The part of {@link #matches} on 文書管理番号 and title. */
    public boolean matchesText(String managementNumber, String contractTitle) {
        return contains(managementNumber, number) && contains(contractTitle, title);
    }

    /** The needle a text filter looks for in {@link #fold folded} values, or null when it does not filter. */
    public static String needle(String filter) {
        return filter == null || filter.isBlank() ? null : fold(filter.strip());
    }

    /** The case-folded form text filters compare; an index of folded values matches exactly the same rows. */
    public static String fold(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The result order. */
    public Comparator<Keys> order() {
        Comparator<Keys> byUpdated = Comparator.comparing(Keys::updatedAt).reversed();
        Comparator<Keys> tail = byUpdated.thenComparing(Keys::id);
        return switch (sort) {
            case UPDATED_DESC -> tail;
            case TRANSACTION_DATE_ASC -> Comparator.comparing(Keys::transactionDate,
                    Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())).thenComparing(tail);
            case TRANSACTION_DATE_DESC -> Comparator.comparing(Keys::transactionDate,
                    Comparator.nullsFirst(Comparator.<LocalDate>reverseOrder())).thenComparing(tail);
            case AMOUNT_ASC -> Comparator.comparing(Keys::amountYen,
                    Comparator.nullsLast(Comparator.<Long>naturalOrder())).thenComparing(tail);
            case AMOUNT_DESC -> Comparator.comparing(Keys::amountYen,
                    Comparator.nullsFirst(Comparator.<Long>reverseOrder())).thenComparing(tail);
            case NUMBER_ASC -> Comparator.comparing(Keys::managementNumber,
                    Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(tail);
        };
    }

    /** This query's page of {@code sorted}, the whole result in {@link #order()}. */
    public <T> List<T> page(List<T> sorted) {
        int from = Math.min(offset, sorted.size());
        int to = (int) Math.min((long) from + limit, sorted.size());
        return sorted.subList(from, to);
    }

    private static boolean contains(String value, String filter) {
        String needle = needle(filter);
        return needle == null || value != null && fold(value).contains(needle);
    }
}
