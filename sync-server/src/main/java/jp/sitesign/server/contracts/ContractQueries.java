package jp.sitesign.server.contracts;

import static jp.sitesign.server.contracts.ContractStore.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.policy.ContractVisibility;
import jp.sitesign.model.policy.PartnerNames;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.PersonName;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.users.Page;

/**
 * Reading contracts as the caller may see them: one contract, its documents (every opening audited), the
 * search and its export, and the wire form the change feed sends. Inside a sync transaction the reads join it
 * ({@link jp.sitesign.server.storage.Database#read}), so a feed page sees one consistent state.
 */
public final class ContractQueries {
    private final ContractStore store;
    private final CompanyRepository companies;
    private final SignatureAcceptance signatures;

    ContractQueries(ContractStore store, CompanyRepository companies, SignatureAcceptance signatures) {
        this.store = store;
        this.companies = companies;
        this.signatures = signatures;
    }

    /** A document and its bytes. */
    public record Download(StoredDocument document, byte[] content) {
    }

    public StoredContract get(Caller caller, String id) {
        StoredContract k = store.load(caller, id);
        store.guard.require(caller, Action.VIEW_CONTRACT, store.resource(k));
        return k;
    }

    /** What the contract consists of now: its main PDF, then its attachments (the caller already saw {@code k}). */
    List<StoredDocument> documents(StoredContract k) {
        return store.documents(k);
    }

    /** The amendments of {@code k} the caller may see, oldest first: id and status only. */
    List<ContractView.Amendment> amendments(Caller caller, StoredContract k) {
        return store.db.read(c -> store.contracts.amendmentsOf(c, k.id())).stream()
                .filter(r -> store.maySee(caller, r.progress(), r.creator()))
                .map(r -> new ContractView.Amendment(r.id(), r.progress().status()))
                .toList();
    }

    /** One attachment, for whoever may see the contract: its description and its bytes (the access audited). */
    public Download attachment(Caller caller, String id, String sha256) {
        StoredContract k = get(caller, id);
        store.guard.require(caller, Action.READ_DOCUMENT, store.resource(k));
        Download d = store.db.read(c -> {
            StoredDocument found = store.contracts.currentDocuments(c, k).stream()
                    .filter(x -> StoredDocument.ATTACHMENT.equals(x.kind()) && x.sha256().equals(sha256))
                    .findFirst().orElseThrow(() -> ContractMessage.ATTACHMENT_NOT_FOUND.exception(sha256));
            return new Download(found, store.contracts.document(c, k, sha256).orElseThrow());
        });
        return new Download(d.document(), opened(caller, k, sha256, d.content()));
    }

    /** One document version of a contract the caller may see; the access is audited (who, contract, hash). */
    public byte[] document(Caller caller, String id, String sha256) {
        StoredContract k = get(caller, id);
        byte[] pdf = store.db.read(c -> store.contracts.document(c, k, sha256, caller.user().companyId()))
                .orElseThrow(() -> ContractMessage.DOCUMENT_NOT_IN_CONTRACT.exception(sha256));
        return opened(caller, k, sha256, pdf);
    }

    public byte[] mainDocument(Caller caller, String id) {
        return mainDocument(caller, id, null);
    }

    /**
     * The current main PDF, for whoever may read it, its access audited like every download; {@code purpose}
     * (e.g. {@code evidence}) is added to the audit details when the PDF is handed out inside something else.
     */
    public byte[] mainDocument(Caller caller, String id, String purpose) {
        StoredContract k = get(caller, id);
        store.guard.require(caller, Action.READ_DOCUMENT, store.resource(k));
        if (k.mainDocument() == null) {
            throw ContractMessage.MAIN_DOCUMENT_MISSING.exception();
        }
        byte[] pdf = store.db.read(c -> store.contracts.document(c, k, k.mainDocument())).orElseThrow();
        store.audit.append(entry(caller, AuditAction.DOCUMENT_OPENED, k, "sha256=" + k.mainDocument()
                + (purpose == null ? "" : " via=" + purpose)));
        return pdf;
    }

    /**
     * The names and titles of the other companies' users named on a contract the caller may see (its receivers
     * and signers as the caller's company sees the contract; never the other companies' approvers), for the
     * desktop to write people instead of ids (ADR 43, {@link PartnerNames}). A user id that does not belong to
     * the company of the party naming it gives no name.
     */
    public List<PersonName> people(Caller caller, String id) {
        StoredContract k = get(caller, id);
        Map<UserId, CompanyId> named = PartnerNames.namedFor(caller.user().companyId(), k.progress());
        return store.db.read(c -> {
            List<PersonName> out = new ArrayList<>();
            for (Map.Entry<UserId, CompanyId> e : named.entrySet()) {
                store.userOf(c, e.getValue(), e.getKey()).map(PersonName::of).ifPresent(out::add);
            }
            return out;
        });
    }

    /**
     * The contract as the caller may hold it (for the change feed), or empty when it is gone or the
     * caller may not see it.
     */
    public Optional<ContractSnapshot> snapshot(Caller caller, String id) {
        return store.db.read(c -> {
            StoredContract k = store.contracts.find(c, id).orElse(null);
            if (k == null || !store.maySee(caller, k.progress(), k.creator())) {
                return Optional.empty();
            }
            CompanyId viewer = caller.user().companyId();
            return Optional.of(ContractSnapshot.of(k.id(), k.sender(), k.creator(), k.progress().seenBy(viewer),
                    k.data(), k.mainDocument(), store.contracts.documents(c, k, viewer), k.revision(), k.createdAt(),
                    k.updatedAt()));
        });
    }

