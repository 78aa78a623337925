package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.testing.SearchDataset;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local search gives the same rows in the same order as the shared {@link ContractQuery} (which the
 * server uses too) over the shared dataset, query by query, though it narrows with SQL on its own columns.
 */
class LocalSearchTest {
    @TempDir
    static Path home;
    static StoreSession store;
    static List<ContractSnapshot> data;

    @BeforeAll
    static void fill() {
        StoreLocation at = StoreLocation.of(home, TestStores.SERVER, "U00000101");
        OwnerOnlyFiles.directory(at.folder());
        store = StoreSession.open(at, Aead.newKey(), new UserId("U00000101"), SearchDataset.VIEWER, Clock.systemUTC());
        data = SearchDataset.contracts(300, 11);
        List<Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            changes.add(Change.of(data.get(i), i + 1));
        }
        store.apply(new ChangePage(changes, data.size(), false, false));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyQueryOfTheSharedBatteryGivesTheSameIdsInTheSameOrder() {
        for (ContractQuery q : SearchDataset.queries()) {
            LocalPage page = store.contracts().search(q);

            assertThat(page.items()).extracting(c -> c.current().id()).as(q.toString())
                    .containsExactlyElementsOf(SearchDataset.expectedIds(data, q));
            assertThat(page.total()).as(q.toString()).isEqualTo(SearchDataset.expectedTotal(data, q));
        }
    }

    @Test
    void pagesOfSevenWalkEveryOrderThroughItsTiesWithoutGapsOrRepeats() {
        for (ContractQuery.Sort sort : ContractQuery.Sort.values()) {
            ContractQuery whole = query(sort, 0, 500);
            List<String> walked = new ArrayList<>();
            for (int offset = 0; offset < data.size(); offset += 7) {
                LocalPage page = store.contracts().search(query(sort, offset, 7));
                assertThat(page.total()).as(sort + " total at " + offset).isEqualTo(data.size());
                page.items().forEach(c -> walked.add(c.current().id()));
            }

            assertThat(walked).as(sort.name()).containsExactlyElementsOf(SearchDataset.expectedIds(data, whole));
        }
    }

    @Test
    void theDatasetHasTiesThePagesMustCross() {
        assertThat(data.stream().map(ContractSnapshot::updatedAt).distinct().count())
                .as("several contracts updated at the same second, ordered by id").isLessThan(data.size() * 3 / 4);
    }

    /**
     * Local drafts, pending edits and deletions are merged into SQL's pages: at the dataset's own update
     * times (ties with stored rows, broken by id), with and without the filtered values, across page borders.
     */
    @Test
    void overlaidDraftsAndEditsLandOnTheSamePagesAsIfEverythingWereSortedTogether(@TempDir Path other) {
        StoreLocation at = StoreLocation.of(other, TestStores.SERVER, "U00000101");
        OwnerOnlyFiles.directory(at.folder());
        Instant tie = data.get(17).updatedAt();
        try (StoreSession local = StoreSession.open(at, Aead.newKey(), new UserId("U00000101"), SearchDataset.VIEWER,
                Clock.fixed(tie, ZoneOffset.UTC))) {
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                changes.add(Change.of(data.get(i), i + 1));
            }
            local.apply(new ChangePage(changes, data.size(), false, false));
            Set<String> overlaid = new HashSet<>();
            Random r = new Random(5);
            for (int i = 0; i < 12; i++) {
                String id = String.format("%08x-1111-4000-8000-%012d", r.nextInt(Integer.MAX_VALUE), i);
                local.outbox().append(Command.createDraft(id, draft(r, i)));
                overlaid.add(id);
            }
            data.stream().filter(k -> k.status().isDraft()).limit(6).forEach(k -> {
                local.outbox().append(Command.editDraft(k.id(), k.revision(), draft(r, 100 + overlaid.size())));
                overlaid.add(k.id());
            });
            data.stream().filter(k -> !overlaid.contains(k.id())).skip(40).limit(5).forEach(k -> {
                local.outbox().append(Command.step(CommandType.DELETE_DRAFT, k.id(), k.revision()));
                overlaid.add(k.id());
            });
            // What the user sees, built from the overlay's own view of each contract rather than the search.
            List<ContractSnapshot> shown = new ArrayList<>(data.stream().filter(k -> !overlaid.contains(k.id())).toList());
            overlaid.forEach(id -> local.contracts().current(id).ifPresent(c -> shown.add(c.current())));
            assertThat(shown).hasSize(data.size() + 12 - 5);

            List<ContractQuery> queries = new ArrayList<>(SearchDataset.queries());
            for (ContractQuery.Sort sort : ContractQuery.Sort.values()) {
                for (int offset : new int[] {0, 5, 11, 12, 13, 100, 290, 300, 306, 307, 400}) {
                    queries.add(query(sort, offset, 7));
                }
            }
            for (ContractQuery q : queries) {
                LocalPage page = local.contracts().search(q);

                assertThat(page.items()).extracting(c -> c.current().id()).as(q.toString())
                        .containsExactlyElementsOf(SearchDataset.expectedIds(shown, q));
                assertThat(page.total()).as(q.toString()).isEqualTo(SearchDataset.expectedTotal(shown, q));
            }
        }
    }

    private static ContractDraft draft(Random r, int i) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, i % 3 == 0 ? "ABC 追加工事 " + i : "足場 " + i,
                r.nextInt(4) == 0 ? null : LocalDate.of(2026, 4, 1 + r.nextInt(10)),
                r.nextInt(4) == 0 ? null : (long) r.nextInt(6) * 5_000, true, false, Map.of(), null, null,
                r.nextInt(5) == 0 ? List.of() : List.of(new ContractDraft.Counterparty(
                        (r.nextBoolean() ? SearchDataset.PARTNER_A : SearchDataset.PARTNER_B).value(), "U00000201")),
                List.of(), null, null);
    }

    private static ContractQuery query(ContractQuery.Sort sort, int offset, int limit) {
        return new ContractQuery(null, null, null, null, null, null, null, null, sort, offset, limit);
    }

    @Test
    void theReturnedContractsAreTheWholeSnapshots() {
        LocalPage page = store.contracts().search(ContractQuery.all(5));

        assertThat(page.items()).hasSize(5).allSatisfy(c -> assertThat(c.current())
                .isEqualTo(data.stream().filter(d -> d.id().equals(c.current().id())).findFirst().orElseThrow()));
    }
}
