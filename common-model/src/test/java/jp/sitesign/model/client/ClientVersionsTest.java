package jp.sitesign.model.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.sitesign.model.client.ClientVersions.Verdict;
import org.junit.jupiter.api.Test;

class ClientVersionsTest {
    @Test
    void versionsCompareNumberByNumberAndAQualifierComesBeforeTheRelease() {
        assertThat(ClientVersions.compare("0.10.0", "0.9.9")).isPositive();
        assertThat(ClientVersions.compare("1.2", "1.2.0")).isZero();
        assertThat(ClientVersions.compare("1.2.0-SNAPSHOT", "1.2.0")).isNegative();
        assertThat(ClientVersions.compare("1.2.0-SNAPSHOT", "1.1.9")).isPositive();
        assertThat(ClientVersions.compare("2", "10")).isNegative();
    }

    @Test
    void anAppBelowTheMinimumIsTooOldBelowTheLatestMayUpdateOtherwiseCurrent() {
        ClientVersions server = new ClientVersions("0.2.0", "0.3.1", "https://example.jp/sitesign");
        assertThat(server.judge("0.1.9")).isEqualTo(Verdict.TOO_OLD);
        assertThat(server.judge("0.2.0-SNAPSHOT")).isEqualTo(Verdict.TOO_OLD);
        assertThat(server.judge("0.2.0")).isEqualTo(Verdict.UPDATE_AVAILABLE);
        assertThat(server.judge("0.3.1")).isEqualTo(Verdict.CURRENT);
        assertThat(server.judge("1.0.0")).isEqualTo(Verdict.CURRENT);
    }

    @Test
    void nothingConfiguredOrAnUnknownAppVersionIsNeverTold() {
        assertThat(new ClientVersions("", null, null).judge("0.0.1")).isEqualTo(Verdict.CURRENT);
        assertThat(new ClientVersions("9.0", "9.0", "").judge(null)).isEqualTo(Verdict.CURRENT);
        assertThat(new ClientVersions("9.0", "9.0", "").judge("development")).isEqualTo(Verdict.CURRENT);
    }

    @Test
    void aServerConfiguredWithSomethingThatIsNotAVersionIsRefusedWithItsValue() {
        assertThatThrownBy(() -> new ClientVersions("latest", "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"latest\"");
        assertThatThrownBy(() -> new ClientVersions("", "1..2", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
