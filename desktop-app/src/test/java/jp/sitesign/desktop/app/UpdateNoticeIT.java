package jp.sitesign.desktop.app;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.AppVersion;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.client.ClientVersions;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-version check: the app asks the real server for its configured versions and an older app gets a
 * notice in its language saying how to update; a current one gets none.
 */
class UpdateNoticeIT {
    private static final ResourceBundle JA = I18n.bundle(Language.JA);
    private static final ResourceBundle EN = I18n.bundle(Language.EN);

    @Test
    void anAppOlderThanTheServersMinimumIsToldInJapaneseOrEnglishWhereToGetTheUpdate() {
        try (TestServer server = TestServer.start(Map.of("client.min-version", "0.2.0", "client.latest-version",
                "0.3.0", "client.download-url", "https://sitesign.example.jp/download"))) {
            ClientVersions versions = new ServerApi(URI.create(server.server().baseUrl()),
                    server.server().tls().certificate()).clientVersions();

            assertThat(UpdateNotice.text(JA, Optional.of("0.1.0"), versions)).hasValueSatisfying(text -> assertThat(text)
                    .contains("0.1.0", "0.2.0", "最新版に更新してください", "https://sitesign.example.jp/download"));
            assertThat(UpdateNotice.text(EN, Optional.of("0.1.0"), versions)).hasValueSatisfying(text -> assertThat(text)
                    .contains("older than the oldest version the server supports (0.2.0)",
                            "https://sitesign.example.jp/download"));
            assertThat(UpdateNotice.text(JA, Optional.of("0.2.5"), versions)).hasValueSatisfying(text -> assertThat(text)
                    .contains("新しいバージョン 0.3.0", "都合のよいとき"));
            assertThat(UpdateNotice.text(JA, Optional.of("0.3.0"), versions)).isEmpty();
        }
    }

    @Test
    void withoutADownloadAddressTheNoticeSaysToAskTheAdministratorAndAServerWithoutVersionsSaysNothing() {
        ClientVersions noUrl = new ClientVersions("1.0", "", "");
        assertThat(UpdateNotice.text(EN, Optional.of("0.9"), noUrl)).hasValueSatisfying(text -> assertThat(text)
                .contains("Ask your system administrator"));
        try (TestServer server = TestServer.start()) {
            ClientVersions none = new ServerApi(URI.create(server.server().baseUrl()),
                    server.server().tls().certificate()).clientVersions();
            assertThat(UpdateNotice.text(JA, Optional.of("0.0.1"), none)).isEmpty();
        }
    }

    @Test
    void aRunFromClassesHasNoVersionAndIsNeverToldButTheAboutBoxSaysDevelopmentBuild() {
        assertThat(UpdateNotice.text(JA, Optional.empty(), new ClientVersions("9.0", "9.0", ""))).isEmpty();
        assertThat(AppVersion.shown(Optional.empty(), JA)).isEqualTo("開発版");
        assertThat(AppVersion.shown(Optional.of("0.1.0-SNAPSHOT"), EN)).isEqualTo("0.1.0-SNAPSHOT");
    }
}
