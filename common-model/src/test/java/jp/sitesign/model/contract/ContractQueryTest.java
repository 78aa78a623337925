package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery.Keys;
import jp.sitesign.model.contract.ContractQuery.Sort;
import jp.sitesign.model.contract.testing.SearchDataset;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.ContractSnapshot;
import org.junit.jupiter.api.Test;

/** The one definition of the contract search that the server and the desktop app's local store share. */
class ContractQueryTest {
    private static final CompanyId OWN = new CompanyId("C00000001");
    private static final CompanyId PARTNER = new CompanyId("C00000002");
    private static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    private static Keys keys(String id, String sender, String counterparty, String number, String title, LocalDate date,
            Long amount, int minutes) {
        return new Keys(id, sender, counterparty, ContractStatus.DRAFT, number, title, date, amount,
                T.plusSeconds(60L * minutes));
    }

    private static ContractQuery q(String number, String title, LocalDate from, LocalDate to, Long min, Long max,
            CompanyId counterparty, Sort sort) {
        return new ContractQuery(number, title, null, from, to, min, max, counterparty, sort, 0, 50);
    }

    private static List<String> run(ContractQuery q, Keys... rows) {
        return q.page(List.of(rows).stream().filter(k -> q.matches(k, OWN)).sorted(q.order()).toList()).stream()
                .map(Keys::id).toList();
    }

    @Test
    void numberAndTitleMatchAnywhereIgnoringCaseAfterStrippingTheNeedle() {
        Keys a = keys("a", "C00000001", null, "K-2026-0012", "ABC 倉庫新築工事", null, null, 1);
        Keys b = keys("b", "C00000001", null, "k-2026-0120", "内装工事", null, null, 2);
        Keys none = keys("c", "C00000001", null, null, null, null, null, 3);

        assertThat(run(q(" k-2026-001 ", null, null, null, null, null, null, null), a, b, none)).containsExactly("a");
        assertThat(run(q(null, "abc", null, null, null, null, null, null), a, b, none)).containsExactly("a");
        assertThat(run(q(null, "工事", null, null, null, null, null, null), a, b, none)).containsExactly("b", "a");
        assertThat(run(q("  ", "", null, null, null, null, null, null), a, b, none)).containsExactly("c", "b", "a");
    }

    @Test
    void aSetOfStatusesMatchesAContractInAnyOfThemAndAnEmptySetOrNullMatchesEveryStatus() {
        Keys draft = withStatus("draft", ContractStatus.DRAFT, 1);
        Keys returned = withStatus("returned", ContractStatus.RETURNED, 2);
        Keys completed = withStatus("completed", ContractStatus.COMPLETED, 3);
        ContractQuery both = new ContractQuery(null, null, java.util.EnumSet.of(ContractStatus.DRAFT,
                ContractStatus.RETURNED), null, null, null, null, null, null, 0, 50);

        assertThat(run(both, draft, returned, completed)).containsExactly("returned", "draft");
        assertThat(run(new ContractQuery(null, null, ContractQuery.only(ContractStatus.COMPLETED), null, null, null,
                null, null, null, 0, 50), draft, returned, completed)).containsExactly("completed");
        assertThat(run(new ContractQuery(null, null, java.util.Set.of(), null, null, null, null, null, null, 0, 50),
                draft, returned, completed)).containsExactly("completed", "returned", "draft");
        assertThat(run(q(null, null, null, null, null, null, null, null), draft, returned, completed)).hasSize(3);
        // The record keeps its own copy: changing the caller's set afterwards changes nothing.
        java.util.Set<ContractStatus> chosen = java.util.EnumSet.of(ContractStatus.DRAFT);
        ContractQuery copy = new ContractQuery(null, null, chosen, null, null, null, null, null, null, 0, 50);
        chosen.add(ContractStatus.COMPLETED);
        assertThat(copy.statuses()).containsExactly(ContractStatus.DRAFT);
        assertThat(copy).isEqualTo(new ContractQuery(null, null, ContractQuery.only(ContractStatus.DRAFT), null, null,
                null, null, null, null, 0, 50));
    }

    private static Keys withStatus(String id, ContractStatus status, int minutes) {
        return new Keys(id, "C00000001", null, status, null, null, null, null, T.plusSeconds(60L * minutes));
    }

    @Test
    void dateAndAmountRangesIncludeTheirEndsAndExcludeContractsWithoutTheKey() {
        Keys first = keys("first", "C00000001", null, null, null, LocalDate.of(2026, 4, 1), 1_000L, 1);
        Keys last = keys("last", "C00000001", null, null, null, LocalDate.of(2026, 4, 30), 2_000L, 2);
        Keys outside = keys("out", "C00000001", null, null, null, LocalDate.of(2026, 5, 1), 2_001L, 3);
        Keys missing = keys("missing", "C00000001", null, null, null, null, null, 4);

        assertThat(run(q(null, null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null, null),
                first, last, outside, missing)).containsExactly("last", "first");
        assertThat(run(q(null, null, null, null, 1_000L, 2_000L, null, null), first, last, outside, missing))
                .containsExactly("last", "first");
        assertThat(run(q(null, null, null, null, null, 1_000L, null, null), first, last, outside, missing))
                .containsExactly("first");
    }

