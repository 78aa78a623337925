package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A first login of a user with more contracts than one page of the change feed (issue 18): the list shows the
 * first page's contracts with 「同期中… n / m 件」 while the sync is still running, and the later pages fill in
 * without taking the user's selection or scroll position. The sync is held after its first page (a progress
 * listener that waits for the test), so "still running" is a fact of the test, not a matter of timing.
 */
@ExtendWith(ApplicationExtension.class)
class FirstSyncFlowIT {
    /** Three pages of the feed (500 changes a page), the last one short. */
    private static final int CONTRACTS = 1_200;

    static TestServer server;
    static TestServer.TestCompany a;

    @TempDir
    static Path home;
    private FlowRobot ui;
    /** The first progress the sync told, which it waits after until {@link #release}. */
    private final AtomicReference<SyncEngine.PullProgress> firstPage = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<SyncEngine.PullProgress> last = new AtomicReference<>();

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        TestServer.TestCompany b = server.createCompany("協力工業株式会社");
        new ContractSeeder(server.context()).drafts(CONTRACTS, "S", a.id(), a.member(), a.member2(), List.of(b.id()),
                List.of(b.member()), new Random(18));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = new FlowRobot(new FxRobot());
        ui.open(stage, home, server);
        ui.flow().beforeSync(session -> session.engine().addProgressListener(p -> {
            last.set(p);
            if (firstPage.compareAndSet(null, p)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
    }

    @AfterEach
    void close() {
        release.countDown(); // a failed assertion must not leave the sync waiting at logout
        ui.close();
    }

    @Test
    void theListShowsTheFirstPageWithProgressWhileTheRestArrivesAndKeepsSelectionAndScroll() throws Exception {
        waitUntil(() -> ui.fx().lookup("#loginButton").tryQuery().isPresent());
        ui.type("#userId", a.member().value());
        ui.type("#password", TestServer.PASSWORD);
        ui.press("#loginButton");

        waitUntil(() -> firstPage.get() != null);
        SyncEngine.PullProgress first = firstPage.get();
        assertThat(first.done()).isFalse();
        assertThat(first.contracts()).as("the first page's contracts").isBetween(400, 500);
        assertThat(first.expected()).as("what the server holds for the user").isEqualTo(CONTRACTS);

        // The sync waits after its first page: the list shows that page, and says how far the sync has come.
        String progress = I18n.format(FlowRobot.TEXTS, "contracts.syncProgress", first.contracts(), CONTRACTS);
        waitUntil(() -> progress.equals(ui.label("#syncProgressLabel")));
        assertThat(progress).isEqualTo(String.format("同期中… %d / 1,200 件", first.contracts()));
        String firstTotal = String.format("%d 件中", first.contracts());
        waitUntil(() -> ui.label("#pageLabel").startsWith(firstTotal));
        TableView<ContractRow> table = table();
        assertThat(table.getItems()).hasSize(200);
        assertThat(ui.fx().lookup("#syncProgressLabel").query().isVisible()).isTrue();

        // The user orders by number, scrolls down and selects a contract while the rest is still coming.
        ui.choose(list(), "#sortBox", ContractQuery.Sort.NUMBER_ASC);
        waitUntil(() -> "S-000000".equals(table.getItems().get(0).number()));
        ui.fx().interact(() -> {
            table.scrollTo(120);
            table.getSelectionModel().select(130);
        });
        String selected = table.getSelectionModel().getSelectedItem().id();
        int topRow = firstVisible(table);
        assertThat(topRow).isPositive();

        release.countDown();
        String fullTotal = String.format("%,d 件中", CONTRACTS);
        waitUntil(() -> ui.label("#pageLabel").startsWith(fullTotal));
        waitUntil(() -> !ui.fx().lookup("#syncProgressLabel").query().isVisible());
        assertThat(last.get()).isEqualTo(new SyncEngine.PullProgress(CONTRACTS, CONTRACTS, true));
        assertThat(table.getItems().get(130).number()).isEqualTo("S-000130");
        assertThat(table.getSelectionModel().getSelectedItem().id()).as("the selection stays").isEqualTo(selected);
        assertThat(firstVisible(table)).as("the scroll stays").isEqualTo(topRow);
    }

    private Node list() {
        return ui.fx().lookup(".contract-list").query();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContractRow> table() {
        return ui.fx().lookup("#table").queryAs(TableView.class);
    }

    private int firstVisible(TableView<ContractRow> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }
}
