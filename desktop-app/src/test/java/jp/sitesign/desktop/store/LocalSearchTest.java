package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.testing.SearchDataset;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
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
    void theReturnedContractsAreTheWholeSnapshots() {
        LocalPage page = store.contracts().search(ContractQuery.all(5));

        assertThat(page.items()).hasSize(5).allSatisfy(c -> assertThat(c.current())
                .isEqualTo(data.stream().filter(d -> d.id().equals(c.current().id())).findFirst().orElseThrow()));
    }
}
