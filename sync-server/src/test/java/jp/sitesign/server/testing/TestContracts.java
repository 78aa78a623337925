package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Contracts made through the real API, for tests that need one in a given state. */
public final class TestContracts {
    private TestContracts() {
    }

    /**
     * A two-party draft of {@code sender} to {@code counterparty}'s member, with no approvers and the sender's
     * member2 as signer (who must hold signing authority), and {@code pdf} as its main PDF; as its creator sees it.
     */
    public static JsonNode draftWithMain(ApiClient api, String creatorToken, TestServer.TestCompany sender,
            TestServer.TestCompany counterparty, String title, byte[] pdf) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", title);
        d.put("counterparties", List.of(Map.of("companyId", counterparty.id().value(), "receiverId",
                counterparty.member().value())));
        d.put("route", List.of());
        d.put("signer", sender.member2().value());
        JsonNode k = ok(api.post("/api/v1/contracts", creatorToken, d));
        return ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), creatorToken, pdf, Map.of("Content-Type", "application/pdf")));
    }

    /** {@link #draftWithMain} submitted: awaiting the signature of the sender's member2. */
    public static JsonNode awaitingSignature(ApiClient api, String creatorToken, TestServer.TestCompany sender,
            TestServer.TestCompany counterparty, String title, byte[] pdf) {
        JsonNode k = draftWithMain(api, creatorToken, sender, counterparty, title, pdf);
        k = ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", creatorToken,
                Map.of("revision", k.get("revision").asLong())));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        return k;
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }
}
