package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of the change feed is applied with its checkpoint in one transaction, or not at all. */
class ChangeApplyTest {
    @TempDir
    Path home;
    TestStores stores;
    StoreSession store;

    @BeforeEach
    void open() {
        stores = new TestStores(home);
        store = stores.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static UserView user(String id, String name) {
        return new UserView(id, TestStores.OWN.value(), Role.MEMBER, "一般利用者", UserStatus.ACTIVE, "利用中", name,
                "ヤマダ", "y@example.jp", "工事部", "主任", false, false, null, null, false, 1, TestStores.T);
    }

    private static Partnership partnership(long id) {
        return new Partnership(id, TestStores.PARTNER, "協力建設", TestStores.OWN, "U00000101", TestStores.T, "方法",
                "ab".repeat(32), null, null);
    }

    private static NoticeView notice(long id, String title) {
        return new NoticeView(id, NoticeCategory.MAINTENANCE, "メンテナンス", title, "本文", TestStores.T.plusSeconds(id),
                false);
    }

    private List<String> contractIds() {
        return store.contracts().search(ContractQuery.all(100)).items().stream().map(k -> k.current().id()).toList();
    }

    @Test
    void everyKindOfEntityIsUpsertedAndRemovedAndTheCheckpointKept() {
        store.apply(TestStores.page(4, Change.of(TestStores.contract("k1", "外壁", 1), 1),
                Change.of(user("U00000102", "山田 太郎"), 2), Change.of(partnership(7), 3), Change.of(notice(9, "停止"), 4)));

        assertThat(store.checkpoint()).isEqualTo(4);
        assertThat(contractIds()).containsExactly("k1");
        assertThat(store.users()).extracting(UserView::name).containsExactly("山田 太郎");
        assertThat(store.partnerships()).extracting(Partnership::id).containsExactly(7L);
        assertThat(store.notices()).extracting(NoticeView::title).containsExactly("停止");

        store.apply(TestStores.page(9, Change.of(TestStores.contract("k1", "外壁（改）", 2), 5),
                Change.removed(EntityType.USER, "U00000102", 6), Change.removed(EntityType.PARTNERSHIP, "7", 7),
                Change.of(notice(9, "停止（延長）"), 8), Change.of(notice(10, "新機能"), 9)));

        assertThat(store.checkpoint()).isEqualTo(9);
        assertThat(store.contracts().current("k1").orElseThrow().current().title()).isEqualTo("外壁（改）");
        assertThat(store.users()).isEmpty();
        assertThat(store.partnerships()).isEmpty();
        assertThat(store.notices()).extracting(NoticeView::title).containsExactly("新機能", "停止（延長）");

        store.apply(TestStores.page(10, Change.removed(EntityType.CONTRACT, "k1", 10)));
        assertThat(contractIds()).isEmpty();
        assertThat(store.contracts().current("k1")).isEmpty();
    }

    @Test
    void withinOnePageTheLastChangeOfAContractWinsAsIfAppliedOneByOne() {
        store.apply(TestStores.page(2, Change.of(TestStores.contract("k1", "外壁", 1), 1),
                Change.of(TestStores.contract("k2", "内装", 1), 2)));
        Command edit = store.outbox().append(Command.editDraft("k2", 1, TestStores.draft("内装（編集）"))).command();
        store.outbox().markResult(CommandResult.applied(edit.id(), "k2", 3L));

        store.apply(new ChangePage(List.of(Change.removed(EntityType.CONTRACT, "k1", 3),
                Change.of(TestStores.contract("k1", "外壁（復活）", 3), 4),
                Change.of(TestStores.contract("k2", "内装（サーバー）", 3), 5),
                Change.of(TestStores.contract("k3", "足場", 1), 6), Change.removed(EntityType.CONTRACT, "k3", 7),
                Change.of(TestStores.contract("k2", "内装（サーバー2）", 2), 8)), 8, true, false));

        assertThat(contractIds()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(store.contracts().current("k1").orElseThrow().current().title()).isEqualTo("外壁（復活）");
        assertThat(store.contracts().current("k2").orElseThrow().current().title())
                .as("the last change, not the highest revision, is the state").isEqualTo("内装（サーバー2）");
        assertThat(store.outbox().all()).as("revision 3 came in this page: the applied edit stops overlaying")
                .isEmpty();
        assertThat(store.contracts().current("k3")).isEmpty();
    }

    @Test
    void aVersion1StoreIsUpgradedInPlaceAndKeepsItsData() {
        store.apply(TestStores.page(2, Change.of(TestStores.contract("k1", "外壁", 1), 1),
                Change.of(TestStores.contract("k2", "内装", 2), 2)));
        store.close();
        try (StoreDatabase db = StoreDatabase.open(stores.at, stores.key)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX contracts_newest");
                    s.execute("CREATE INDEX contracts_updated ON contracts (updated_at)");
                    s.execute("DROP TABLE wanted_documents"); // schema 3
                }
                StoreDatabase.setMeta(c, "schema", "1");
                return null;
            });
        }

