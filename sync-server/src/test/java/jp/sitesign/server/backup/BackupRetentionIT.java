package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The daily run's retention, on a clock the test moves: a full backup every seventh day and differentials
 * between, two generations kept (the third generation's full removes the first generation), log backups
 * kept a year, and never the newest of either.
 */
class BackupRetentionIT {
    @Test
    void twoGenerationsOfDataAndAYearOfLogsAreKept() throws Exception {
        try (TestServer server = TestServer.start(Map.of("backup.full-every-days", "7", "backup.generations", "2",
                "backup.log-days", "365"))) {
            server.createCompany("保持期間建設株式会社");
            Backups backups = server.context().backups();
            Path dir = server.context().config().backupDir();
            for (int day = 0; day < 14; day++) {
                server.context().notices().publish(NoticeCategory.GENERAL, "日次 " + day, "変更 " + day);
                Backups.Made made = backups.runDaily();
                assertThat(made.backup().kind()).as("day " + day).isEqualTo(day % 7 == 0 ? "FULL" : "DIFFERENTIAL");
                assertThat(made.removed()).as("day " + day + ": nothing is old enough yet").isEmpty();
                server.clock().advance(Duration.ofDays(1));
            }
            List<Backups.Listing> before = Backups.list(dir);
            String firstFull = before.get(0).id();

            Backups.Made third = backups.runDaily();

            assertThat(third.backup().kind()).isEqualTo("FULL");
            List<String> dataLeft = Backups.list(dir).stream().filter(l -> !l.kind().equals("LOG"))
                    .map(Backups.Listing::id).toList();
            assertThat(dataLeft).as("generations two and three: 7 + 1 backups").hasSize(8).doesNotContain(firstFull);
            assertThat(third.removed()).as("generation one: its full and its six differentials").contains(firstFull)
                    .hasSize(7);

            server.clock().advance(Duration.ofDays(366));
            Backups.Made yearLater = backups.runDaily();
            List<Backups.Listing> logs = Backups.list(dir).stream().filter(l -> l.kind().equals("LOG")).toList();
            assertThat(logs).as("log backups older than a year are gone, the new one stays").hasSize(1);
            assertThat(logs.get(0).createdAt()).isEqualTo(yearLater.backup().createdAt());
            assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".partial")))
                    .as("no unfinished backup is left").isEmpty();
        }
    }
}
