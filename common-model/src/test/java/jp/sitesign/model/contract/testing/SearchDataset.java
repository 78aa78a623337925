package jp.sitesign.model.contract.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractQuery.Sort;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * One dataset and one battery of queries for every implementation of the contract search (the shared
 * semantics in common-model, the server, the desktop app's local store): ties on every sort key, missing
 * dates, amounts and numbers, mixed case, received contracts and drafts without a counterparty, so an
 * implementation that differs from {@link ContractQuery} in any corner gives other ids.
 */
public final class SearchDataset {
    /** The company whose user searches. */
    public static final CompanyId VIEWER = new CompanyId("C00000001");
    public static final CompanyId PARTNER_A = new CompanyId("C00000002");
    public static final CompanyId PARTNER_B = new CompanyId("C00000003");
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final String[] TITLES = {"外壁改修工事 注文書", "ABC 倉庫 新築工事", "abc 設備更新", "内装工事 請書",
        "Ａｂｃ 全角の件", "足場 架設 契約", null};

    private SearchDataset() {
    }

    /** {@code n} contracts the viewer may hold, reproducible for a seed. */
    public static List<ContractSnapshot> contracts(int n, long seed) {
        Random r = new Random(seed);
        List<ContractSnapshot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean received = r.nextInt(4) == 0;
            CompanyId partner = r.nextBoolean() ? PARTNER_A : PARTNER_B;
            List<ContractSnapshot.Party> parties = new ArrayList<>();
            if (received) {
                parties.add(new ContractSnapshot.Party(partner.value(), null, List.of(), "U00000201", true));
                parties.add(new ContractSnapshot.Party(VIEWER.value(), "U00000101", List.of(), null, false));
            } else {
                parties.add(new ContractSnapshot.Party(VIEWER.value(), null, List.of(), "U00000101", false));
                if (r.nextInt(6) != 0) {
                    parties.add(new ContractSnapshot.Party(partner.value(), "U00000201", List.of(), null, false));
                }
            }
            ContractStatus status = ContractStatus.values()[r.nextInt(ContractStatus.values().length)];
            String number = r.nextInt(8) == 0 ? null : (r.nextBoolean() ? "K-" : "k-") + (100 + r.nextInt(40));
            String title = TITLES[r.nextInt(TITLES.length)];
            LocalDate date = r.nextInt(7) == 0 ? null : LocalDate.of(2026, 4, 1).plusDays(r.nextInt(10));
            Long amount = r.nextInt(7) == 0 ? null : (long) r.nextInt(6) * 5_000;
            Instant updated = T0.plusSeconds(60L * r.nextInt(n / 2 + 1));
            String id = String.format("%08x-0000-4000-8000-%012d", r.nextInt(Integer.MAX_VALUE), i);
            out.add(new ContractSnapshot(id, parties.get(0).companyId(), received ? "U00000201" : "U00000101",
                    ContractForm.BILATERAL, status, number, title, date, amount, true, false, Map.of(), null, null,
                    parties, 0, 0, null, null, null, List.of(), 1 + r.nextInt(3), T0, updated));
        }
        return out;
    }

    /** Queries that exercise each filter, its boundaries, every order and paging. */
    public static List<ContractQuery> queries() {
        List<ContractQuery> out = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            out.add(q(null, null, null, null, null, null, null, null, sort, 0, 500));
        }
        out.add(q("k-1", null, null, null, null, null, null, null, Sort.NUMBER_ASC, 0, 500));
        out.add(q(" K-12 ", null, null, null, null, null, null, null, null, 0, 500));
        out.add(q(null, "abc", null, null, null, null, null, null, Sort.AMOUNT_ASC, 0, 500));
        out.add(q(null, "ＡＢＣ", null, null, null, null, null, null, null, 0, 500));
        out.add(q(null, "工事", ContractStatus.DRAFT, null, null, null, null, null, null, 0, 500));
        out.add(q(null, "   ", null, null, null, null, null, null, null, 0, 500));
        out.add(q(null, "100%", null, null, null, null, null, null, null, 0, 500));
        out.add(q(null, "_", null, null, null, null, null, null, null, 0, 500));
        out.add(q(null, null, ContractStatus.RETURNED, null, null, null, null, null, Sort.TRANSACTION_DATE_DESC, 0, 500));
        out.add(q(null, null, null, d(3), d(5), null, null, null, Sort.TRANSACTION_DATE_ASC, 0, 500));
        out.add(new ContractQuery(null, null, Set.of(ContractStatus.DRAFT, ContractStatus.RETURNED), null, null, null,
                null, null, Sort.NUMBER_ASC, 0, 500));
        out.add(new ContractQuery(null, "工事", Set.of(ContractStatus.COMPLETED, ContractStatus.AWAITING_SIGNATURE,
                ContractStatus.DRAFT), null, d(8), null, null, null, Sort.AMOUNT_DESC, 0, 500));
        out.add(q(null, null, null, d(5), null, null, null, null, Sort.TRANSACTION_DATE_DESC, 0, 500));
        out.add(q(null, null, null, null, d(2), null, null, null, null, 0, 500));
        out.add(q(null, null, null, d(6), d(4), null, null, null, null, 0, 500));
        out.add(q(null, null, null, null, null, 5_000L, 15_000L, null, Sort.AMOUNT_DESC, 0, 500));
        out.add(q(null, null, null, null, null, 0L, null, null, Sort.AMOUNT_ASC, 0, 500));
        out.add(q(null, null, null, null, null, null, 0L, null, null, 0, 500));
        out.add(q(null, null, null, null, null, null, null, PARTNER_A, null, 0, 500));
        out.add(q(null, null, null, null, null, null, null, PARTNER_B, Sort.NUMBER_ASC, 0, 500));
        out.add(q(null, null, null, null, null, null, null, VIEWER, null, 0, 500));
        out.add(q(null, null, null, d(2), d(8), 5_000L, 20_000L, PARTNER_A, Sort.TRANSACTION_DATE_ASC, 0, 500));
        out.add(q(null, "工事", null, d(1), d(9), null, 20_000L, PARTNER_B, Sort.AMOUNT_DESC, 0, 500));
        out.add(q(null, null, null, null, null, null, null, null, Sort.AMOUNT_DESC, 5, 7));
        out.add(q(null, null, null, null, null, null, null, null, Sort.NUMBER_ASC, 10_000, 7));
        return out;
    }

    /** The ids {@link ContractQuery} itself gives over {@code all}: the reference every side must equal. */
    public static List<String> expectedIds(List<ContractSnapshot> all, ContractQuery q) {
        List<ContractQuery.Keys> hits = all.stream().map(ContractSnapshot::searchKeys)
                .filter(k -> q.matches(k, VIEWER)).sorted(q.order()).toList();
        return q.page(hits).stream().map(ContractQuery.Keys::id).toList();
    }

    /** How many {@link ContractQuery} finds over {@code all}, before paging. */
    public static int expectedTotal(List<ContractSnapshot> all, ContractQuery q) {
        return (int) all.stream().map(ContractSnapshot::searchKeys).filter(k -> q.matches(k, VIEWER)).count();
    }

    private static LocalDate d(int day) {
        return LocalDate.of(2026, 4, day);
    }

    private static ContractQuery q(String number, String title, ContractStatus status, LocalDate from, LocalDate to,
            Long min, Long max, CompanyId counterparty, Sort sort, int offset, int limit) {
        return new ContractQuery(number, title, ContractQuery.only(status), from, to, min, max, counterparty, sort,
                offset, limit);
    }

    /** Compares by the order only, for tests that check a list is sorted. */
    public static Comparator<ContractSnapshot> order(ContractQuery q) {
        return Comparator.comparing(ContractSnapshot::searchKeys, q.order());
    }
}
