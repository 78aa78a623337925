package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;

/** Integration applications as a company admin applies for them and the operator reviews them. */
public final class ApiApps {
    private ApiApps() {
    }

    static ApiClient.Response apply(ApiClient api, String adminToken, List<String> scopes, List<String> addresses) {
        return api.post("/api/v1/integration/applications", adminToken, Map.of("name", "基幹システム連携",
                "purpose", "受注データから注文書を作成し、締結済の契約を文書管理へ取り込むため", "scopes", scopes,
                "allowedAddresses", addresses, "contact", "情報システム部 03-0000-0000"));
    }

    /** Applied for and approved (through the service the operator's CLI calls); returns the application id. */
    static String approved(TestServer server, String adminToken, List<String> scopes, List<String> addresses) {
        ApiClient.Response applied = apply(server.api(), adminToken, scopes, addresses);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.json().get("id").asText();
        server.context().integration().review(id, ApplicationStatus.Review.APPROVE, null);
        return id;
    }

    /** Takes the application's key (a new one each time). */
    static String key(ApiClient api, String adminToken, String id) {
        ApiClient.Response r = api.post("/api/v1/integration/applications/" + id + "/key", adminToken, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("key").asText();
    }

    /** An approved application's key, from 127.0.0.1 only. */
    public static String keyFor(TestServer server, String adminToken, String... scopes) {
        return key(server.api(), adminToken, approved(server, adminToken, List.of(scopes), List.of("127.0.0.1/32")));
    }
}
