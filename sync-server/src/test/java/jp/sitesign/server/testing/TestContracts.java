package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.user.UserId;

/** Two-party contracts (注文書 兼 請書) made through the real API as a sender's member makes them. */
public final class TestContracts {
    private TestContracts() {
    }

    /**
     * A draft to {@code counterparty} (its member receives it) that {@code signer} signs for the sender with no
     * approval route, with {@code pdf} as its document; as its creator sees it.
     */
    public static JsonNode draft(ApiClient api, String token, TestServer.TestCompany counterparty, UserId signer,
            String title, byte[] pdf) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", title);
        d.put("transactionDate", "2026-11-25");
        d.put("amountYen", 3_300_000L);
        d.put("counterparties", List.of(Map.of("companyId", counterparty.id().value(),
                "receiverId", counterparty.member().value())));
        d.put("route", List.of());
        d.put("signer", signer.value());
        JsonNode k = ok(api.post("/api/v1/contracts", token, d));
        return ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), token, pdf, Map.of("Content-Type", "application/pdf")));
    }

    /** {@link #draft} titled 注文書 兼 請書. */
    public static JsonNode draft(ApiClient api, String token, TestServer.TestCompany counterparty, UserId signer,
            byte[] pdf) {
        return draft(api, token, counterparty, signer, "注文書 兼 請書", pdf);
    }

    /** {@link #draft} submitted: awaiting the sender's signature. */
    public static JsonNode submitted(ApiClient api, String token, TestServer.TestCompany counterparty, UserId signer,
            byte[] pdf) {
        return submit(api, token, draft(api, token, counterparty, signer, pdf));
    }

    /** A draft of {@code sender} signed by its member2 (who must hold signing authority), as {@link #draft}. */
    public static JsonNode draftWithMain(ApiClient api, String creatorToken, TestServer.TestCompany sender,
            TestServer.TestCompany counterparty, String title, byte[] pdf) {
        return draft(api, creatorToken, counterparty, sender.member2(), title, pdf);
    }

    /** {@link #draftWithMain} submitted: awaiting the signature of the sender's member2. */
    public static JsonNode awaitingSignature(ApiClient api, String creatorToken, TestServer.TestCompany sender,
            TestServer.TestCompany counterparty, String title, byte[] pdf) {
        JsonNode k = submit(api, creatorToken, draftWithMain(api, creatorToken, sender, counterparty, title, pdf));
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        return k;
    }

    private static JsonNode submit(ApiClient api, String token, JsonNode k) {
        return ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", token,
                Map.of("revision", k.get("revision").asLong())));
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    /** Every required 建設業法19条 item filled in, as a construction contract's {@code terms}. */
    public static Map<String, String> allTerms() {
        Map<String, String> terms = new LinkedHashMap<>();
        for (ConstructionItem item : ConstructionItem.values()) {
            if (item.required()) {
                terms.put(item.name(), item.labelJa() + "について別紙のとおり");
            }
        }
        return terms;
    }

}
