package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.Role;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 監査ログ through its view model against the real server: filters, JST times and the CSV export. */
class AuditViewModelIT {
    static TestServer server;
    static TestServer.TestCompany company;
    static AdminClient admin;
    static AdminClient member;
    static String suspendedId;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        AdminFixture fx = new AdminFixture(server);
        company = server.createCompany("監査ログ工業株式会社");
        admin = fx.clientOf(company.admin());
        member = fx.clientOf(company.member());
        AdminClient.Registered r = admin.register(new AdminClient.UserForm("監査 対象", "カンサ", "a@example.invalid",
                "工務部", "係長", Role.MEMBER));
        suspendedId = r.user().id();
        admin.suspend(suspendedId);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static LocalDate todayJst() {
        return LocalDate.now(JapanTime.ZONE);
    }

    @Test
    void filteringByActionAndUserShowsOnlyThoseEvents_withJstTimes() {
        AuditViewModel vm = new AuditViewModel(admin, AdminFixture.tasks(Language.JA));
        vm.actionProperty().set(AuditAction.USER_SUSPENDED);
        vm.userProperty().set(company.admin().value());
        vm.search();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.events()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.USER_SUSPENDED);
            assertThat(e.actor()).isEqualTo(company.admin().value());
            assertThat(e.target()).contains(suspendedId);
            // 実行者 and 対象 by name, 詳細 in words (issue 14): the company's users come from the server's list.
            assertThat(vm.actor(e)).isEqualTo("試験 管理者");
            assertThat(vm.target(e)).doesNotContain(suspendedId).isNotBlank();
            assertThat(vm.details(e)).doesNotContain("status=", "SUSPENDED", "ACTIVE").contains("利用停止");
            assertThat(vm.time(e)).doesNotContain("+09:00").startsWith(
                    jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI)
                            .date(todayJst()) + " ");
        });
        assertThat(vm.actionLabel(AuditAction.USER_SUSPENDED)).isEqualTo("利用停止");

        vm.userProperty().set(company.member().value());
        vm.search();
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void theUserFilterTakesPartOfAColleaguesNameOrKanaAndSaysWhenItNamesNoneOrSeveral() {
        AuditViewModel vm = new AuditViewModel(admin, AdminFixture.tasks(Language.JA));
        vm.actionProperty().set(AuditAction.USER_SUSPENDED);
        vm.userProperty().set(" 管理者 ");
        vm.search();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.events()).singleElement().satisfies(e -> assertThat(e.actor())
                .isEqualTo(company.admin().value()));

        // 「試験一般」 is part of 試験 一般 and of 試験 一般二, but it is the whole of one name: that one.
        vm.userProperty().set("試験一般");
        vm.search();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.events()).isEmpty();

        vm.userProperty().set("一般");
        vm.search();
        assertThat(vm.errorProperty().get()).contains("「一般」", "複数", "試験 一般（" + company.member().value() + "）",
                "試験 一般二（" + company.member2().value() + "）");

        vm.userProperty().set("カンサ");
        vm.search();
        assertThat(vm.errorProperty().get()).as("the kana of 監査 対象").isEmpty();
        assertThat(vm.events()).as("who was suspended did not suspend anyone").isEmpty();

        vm.userProperty().set("山田");
        vm.search();
        assertThat(vm.errorProperty().get()).isEqualTo(
                "実行者「山田」に当たる自社の利用者がいません。名前の一部か利用者IDを入れてください。");

        AuditViewModel en = new AuditViewModel(admin, AdminFixture.tasks(Language.EN));
        en.userProperty().set("Yamada");
        en.search();
        assertThat(en.errorProperty().get()).isEqualTo(
                "No user of your company matches \"Yamada\". Enter part of a name or a user ID.");
    }

    @Test
    void thePeriodIsInJstCalendarDays() {
        AuditViewModel vm = new AuditViewModel(admin, AdminFixture.tasks(Language.JA));
        vm.actionProperty().set(AuditAction.USER_REGISTERED);
        vm.fromProperty().set(todayJst());
        vm.toProperty().set(todayJst());
        vm.search();
        assertThat(vm.events()).extracting(AdminClient.AuditEntry::action).containsOnly(AuditAction.USER_REGISTERED)
                .isNotEmpty();

        vm.fromProperty().set(todayJst().plusDays(1));
        vm.toProperty().set(todayJst().plusDays(2));
        vm.search();
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void aStartAfterTheEndIsExplainedWithoutAsking() {
        AuditViewModel vm = new AuditViewModel(admin, AdminFixture.tasks(Language.EN));
        vm.fromProperty().set(todayJst());
        vm.toProperty().set(todayJst().minusDays(1));
        vm.search();
        assertThat(vm.errorProperty().get()).isEqualTo("The start date must not be after the end date.");
    }

    @Test
    void theCsvExportHasABomAndJstTimes() throws Exception {
        AuditViewModel vm = new AuditViewModel(admin, AdminFixture.tasks(Language.JA));
        vm.search();
        assertThat(vm.canExport().get()).isTrue();
        vm.actionProperty().set(AuditAction.USER_SUSPENDED);
        Path file = dir.resolve("監査ログ.csv");

        vm.export(file);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains(file.toString());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r?\n");
        assertThat(lines[0]).startsWith("\"連番\",\"日時(JST)\"");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("利用停止", company.admin().value()).containsPattern(
                todayJst() + " \\d\\d:\\d\\d:\\d\\d\\+09:00");
    }

    @Test
    void aMemberSeesWhyTheLogIsNotForThem() {
        AuditViewModel vm = new AuditViewModel(member, AdminFixture.tasks(Language.JA));
        vm.search();
        assertThat(vm.events()).isEmpty();
        assertThat(vm.canExport().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
    }
}
