package jp.sitesign.server.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.sitesign.server.http.HttpSettings;
import jp.sitesign.server.http.HttpsServer;
import jp.sitesign.server.http.JsonMapper;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Benchmark fixture (not a test): starts the real server with a company and, beside it, a bare
 * Jersey-on-Grizzly HTTPS resource with the same TLS settings that returns a constant. Prints the two
 * URLs and a session token for wrk (bench/whoami.sh), measures the cost of one login, then waits
 * for a line on stdin before stopping.
 */
public final class WhoAmIBench {
    private WhoAmIBench() {
    }

    public static void main(String[] args) throws Exception {
        try (TestServer server = TestServer.start(Map.of("session.idle-minutes", "600"))) {
            TestServer.TestCompany co = server.createCompany("ベンチマーク株式会社");
            ResourceConfig bare = new ResourceConfig();
            bare.property(ServerProperties.WADL_FEATURE_DISABLE, true);
            bare.register(JacksonFeature.withoutExceptionMappers());
            bare.register(new JsonMapper());
            bare.register(Constant.class);
            try (HttpsServer baseline = HttpsServer.start("127.0.0.1", 0,
                    server.server().tls().sslContext(), bare, HttpSettings.from(server.context().config()))) {
                ApiClient api = server.api();
                List<Long> nanos = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    long t0 = System.nanoTime();
                    api.login(co.member().value(), TestServer.PASSWORD);
                    nanos.add(System.nanoTime() - t0);
                }
                Collections.sort(nanos);
                String token = api.login(co.member().value(), TestServer.PASSWORD);
                System.out.println("LOGIN_MEDIAN_MS=" + nanos.get(nanos.size() / 2) / 1_000_000.0);
                System.out.println("WHOAMI_URL=" + server.server().baseUrl() + "/api/v1/me");
                System.out.println("BARE_URL=https://127.0.0.1:" + baseline.port() + "/constant");
                System.out.println("TOKEN=" + token);
                System.out.println("READY");
                System.out.flush();
                System.in.read();
            }
        }
    }

    /** The baseline: what Grizzly + Jersey + Jackson over TLS cost with no authentication or storage. */
    @Path("/constant")
    public static final class Constant {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> get() {
            return Map.of("id", "U00000000", "role", "MEMBER");
        }
    }
}
