package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database (two {@link JobLeases} with their own holder names, as two processes have):
 * a job runs once per period between them, and a run whose server died is taken over once its lease lapses.
 */
class JobLeasesIT {
    private static final Duration PERIOD = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(30);
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneRunPerPeriodBetweenTwoServersOnWhateverPhase() {
        MutableClock clock = new MutableClock();
        JobLeases a = new JobLeases(server.context().db(), clock, LEASE);
        JobLeases b = new JobLeases(server.context().db(), clock, LEASE);

        assertThat(a.claim("phases", PERIOD)).isTrue();
        assertThat(b.claim("phases", PERIOD)).as("a's run is under way").isFalse();
        a.finished("phases");
        clock.advance(Duration.ofMinutes(30));
        assertThat(b.claim("phases", PERIOD)).as("b's turn half a period later: a ran this period").isFalse();
        clock.advance(Duration.ofMinutes(30));
        assertThat(a.claim("phases", PERIOD)).as("a period after a's run").isTrue();
        a.finished("phases");
        clock.advance(Duration.ofMinutes(30));
        assertThat(b.claim("phases", PERIOD)).isFalse();
    }

    @Test
    void aRunWhoseServerDiedIsTakenOverWhenItsLeaseLapses() {
        MutableClock clock = new MutableClock();
        JobLeases killed = new JobLeases(server.context().db(), clock, LEASE);
        JobLeases survivor = new JobLeases(server.context().db(), clock, LEASE);

        assertThat(killed.claim("takeover", PERIOD)).isTrue();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(survivor.claim("takeover", PERIOD)).as("the lease still holds").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(survivor.claim("takeover", PERIOD)).as("the lease lapsed: taken over").isTrue();
        killed.finished("takeover");
        assertThat(new JobLeases(server.context().db(), clock, LEASE).claim("takeover", PERIOD))
                .as("a late finish of the dead run does not free the survivor's").isFalse();
        survivor.finished("takeover");
    }

    @Test
    void serversRacingForTheSameRunGetItOnce() throws Exception {
        MutableClock clock = new MutableClock();
        List<JobLeases> servers = List.of(new JobLeases(server.context().db(), clock, LEASE),
                new JobLeases(server.context().db(), clock, LEASE), new JobLeases(server.context().db(), clock, LEASE),
                new JobLeases(server.context().db(), clock, LEASE));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int period = 0; period < 5; period++) {
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    JobLeases s = servers.get(i % servers.size());
                    racers.add(() -> s.claim("race", PERIOD));
                }
                long winners = 0;
                for (Future<Boolean> f : threads.invokeAll(racers)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("period " + period).isEqualTo(1);
                servers.forEach(s -> s.finished("race"));
                clock.advance(PERIOD);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
