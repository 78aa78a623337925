package jp.sitesign.desktop.store;

import java.nio.charset.StandardCharsets;
import jp.sitesign.desktop.sync.ChildClient;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;

/**
 * A desktop client in a process of its own, for {@link DesktopKillIT}: logs in online, opens its local
 * store and closes it again (a clean restart), opens it once more and then saves without end — a document
 * into the blob store and a draft into the outbox, as the editor's 保存 does, then records the server's
 * answer to the draft before it, as a sync does — printing {@code SAVED} with both ids and {@code ANSWERED}
 * with the command's id only after the calls returned, so the test can SIGKILL it at any moment after one.
 *
 * <p>Arguments: data home, server URL, server certificate (PEM file), user id; the password comes from
 * the environment variable {@code SITESIGN_TEST_PASSWORD}.
 */
public final class OutboxWritingClient {
    private OutboxWritingClient() {
    }

    public static void main(String[] args) throws Exception {
        ChildClient client = ChildClient.fromArgs(args);
        client.open().close();
        try (StoreSession store = client.open()) {
            System.out.println("OPEN");
            Command previous = null;
            for (int i = 0; ; i++) {
                String sha = store.blobs().put(("%PDF-1.7 local document " + i + " " + UUID.randomUUID())
                        .getBytes(StandardCharsets.US_ASCII));
                Command draft = Command.createDraft(UUID.randomUUID().toString(), new ContractDraft(null,
                        ContractForm.BILATERAL, null, "現場で保存した下書き " + i, LocalDate.of(2026, 12, 7), 10_000L + i,
                        true, false, null, null, null, List.of(), List.of(), null, null));
                store.outbox().append(draft);
                System.out.println("SAVED " + draft.id() + " " + sha);
                if (previous != null) {
                    store.outbox().markResult(CommandResult.applied(previous.id(), previous.entityId(), 1L));
                    System.out.println("ANSWERED " + previous.id());
                }
                previous = draft;
            }
        }
    }
}
