package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;

/**
 * The user's own draft work laid over the server's snapshots, so the app shows what the user saved, not
 * what the server knew at the last sync. Three commands change what is shown:
 * <ul>
 *   <li>CREATE_DRAFT adds a local draft (status 下書き, revision 0, no 文書管理番号 until the server assigns one);</li>
 *   <li>EDIT_DRAFT replaces what the draft says and who takes part, keeping status, documents and revision;</li>
 *   <li>DELETE_DRAFT hides the contract.</li>
 * </ul>
 * They count while PENDING and, once APPLIED, until the change feed brings the server's own revision
 * ({@link ChangeApplier} then drops them), so the list does not flicker back to the old state between
 * the push and the pull. REJECTED and CONFLICT commands show nothing: the server's state stands, and the
 * command waits in {@link Outbox#needingAttention()} with its reason. Other commands (submit, approve,
 * sign …) are not simulated: the workflow's next state is the server's to decide; {@link LocalContract#pending()}
 * tells the UI they are waiting.
 */
final class Overlay {
    private static final Set<CommandType> SHOWN = Set.of(CommandType.CREATE_DRAFT, CommandType.EDIT_DRAFT,
            CommandType.DELETE_DRAFT);

    /** What to show per contract id: a snapshot, or null for "hidden". Only overlaid ids are keys. */
    private final Map<String, ContractSnapshot> shown;

    private Overlay(Map<String, ContractSnapshot> shown) {
        this.shown = shown;
    }

    static boolean shows(CommandType type) {
        return SHOWN.contains(type);
    }

    /** The overlay of every contract with draft work in the outbox. */
    static Overlay load(Connection c, CompanyId company, UserId user) throws SQLException {
        List<OutboxEntry> entries = Outbox.select(c, "WHERE state IN ('PENDING', 'APPLIED')"
                + " AND type IN ('CREATE_DRAFT', 'EDIT_DRAFT', 'DELETE_DRAFT')");
        Map<String, ContractSnapshot> shown = new LinkedHashMap<>();
        for (OutboxEntry e : entries) {
            Command cmd = e.command();
            String id = cmd.entityId();
            ContractSnapshot base = shown.containsKey(id) ? shown.get(id) : ContractRows.find(c, id);
            if (cmd instanceof Command.CreateDraft create) {
                if (base == null && !shown.containsKey(id)) {
                    ContractDraft d = create.draft();
                    shown.put(id, ContractSnapshot.of(id, company, user, d.progress(company), d.data(), null,
                            List.of(), 0, e.queuedAt(), e.queuedAt()));
                }
            } else if (cmd instanceof Command.EditDraft edit) {
                if (base != null) {
                    shown.put(id, edited(base, edit.draft(), e));
                }
            } else {
                shown.put(id, null); // DELETE_DRAFT
            }
        }
        return new Overlay(shown);
    }

    private static ContractSnapshot edited(ContractSnapshot base, ContractDraft d, OutboxEntry e) {
        if (!base.status().isDraft()) {
            // The contract moved on (submitted elsewhere): the edit will come back as a conflict.
            return base;
        }
        CompanyId sender = new CompanyId(base.senderId());
        ContractProgress draft = d.progress(sender);
        ContractProgress progress = new ContractProgress(draft.form(), base.status(), draft.parties(), 0, 0,
                draft.deadline(), base.returnComment());
        return ContractSnapshot.of(base.id(), sender, new UserId(base.creatorId()), progress, d.data(),
                base.mainDocument(), base.documents(), base.revision(), base.createdAt(), e.queuedAt());
    }

    boolean covers(String id) {
        return shown.containsKey(id);
    }

    /** The overlaid contract, or null when hidden (deleted locally); only for {@link #covers} ids. */
    ContractSnapshot get(String id) {
        return shown.get(id);
    }

    /** The ids whose stored snapshot the overlay replaces or hides. */
    Set<String> covered() {
        return shown.keySet();
    }

    /** Every contract the overlay shows (not the hidden ones). */
    List<ContractSnapshot> visible() {
        return shown.values().stream().filter(java.util.Objects::nonNull).toList();
    }
}
