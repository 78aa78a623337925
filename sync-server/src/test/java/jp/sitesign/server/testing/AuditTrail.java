package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A company's operation log as its owner or admin reads it through the audit API. */
public final class AuditTrail {
    private AuditTrail() {
    }

    /** The company's events of {@code action} (an AuditAction name) on {@code target}, newest first. */
    public static List<JsonNode> events(ApiClient api, String adminToken, String action, String target) {
        ApiClient.Response page = api.get("/api/v1/audit?action=" + action + "&limit=500", adminToken);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        page.json().get("items").forEach(e -> {
            if (e.get("target").asText().equals(target)) {
                out.add(e);
            }
        });
        return out;
    }
}