        store = stores.open();

        assertThat(contractIds()).containsExactly("k2", "k1");
        String schema;
        String plan;
        try (StoreDatabase db = StoreDatabase.open(stores.at, stores.key)) {
            schema = db.read(c -> StoreDatabase.meta(c, "schema"));
            plan = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM contracts"
                        + " ORDER BY " + ContractSearch.orderBy(ContractQuery.Sort.UPDATED_DESC) + " FETCH FIRST 5 ROWS ONLY")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        assertThat(schema).isEqualTo("3");
        assertThat(plan).as("the default list reads its page from the index").contains("CONTRACTS_NEWEST")
                .contains("index sorted");
    }

    @Test
    void aPageThatFailsMidwayLeavesTheOldDataAndTheOldCheckpoint() {
        store.apply(TestStores.page(3, Change.of(TestStores.contract("k1", "旧", 1), 3)));
        Change malformed = new Change(EntityType.CONTRACT, "k3", 7, false, null, null, null, null);
        ChangePage page = TestStores.page(7, Change.of(TestStores.contract("k1", "新", 2), 4),
                Change.of(TestStores.contract("k2", "追加", 1), 5), Change.of(notice(1, "告知"), 6), malformed);

        assertThatThrownBy(() -> store.apply(page)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seq 7");

        assertThat(store.checkpoint()).isEqualTo(3);
        assertThat(contractIds()).containsExactly("k1");
        assertThat(store.contracts().current("k1").orElseThrow().current().title()).isEqualTo("旧");
        assertThat(store.notices()).isEmpty();
    }

    @Test
    void aChangeWhoseBodyIsAnotherEntityIsRefused() {
        Change wrongId = new Change(EntityType.CONTRACT, "k9", 1, false, TestStores.contract("k1", "x", 1), null, null,
                null);
        Change twoBodies = new Change(EntityType.USER, "U00000102", 2, false, null, user("U00000102", "a"), null,
                notice(1, "b"));

        assertThatThrownBy(() -> store.apply(TestStores.page(1, wrongId))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.apply(TestStores.page(2, twoBodies))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.checkpoint()).isZero();
    }

    @Test
    void aResetDropsEveryEntityButKeepsTheOutboxAndThePdfs() {
        store.apply(TestStores.page(20, Change.of(TestStores.contract("k1", "旧", 1), 1),
                Change.of(user("U00000102", "山田"), 2), Change.of(notice(1, "告知"), 3)));
        Command queued = store.outbox().append(Command.step(jp.sitesign.model.sync.CommandType.SUBMIT, "k1", 1L))
                .command();
        String sha = store.blobs().put(new byte[] {1, 2, 3});

        store.apply(new ChangePage(List.of(Change.of(TestStores.contract("k2", "新", 1), 1)), 5, false, true));

        assertThat(store.checkpoint()).as("a reset may go back").isEqualTo(5);
        assertThat(contractIds()).containsExactly("k2");
        assertThat(store.users()).isEmpty();
        assertThat(store.notices()).isEmpty();
        assertThat(store.outbox().pending()).extracting(e -> e.command().id()).containsExactly(queued.id());
        assertThat(store.blobs().get(sha)).get().isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void aFeedThatGoesBackWithoutAResetIsRefused() {
        store.apply(TestStores.page(20));

        assertThatThrownBy(() -> store.apply(TestStores.page(19, Change.of(TestStores.contract("k1", "x", 1), 19))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.checkpoint()).isEqualTo(20);
        assertThat(contractIds()).isEmpty();
    }

    @Test
    void receivedContractsFromOtherCompaniesAreKeptToo() {
        var k = TestStores.contract("k1", "受領", 1);
        var received = new jp.sitesign.model.sync.ContractSnapshot(k.id(), "C00000002", "U00000201", k.form(),
                k.status(), k.managementNumber(), k.title(), k.transactionDate(), k.amountYen(), k.taxIncluded(),
                k.construction(), k.terms(), k.note(), k.originalId(),
                List.of(new jp.sitesign.model.sync.ContractSnapshot.Party("C00000002", null, List.of(), null, false),
                        new jp.sitesign.model.sync.ContractSnapshot.Party(TestStores.OWN.value(), "U00000101", List.of(),
                                null, false)), 0, 0, null, null, null, List.of(), 1, TestStores.T, TestStores.T);
        store.apply(TestStores.page(1, Change.of(received, 1)));

        assertThat(store.contracts().search(new ContractQuery(null, null, null, null, null, null, null,
                new CompanyId("C00000002"), null, 0, 10)).items()).extracting(c -> c.current().id()).containsExactly("k1");
    }
}
