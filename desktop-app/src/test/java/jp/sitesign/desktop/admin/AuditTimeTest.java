package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** The audit log writes its times through the settings' date style: the JST day, time and offset. */
class AuditTimeTest {
    private static final AdminClient.AuditEntry LOGIN = new AdminClient.AuditEntry(7,
            Instant.parse("2026-11-25T15:05:09Z"), "U00000001", AuditAction.values()[0], "", "SUCCESS", "127.0.0.1", "");

    @Test
    void theTimeIsTheJstDayInTheChosenStyle() {
        Settings settings = new Settings();
        AuditViewModel vm = new AuditViewModel(null, AdminFixture.tasks(Language.JA))
                .dates(settings.dates(Language.JA));
        assertThat(vm.time(LOGIN)).isEqualTo("2026/11/26 00:05:09");

        settings.dateStyleProperty().set(DateStyle.WAREKI);

        assertThat(vm.time(LOGIN)).isEqualTo("令和8年11月26日 00:05:09");
    }

    @Test
    void aCertificateApplicationsFulfilmentDateFollowsTheChosenStyleToo() {
        Settings settings = new Settings();
        settings.dateStyleProperty().set(DateStyle.WAREKI);
        CertificateApplicationsViewModel vm = new CertificateApplicationsViewModel(null,
                AdminFixture.tasks(Language.JA).dates(settings.dates(Language.JA)));
        AdminClient.Application fulfilled = new AdminClient.Application(1, "C00000001", "U00000001",
                LOGIN.time(), null, "増員", null, AdminClient.ApplicationStatus.FULFILLED, "JC-0000042",
                Instant.parse("2026-11-25T15:05:09Z"));

        assertThat(vm.statusText(fulfilled)).contains("JC-0000042").contains("令和8年11月26日");
        assertThat(vm.dateTime(fulfilled.appliedAt())).startsWith("令和8年11月26日");
    }

    @Test
    void inTheEnglishWindowTheEraIsInRomaji() {
        AuditViewModel vm = new AuditViewModel(null, AdminFixture.tasks(Language.EN))
                .dates(DateDisplay.of(DateStyle.WAREKI, Language.EN));

        assertThat(vm.time(LOGIN)).isEqualTo("Reiwa 8/11/26 00:05:09");
    }
}
