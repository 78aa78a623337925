package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Expired sessions are deleted by the purge job, live ones kept: the table does not grow by a row per login. */
class SessionPurgeIT {
    private static final int IDLE_MINUTES = 30;
    private static final int ABSOLUTE_MINUTES = 120;

    @Test
    void thePurgeDeletesIdleAndWornOutSessionsAndKeepsLiveOnes() {
        try (TestServer server = TestServer.start(Map.of("session.idle-minutes", String.valueOf(IDLE_MINUTES),
                "session.absolute-minutes", String.valueOf(ABSOLUTE_MINUTES)))) {
            TestServer.TestCompany co = server.createCompany("期限切れ掃除株式会社");
            String idle = server.api().login(co.member().value(), TestServer.PASSWORD);
            String busy = server.api().login(co.admin().value(), TestServer.PASSWORD);
            // Used every 20 minutes up to its absolute lifetime, so never idle for long.
            for (int minutes = 0; minutes < ABSOLUTE_MINUTES - 20; minutes += 20) {
                assertThat(me(server, busy)).isEqualTo(200);
                server.clock().advance(Duration.ofMinutes(20));
            }
            assertThat(me(server, busy)).isEqualTo(200);
            String fresh = server.api().login(co.owner().value(), TestServer.PASSWORD);
            server.clock().advance(Duration.ofMinutes(21));
            assertThat(me(server, fresh)).isEqualTo(200);
            assertThat(sessions(server)).isEqualTo(3);

            int purged = server.context().auth().purgeExpiredSessions();

            assertThat(purged).as("the idle one and the one past its absolute lifetime").isEqualTo(2);
            assertThat(sessions(server)).isEqualTo(1);
            assertThat(me(server, fresh)).as("a session in use is kept").isEqualTo(200);
            assertThat(me(server, idle)).isEqualTo(401);
            assertThat(me(server, busy)).isEqualTo(401);
            assertThat(server.context().auth().purgeExpiredSessions()).as("nothing left to purge").isZero();
        }
    }

    private static int me(TestServer server, String token) {
        return server.api().get("/api/v1/me", token).status();
    }

    private static int sessions(TestServer server) {
        return server.context().db().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sessions")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
