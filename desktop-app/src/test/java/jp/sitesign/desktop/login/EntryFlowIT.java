package jp.sitesign.desktop.login;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import jp.sitesign.desktop.app.EntryFlow;
import jp.sitesign.desktop.notices.NoticeItem;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.sync.PinnedTrust;
import jp.sitesign.model.notice.NoticeCategory;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

/**
 * The way into the app in a real (headless Monocle) window against the real server on loopback: first run
 * shows the server's fingerprint, confirming leads to the login, the login to the main window whose status
 * bar says オンライン, the notice the operator published shows as unread on the badge, opening it clears the
 * badge and the server records it read after the sync; logout returns to the login.
 */
@ExtendWith(ApplicationExtension.class)
class EntryFlowIT {
    static TestServer server;
    static TestServer.TestCompany company;

    @TempDir
    static Path home;
    private EntryFlow flow;
    private PageRenderer renderer;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Map.of());
        company = server.createCompany("入口建設株式会社");
        server.context().notices().publish(NoticeCategory.MAINTENANCE, "定期メンテナンスのお知らせ",
                "4月5日 2:00〜4:00 はサービスを停止します。");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        renderer = PageRenderer.withPdfBox();
        flow = new EntryFlow(stage, home, new Settings(), new SettingsFile(home), renderer, Clock.systemUTC());
        flow.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        flow.close();
        renderer.close();
    }

    @Test
    void firstRunConfirmLoginShowsOnlineAndTheUnreadNoticeWhichOpeningClears(FxRobot robot) throws Exception {
        set(robot, "#serverAddress", server.server().baseUrl());
        robot.clickOn("#fetchButton");
        String expected = PinnedTrust.fingerprint(server.server().tls().certificate());
        waitUntil(() -> expected.equals(text(robot, "#fingerprint")));

        robot.clickOn("#confirmButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        assertThat(new ServerTrustFile(home).load()).get()
                .extracting(ServerTrustFile.ServerTrust::certificate)
                .isEqualTo(server.server().tls().certificate());

        set(robot, "#userId", company.member().value());
        set(robot, "#password", TestServer.PASSWORD);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#onlineLabel").tryQuery().isPresent());
        waitUntil(() -> "オンライン".equals(text(robot, "#onlineLabel")));
        // The header names the person and the company once the first sync has brought them (issue 14).
        waitUntil(() -> "試験 一般（入口建設株式会社）".equals(text(robot, "#sessionLabel")));
        assertThat(text(robot, "#sessionLabel")).doesNotContain(company.member().value(), "ログインしました");

        waitUntil(() -> visible(robot, "#noticesBadge"));
        assertThat(text(robot, "#noticesBadge")).isEqualTo("1");

        robot.clickOn("#noticesButton");
        waitUntil(() -> robot.lookup(".notice-list .list-cell").tryQuery()
                .map(c -> ((javafx.scene.control.ListCell<?>) c).getItem() != null).orElse(false));
        @SuppressWarnings("unchecked")
        ListView<NoticeItem> list = robot.lookup(".notice-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(NoticeItem::title).containsExactly("定期メンテナンスのお知らせ");
        assertThat(list.getItems().get(0).category()).isEqualTo("メンテナンス");
        robot.clickOn(robot.lookup(".notice-list .list-cell").<Node>query());

        waitUntil(() -> !visible(robot, "#noticesBadge"));
        assertThat(text(robot, "#noticeBody")).isEqualTo("4月5日 2:00〜4:00 はサービスを停止します。");
        waitUntil(() -> server.context().notices().unreadCount(company.member()) == 0);
        waitUntil(() -> "未送信なし".equals(text(robot, "#pendingLabel")));
        assertThat(visible(robot, "#noticesBadge")).as("still read after the sync brought the server's state")
                .isFalse();

        robot.clickOn("#logoutButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        assertThat(robot.lookup("#fetchButton").tryQuery()).as("first run is not asked again").isEmpty();
    }

    private static void set(FxRobot robot, String query, String value) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(value));
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        if (node instanceof TextField f) {
            return f.getText();
        }
        return ((Label) node).getText();
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitFor(60, TimeUnit.SECONDS, condition);
    }
}