    @Test
    void theCounterpartyIsTheOtherSideAsTheViewerSeesIt() {
        Keys sentToPartner = keys("sent", OWN.value(), PARTNER.value(), null, null, null, null, 1);
        Keys receivedFromPartner = keys("received", PARTNER.value(), OWN.value(), null, null, null, null, 2);
        Keys sentElsewhere = keys("other", OWN.value(), "C00000003", null, null, null, null, 3);

        assertThat(run(q(null, null, null, null, null, null, PARTNER, null), sentToPartner, receivedFromPartner,
                sentElsewhere)).containsExactly("received", "sent");
        assertThat(run(q(null, null, null, null, null, null, OWN, null), sentToPartner, receivedFromPartner,
                sentElsewhere)).as("own company as counterparty: only what was received naming it first")
                .containsExactly("received");
    }

    @Test
    void ordersPutMissingKeysLastAscendingAndFirstDescendingThenNewestThenId() {
        Keys cheap = keys("cheap", "C00000001", null, "B", null, null, 1_000L, 1);
        Keys dearOld = keys("dear-old", "C00000001", null, "A", null, null, 9_000L, 1);
        Keys dearNew = keys("dear-new", "C00000001", null, null, null, null, 9_000L, 5);
        Keys unknown = keys("unknown", "C00000001", null, "C", null, null, null, 2);
        Keys tieB = keys("tie-b", "C00000001", null, "D", null, null, 1_000L, 1);

        assertThat(run(q(null, null, null, null, null, null, null, Sort.AMOUNT_ASC), cheap, dearOld, dearNew, unknown,
                tieB)).containsExactly("cheap", "tie-b", "dear-new", "dear-old", "unknown");
        assertThat(run(q(null, null, null, null, null, null, null, Sort.AMOUNT_DESC), cheap, dearOld, dearNew, unknown,
                tieB)).containsExactly("unknown", "dear-new", "dear-old", "cheap", "tie-b");
        assertThat(run(q(null, null, null, null, null, null, null, Sort.NUMBER_ASC), cheap, dearOld, dearNew, unknown,
                tieB)).containsExactly("dear-old", "cheap", "unknown", "tie-b", "dear-new");
        assertThat(run(q(null, null, null, null, null, null, null, null), cheap, dearOld, dearNew, unknown, tieB))
                .as("default: newest first, equal times by id").containsExactly("dear-new", "unknown", "cheap",
                        "dear-old", "tie-b");
    }

    @Test
    void aPageIsASliceOfTheWholeOrderedResult() {
        ContractQuery q = new ContractQuery(null, null, null, null, null, null, null, null, Sort.AMOUNT_ASC, 2, 2);
        List<String> all = List.of("a", "b", "c", "d", "e");

        assertThat(q.page(all)).containsExactly("c", "d");
        assertThat(new ContractQuery(null, null, null, null, null, null, null, null, null, 4, 10).page(all))
                .containsExactly("e");
        assertThat(new ContractQuery(null, null, null, null, null, null, null, null, null, 9, 10).page(all)).isEmpty();
    }

    @Test
    void aNegativeOffsetOrAnEmptyPageIsRefusedWithAFieldError() {
        assertThatThrownBy(() -> new ContractQuery(null, null, null, null, null, null, null, null, null, -1, 10))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.messageJa()).contains("offset");
                });
        assertThatThrownBy(() -> new ContractQuery(null, null, null, null, null, null, null, null, null, 0, 0))
                .isInstanceOfSatisfying(SiteSignException.class, e -> assertThat(e.messageEn()).contains("limit"));
    }

    @Test
    void onlyTextFiltersAndTheNumberOrderNeedTheSealedContent() {
        assertThat(q(null, null, LocalDate.of(2026, 1, 1), null, 1L, 2L, PARTNER, Sort.AMOUNT_DESC).needsContent())
                .isFalse();
        assertThat(q("K", null, null, null, null, null, null, null).needsContent()).isTrue();
        assertThat(q(null, "工事", null, null, null, null, null, null).needsContent()).isTrue();
        assertThat(q(null, null, null, null, null, null, null, Sort.NUMBER_ASC).needsContent()).isTrue();
    }

    @Test
    void theSharedDatasetGivesNonTrivialAnswersForEveryQueryOfTheBattery() {
        // The battery is what the server and the local store are compared on; it is only worth something
        // if its queries separate rows: some hits, not everything, for each filter query.
        List<ContractSnapshot> all = SearchDataset.contracts(120, 7);
        for (ContractQuery query : SearchDataset.queries()) {
            int total = SearchDataset.expectedTotal(all, query);
            boolean filters = query.number() != null || query.title() != null || !query.statuses().isEmpty()
                    || query.dateFrom() != null || query.dateTo() != null || query.amountMin() != null
                    || query.amountMax() != null || query.counterparty() != null;
            if (filters && !(query.dateFrom() != null && query.dateTo() != null
                    && query.dateFrom().isAfter(query.dateTo())) && !"100%".equals(query.title())
                    && !"_".equals(query.title())) {
                assertThat(total).as(query.toString()).isBetween(1, all.size() - 1);
            }
        }
        assertThat(all).extracting(ContractSnapshot::counterpartyId).contains((String) null);
    }
}
