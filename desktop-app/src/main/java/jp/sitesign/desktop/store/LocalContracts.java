package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;

/**
 * Contracts as the user sees them offline: the server's snapshots with the user's pending draft work laid
 * over them ({@link Overlay}), searched with the server's own {@link ContractQuery} semantics.
 */
public final class LocalContracts {
    private final StoreDatabase db;
    private final CompanyId company;
    private final UserId user;

    LocalContracts(StoreDatabase db, CompanyId company, UserId user) {
        this.db = db;
        this.company = company;
        this.user = user;
    }

    /** The contract as shown now (server snapshot + pending edits), or empty if unknown or deleted locally. */
    public Optional<LocalContract> current(String id) {
        return db.read(c -> {
            Overlay overlay = Overlay.load(c, company, user);
            ContractSnapshot server = ContractRows.find(c, id);
            ContractSnapshot shown = overlay.covers(id) ? overlay.get(id) : server;
            return shown == null ? Optional.empty()
                    : Optional.of(new LocalContract(shown, server, Outbox.forEntity(c, id)));
        });
    }

    /**
     * The same search as the server's, over what this computer holds: the same rows in the same order for
     * the same data, plus local drafts and with pending edits applied. H2 filters, orders, pages and counts
     * the server's snapshots the overlay leaves alone ({@link ContractSearch}); the few overlaid contracts
     * are matched here and merged into the page, so the answer is the same as sorting everything by
     * {@link ContractQuery#order()}.
     */
    public LocalPage search(ContractQuery q) {
        return db.readConsistent(c -> {
            Overlay overlay = Overlay.load(c, company, user);
            List<ContractQuery.Keys> shown = overlay.visible().stream().map(ContractSnapshot::searchKeys)
                    .filter(k -> q.matches(k, company)).toList();
            ContractSearch.Result result = new ContractSearch(q, company).page(c, overlay.covered(), shown);
            return new LocalPage(open(c, result.page(), overlay), result.total(), q.offset(), q.limit());
        });
    }

    private List<LocalContract> open(Connection c, List<ContractQuery.Keys> page, Overlay overlay)
            throws SQLException {
        List<String> ids = page.stream().map(ContractQuery.Keys::id).toList();
        Map<String, ContractSnapshot> server = ContractRows.load(c, ids);
        Map<String, List<OutboxEntry>> pending = Outbox.forEntities(c, ids).stream()
                .collect(Collectors.groupingBy(e -> e.command().entityId()));
        List<LocalContract> out = new ArrayList<>();
        for (String id : ids) {
            ContractSnapshot shown = overlay.covers(id) ? overlay.get(id) : server.get(id);
            out.add(new LocalContract(shown, server.get(id), pending.getOrDefault(id, List.of())));
        }
        return out;
    }
}