    /**
     * Several contracts as the caller may hold them, for a feed page: loaded and their documents listed in
     * a few queries, not one per contract. Contracts gone or not visible to the caller are absent.
     */
    public Map<String, ContractSnapshot> snapshots(Caller caller, Collection<String> ids) {
        CompanyId viewer = caller.user().companyId();
        return store.db.read(c -> {
            List<StoredContract> visible = new ArrayList<>();
            for (StoredContract k : store.contracts.findAll(c, ids).values()) {
                if (store.maySee(caller, k.progress(), k.creator())) {
                    visible.add(k);
                }
            }
            Map<String, List<ContractSnapshot.DocumentRef>> documents = store.contracts.documents(c, visible, viewer);
            Map<String, ContractSnapshot> out = new HashMap<>();
            for (StoredContract k : visible) {
                out.put(k.id(), ContractSnapshot.of(k.id(), k.sender(), k.creator(), k.progress().seenBy(viewer),
                        k.data(), k.mainDocument(), documents.getOrDefault(k.id(), List.of()), k.revision(),
                        k.createdAt(), k.updatedAt()));
            }
            return out;
        });
    }

    /**
     * Search over what the caller may see (ADR 46). SQL narrows to the contracts the visibility rule of
     * common-model admits ({@link ContractVisibility}, read from the people and parties columns) and to the clear
     * keys; without sealed text it also orders, pages and counts, and only the page is opened. With a title or
     * 文書管理番号 filter the blind index narrows the candidates to those holding every bigram of the needle,
     * which are opened and filtered. Either way the policy decides each contract returned, and the shared
     * {@link ContractQuery} has the last word on what matches and in what order.
     */
    public Page<StoredContract> search(Caller caller, ContractQuery q) {
        CompanyId own = caller.user().companyId();
        store.guard.require(caller, Action.SEARCH_CONTRACTS, new CompanyResource(own));
        ContractVisibility visibility = ContractVisibility.of(store.guard.actor(caller));
        return store.db.read(c -> {
            if (!q.needsContent()) {
                ContractSearchSql sql = new ContractSearchSql(q, visibility, null);
                List<String> ids = sql.pageIds(c);
                // A short page holds the last match, so the count is known unless the page starts past it.
                int total = ids.size() < q.limit() && (q.offset() == 0 || !ids.isEmpty()) ? q.offset() + ids.size()
                        : sql.count(c);
                Map<String, StoredContract> found = store.contracts.findAll(c, ids);
                List<StoredContract> page = new ArrayList<>();
                for (String id : ids) {
                    StoredContract k = found.get(id);
                    if (k != null && store.maySee(caller, k.progress(), k.creator())) {
                        page.add(k);
                    }
                }
                return new Page<>(page, total, q.offset(), q.limit());
            }
            Set<String> narrowed = store.contracts.index().narrow(c, own, q).orElse(null);
            List<StoredContract> opened = new ArrayList<>();
            for (ContractRepository.Row r : store.contracts.candidates(c, new ContractSearchSql(q, visibility,
                    narrowed))) {
                if (q.matchesClearKeys(r.keys(), own) && store.maySee(caller, r.progress(), r.creator())) {
                    StoredContract k = store.contracts.open(c, r);
                    if (q.matches(k.keys(), own)) {
                        opened.add(k);
                    }
                }
            }
            opened.sort(Comparator.comparing(StoredContract::keys, q.order()));
            return new Page<>(q.page(opened), opened.size(), q.offset(), q.limit());
        });
    }

    /** Refuses an export the caller may not make; called before the answer starts streaming. */
    public void requireExport(Caller caller, boolean withPdfs) {
        store.guard.require(caller, withPdfs ? Action.EXPORT_CONTRACTS_WITH_DOCUMENTS : Action.EXPORT_CONTRACTS,
                new CompanyResource(caller.user().companyId()));
    }

    /**
     * Writes the whole search result (no paging) as CSV, or as a ZIP of that CSV and the PDFs; the export
     * is audited with its row count.
     */
    public void export(Caller caller, ContractQuery q, boolean withPdfs, OutputStream out) throws IOException {
        List<StoredContract> rows = search(caller, q.unpaged()).items();
        store.audit.append(new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.CONTRACTS_EXPORTED,
                null, AuditOutcome.SUCCESS, caller.clientIp(), (withPdfs ? "zip" : "csv") + " rows=" + rows.size()));
        ContractExport.Source source = new ContractExport.Source() {
            @Override
            public List<StoredDocument> documents(StoredContract k) {
                return store.documents(k);
            }

            @Override
            public byte[] content(StoredContract k, String sha256) {
                return store.db.read(c -> store.contracts.document(c, k, sha256)).orElseThrow();
            }

            @Override
            public String companyName(CompanyId company) {
                return store.db.read(c -> companies.find(c, company)).map(Company::name).orElse(null);
            }
        };
        if (withPdfs) {
            ContractExport.zip(rows, source, out);
        } else {
            ContractExport.csv(rows, source, out);
        }
    }

    /** The trust anchors the server checks signatures against, for clients to check theirs the same way. */
    public List<X509Certificate> trustAnchors() {
        return signatures.anchors();
    }

    /** The TSA the server timestamps with, for clients to timestamp their signatures (B-T); null without one. */
    public URI tsaUrl() {
        return signatures.tsaUrl();
    }

    /**
     * Records that the caller opened or downloaded a document (DESIGN §2: the operation log), before it is
     * handed out: its hash, never its content.
     */
    private byte[] opened(Caller caller, StoredContract k, String sha256, byte[] pdf) {
        store.audit.append(entry(caller, AuditAction.DOCUMENT_OPENED, k, "sha256=" + sha256));
        return pdf;
    }
}
