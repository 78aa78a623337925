package jp.sitesign.desktop.contracts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;

/**
 * The contract list's filters as the user typed them (text, so a half-typed amount is kept and saved as
 * is), turned into the shared {@link ContractQuery} for the local search and into the same query
 * parameters for the server's export.
 */
public record ContractFilter(String number, String title, Set<ContractStatus> statuses, String dateFrom,
        String dateTo, String amountMin, String amountMax, String counterparty, ContractQuery.Sort sort) {

    /** The statuses chosen, none for every status; kept as an unmodifiable copy. */
    public ContractFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }

    public static final ContractFilter NONE = new ContractFilter(null, null, null, null, null, null, null, null,
            ContractQuery.Sort.UPDATED_DESC);

    /** Which field does not parse. */
    public static final class InvalidFilter extends IllegalArgumentException {
        private final String field;

        InvalidFilter(String field) {
            super(field);
            this.field = field;
        }

        /** The message-key suffix of the field: dateFrom, dateTo, amountMin, amountMax, counterparty. */
        public String field() {
            return field;
        }
    }

    /**
     * The query for one page.
     *
     * @throws InvalidFilter when a date, amount or company id does not parse
     */
    public ContractQuery query(int offset, int limit) {
        return new ContractQuery(number, title, statuses, date("dateFrom", dateFrom), date("dateTo", dateTo),
                amount("amountMin", amountMin), amount("amountMax", amountMax), company(counterparty), sort, offset,
                limit);
    }

    /** The server's export of the same result: {@code /api/v1/contracts/export?…&format=csv|zip}. */
    public String exportPath(boolean zip) {
        ContractQuery q = query(0, 1);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("number", q.number());
        p.put("title", q.title());
        p.put("status", names(q.statuses()));
        p.put("dateFrom", q.dateFrom() == null ? null : q.dateFrom().toString());
        p.put("dateTo", q.dateTo() == null ? null : q.dateTo().toString());
        p.put("amountMin", q.amountMin() == null ? null : q.amountMin().toString());
        p.put("amountMax", q.amountMax() == null ? null : q.amountMax().toString());
        p.put("counterparty", q.counterparty() == null ? null : q.counterparty().value());
        p.put("sort", q.sort().name());
        p.put("format", zip ? "zip" : "csv");
        StringJoiner out = new StringJoiner("&", "/api/v1/contracts/export?", "");
        p.forEach((k, v) -> {
            if (v != null) {
                out.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** As saved in the user's filter file. */
    public Properties toProperties() {
        Properties p = new Properties();
        put(p, "number", number);
        put(p, "title", title);
        put(p, "status", names(statuses));
        put(p, "dateFrom", dateFrom);
        put(p, "dateTo", dateTo);
        put(p, "amountMin", amountMin);
        put(p, "amountMax", amountMax);
        put(p, "counterparty", counterparty);
        put(p, "sort", sort == null ? null : sort.name());
        return p;
    }

    /** Read back from the filter file; unknown enum names (an older or newer app) fall back to none. */
    public static ContractFilter fromProperties(Properties p) {
        return new ContractFilter(p.getProperty("number"), p.getProperty("title"),
                statuses(p.getProperty("status")), p.getProperty("dateFrom"),
                p.getProperty("dateTo"), p.getProperty("amountMin"), p.getProperty("amountMax"),
                p.getProperty("counterparty"), sortOrDefault(p.getProperty("sort")));
    }

    /** The names as the server's {@code status} parameter and the filter file take them: comma-separated. */
    private static String names(Set<ContractStatus> chosen) {
        return chosen.isEmpty() ? null : chosen.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * The saved statuses: comma-separated names, one name as an older app saved it; a name this app does not know
     * is left out, and if none is left the filter shows every status.
     */
    private static Set<ContractStatus> statuses(String saved) {
        Set<ContractStatus> out = EnumSet.noneOf(ContractStatus.class);
        if (saved != null) {
            for (String name : saved.split(",")) {
                ContractStatus s = enumOrNull(ContractStatus.class, name.strip());
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static ContractQuery.Sort sortOrDefault(String name) {
        ContractQuery.Sort s = enumOrNull(ContractQuery.Sort.class, name);
        return s == null ? ContractQuery.Sort.UPDATED_DESC : s;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void put(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value);
        }
    }

    private static LocalDate date(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return jp.sitesign.desktop.ui.DateInput.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFilter(field);
        }
    }

    private static Long amount(String field, String text) {
        if (blank(text)) {
            return null;
        }
        String digits = text.strip().replace(",", "").replace("¥", "").replace("円", "");
        try {
            long v = Long.parseLong(digits);
            if (v < 0) {
                throw new InvalidFilter(field);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidFilter(field);
        }
    }

    private static CompanyId company(String text) {
        if (blank(text)) {
            return null;
        }
        if (!CompanyId.isValid(text.strip())) {
            throw new InvalidFilter("counterparty");
        }
        return new CompanyId(text.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
