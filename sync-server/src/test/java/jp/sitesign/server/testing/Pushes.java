package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;

/** Sync pushes as the desktop's outbox makes them, for tests that kill servers under clients. */
public final class Pushes {
    private Pushes() {
    }

    /** A command creating a draft with this title (a fresh client-chosen id). */
    public static Command draft(String title) {
        return Command.createDraft(UUID.randomUUID().toString(), new ContractDraft(null, ContractForm.BILATERAL, null,
                title, LocalDate.of(2026, 12, 1), 500_000L, true, false, null, null, null, List.of(), List.of(), null,
                null));
    }

    /**
     * Pushes the batch until a server answers it, as the outbox does: a request cut by a dying server (or a
     * 5xx from one) is sent again, each time to the server {@code api} names then (the same or another).
     */
    public static List<CommandResult> untilAnswered(Supplier<ApiClient> api, String token, List<Command> batch) {
        while (true) {
            try {
                ApiClient.Response r = api.get().post("/api/v1/sync/commands", token, new PushRequest(batch));
                if (r.status() == 200) {
                    return WireJson.create().readValue(r.bytes(), PushResponse.class).results();
                }
                assertThat(r.status()).as("only a dying server may fail a push: " + r).isGreaterThanOrEqualTo(500);
            } catch (UncheckedIOException e) {
                // the server was killed under this request: the outbox keeps the batch and sends it again
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every contract id the user can list. */
    public static Set<String> contractIds(ApiClient api, String token) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = api.get("/api/v1/contracts?limit=500&offset=" + offset, token).json();
            page.get("items").forEach(k -> ids.add(k.get("id").asText()));
            if (offset + 500 >= page.get("total").asInt()) {
                return ids;
            }
        }
    }
}
