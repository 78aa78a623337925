package jp.sitesign.server.contracts;

import static jp.sitesign.server.contracts.ContractStore.duplicateNumber;
import static jp.sitesign.server.contracts.ContractStore.entry;
import static jp.sitesign.server.contracts.ContractStore.require;
import static jp.sitesign.server.contracts.ContractStore.requireRevision;
import static jp.sitesign.server.contracts.ContractStore.validId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.contract.Transition;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.Attachments;
import jp.sitesign.model.document.PdfCheck;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.storage.StorageException;

/**
 * Drafts: creating one (or a 変更契約 from a completed contract), editing it and its PDFs. Every change asks
 * the access policy and the lifecycle (common-model) first, then writes the new revision and its audit event
 * in one transaction.
 */
public final class ContractDrafts {
    private final ContractStore store;
    private final PdfCheck pdfCheck;

    ContractDrafts(ContractStore store, PdfCheck pdfCheck) {
        this.store = store;
        this.pdfCheck = pdfCheck;
    }

    /** A new draft of the caller's company. */
    public StoredContract create(Caller caller, ContractProgress progress, ContractData data) {
        return create(caller, UUID.randomUUID().toString(), progress, data);
    }

    /**
     * A new draft with the id the client chose (a sync command creates the draft the user already sees
     * locally under that id). An id already taken is refused.
     */
    public StoredContract create(Caller caller, String id, ContractProgress progress, ContractData data) {
        if (!validId(id)) {
            throw ContractMessage.ID_NOT_UUID.exception();
        }
        CompanyId own = caller.user().companyId();
        store.guard.requireForChange(caller, Action.CREATE_DRAFT, new CompanyResource(own), null);
        requireSender(progress, own);
        requireSealAllowed(caller, progress, null);
        ContractFields.validate(data);
        if (data.originalId() != null) {
            throw ContractMessage.AMENDMENT_FROM_ORIGINAL.exception();
        }
        Instant now = store.clock.instant();
        return store.db.inTransaction(c -> {
            checkPeople(c, own, progress);
            ContractData numbered = data.managementNumber() == null || data.managementNumber().isBlank()
                    ? data.withManagementNumber(nextNumber(c, own, now))
                    : data;
            requireFreeId(c, id);
            StoredContract k = new StoredContract(id, own, caller.user().id(),
                    ContractProgress.draft(progress.form(), progress.parties(), progress.deadline()), numbered, null,
                    ContractSnapshot.FIRST_REVISION, now, now);
            insert(c, k);
            store.audit.append(c, entry(caller, AuditAction.CONTRACT_CREATED, k, null));
            return k;
        });
    }

    /** Edits a draft, based on the revision the editor saw. */
    public StoredContract edit(Caller caller, String id, long baseRevision, ContractProgress progress,
            ContractData data) {
        StoredContract k = editable(caller, id, baseRevision);
        requireSender(progress, k.sender());
        requireSealAllowed(caller, progress, id);
        ContractFields.validate(data);
        if (data.originalId() != null && !data.originalId().equals(k.data().originalId())) {
            throw ContractMessage.ORIGINAL_FIXED.exception();
        }
        ContractData numbered = withOriginal(data.managementNumber() == null || data.managementNumber().isBlank()
                ? data.withManagementNumber(k.data().managementNumber()) : data, k.data().originalId());
        ContractProgress next = new ContractProgress(progress.form(), k.progress().status(), progress.parties(), 0, 0,
                progress.deadline(), k.progress().returnComment());
        return store.save(caller, k.with(next, numbered, k.mainDocument(), store.clock.instant()),
                AuditAction.CONTRACT_UPDATED, null);
    }

    /** Attaches (or replaces) the main PDF of a draft. */
    public StoredContract attachMain(Caller caller, String id, long baseRevision, byte[] pdf) {
        StoredContract k = editable(caller, id, baseRevision);
        int pages = pdfCheck.check(pdf);
        String sha = Digests.sha256Hex(pdf);
        StoredContract next = k.with(k.progress(), k.data(), sha, store.clock.instant());
        return store.db.inTransaction(c -> {
            String kind = store.contracts.documentKind(c, k.id(), sha).orElse(null);
            if (StoredDocument.ATTACHMENT.equals(kind)) {
                throw duplicateDocument();
            }
            if (kind == null) {
                store.contracts.insertDocument(c, next, sha, StoredDocument.MAIN, pages, pdf, caller.user().id(),
                        "UPLOADED");
            }
            store.write(c, next);
            store.audit.append(c, entry(caller, AuditAction.DOCUMENT_ATTACHED, next,
                    "sha256=" + sha + " pages=" + pages));
            return next;
        });
    }

    /**
     * Adds an attachment (添付書類) to a draft: the same people and states as editing it, the same PDF check
     * as the main PDF, at most {@link Attachments#MAX_PER_CONTRACT}. The same content twice on one contract
     * (as two attachments, or as the main PDF and an attachment) is refused: one hash names one document.
     */
    public StoredContract attach(Caller caller, String id, long baseRevision, String name, byte[] pdf) {
        StoredContract k = editable(caller, id, baseRevision);
        String displayName = Attachments.checkName(name);
        int pages = pdfCheck.check(pdf);
        String sha = Digests.sha256Hex(pdf);
        StoredContract next = k.with(k.progress(), k.data(), k.mainDocument(), store.clock.instant());
        return store.db.inTransaction(c -> {
            Attachments.checkRoom(store.contracts.attachmentCount(c, k.id()));
            if (store.contracts.documentKind(c, k.id(), sha).isPresent()) {
                throw duplicateDocument();
            }
            store.contracts.insertAttachment(c, next, sha, displayName, pages, pdf, caller.user().id());
            // The revision check in write() also keeps two concurrent uploads from passing the limit together.
            store.write(c, next);
            store.audit.append(c, entry(caller, AuditAction.DOCUMENT_ATTACHED, next,
                    "attachment sha256=" + sha + " pages=" + pages));
            return next;
        });
    }

    /** Removes an attachment from a draft (same rules as editing it). */
    public StoredContract removeAttachment(Caller caller, String id, long baseRevision, String sha256) {
        StoredContract k = editable(caller, id, baseRevision);
        StoredContract next = k.with(k.progress(), k.data(), k.mainDocument(), store.clock.instant());
        return store.db.inTransaction(c -> {
            if (!store.contracts.deleteAttachment(c, k.id(), sha256)) {
                throw ContractMessage.ATTACHMENT_NOT_FOUND.exception(sha256);
            }
            store.write(c, next);
            store.audit.append(c, entry(caller, AuditAction.ATTACHMENT_REMOVED, next, "sha256=" + sha256));
            return next;
        });
    }

    /**
     * Starts a 変更契約 from a completed contract: a new draft of the caller's company with the original's
     * form, parties, 19条 items and 電子帳簿保存法 keys, a new 文書管理番号 and a link to the original, which
     * itself does not change. Documents are not copied: the change has its own 変更契約書. Of the sender's
     * own route and signer, only those who can still act are kept (active; the signer with signing authority).
     */
    public StoredContract amend(Caller caller, String originalId) {
        return amend(caller, UUID.randomUUID().toString(), originalId);
    }

    /**
     * {@link #amend(Caller, String)} with the new draft's id chosen by the client (the sync command AMEND: the
     * desktop app shows the 変更契約 under that id before it reaches the server). An id already taken is refused.
     */
    public StoredContract amend(Caller caller, String id, String originalId) {
        if (!validId(id)) {
            throw ContractMessage.ID_NOT_UUID.exception();
        }
        StoredContract original = store.load(caller, originalId);
        store.guard.requireForChange(caller, Action.AMEND_CONTRACT, store.resource(original), originalId);
        Transition t = ContractLifecycle.amendment(original.progress());
        require(t);
        CompanyId own = caller.user().companyId();
        store.guard.requireForChange(caller, Action.CREATE_DRAFT, new CompanyResource(own), originalId);
        Instant now = store.clock.instant();
        return store.db.inTransaction(c -> {
            requireFreeId(c, id);
            ContractProgress progress = withUsableSenderPeople(c, t.next());
            ContractData d = original.data();
            ContractData data = new ContractData(nextNumber(c, own, now),
                    d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(), d.construction(), d.terms(),
                    d.note(), original.id());
            StoredContract k = new StoredContract(id, own, caller.user().id(), progress, data,
                    null, ContractSnapshot.FIRST_REVISION, now, now);
            insert(c, k);
            store.audit.append(c, entry(caller, AuditAction.CONTRACT_AMENDED, k, "original=" + original.id()));
            return k;
        });
    }

    /** Whether the caller may start a 変更契約 from {@code k} now: the lifecycle's and the policy's answer. */
    public boolean canAmend(Caller caller, StoredContract k) {
        return ContractLifecycle.canAmend(k.progress())
                && store.guard.decide(caller, Action.AMEND_CONTRACT, store.resource(k)).allowed();
    }

    /** The draft at the revision the editor saw, if the caller may edit it now. */
    private StoredContract editable(Caller caller, String id, long baseRevision) {
        StoredContract k = store.load(caller, id);
        requireRevision(k, baseRevision);
        store.guard.requireForChange(caller, Action.EDIT_DRAFT, store.resource(k), id);
        require(ContractLifecycle.apply(k.progress(), LifecycleCommand.EDIT, store.clock.instant()));
        return k;
    }

    private void insert(Connection c, StoredContract k) throws SQLException {
        try {
            store.contracts.insert(c, k, store.numberIndex(k.sender(), k.data()));
        } catch (SQLException e) {
            throw duplicateNumber(e);
        }
    }

    private ContractProgress withUsableSenderPeople(Connection c, ContractProgress p) throws SQLException {
        PartyStep sender = p.sender();
        List<UserId> route = new ArrayList<>();
        for (UserId u : sender.route()) {
            if (store.isActive(c, sender.company(), u)) {
                route.add(u);
            }
        }
        UserId signer = sender.signer() != null && store.isActive(c, sender.company(), sender.signer())
                && store.holdsAuthority(c, sender.company(), sender.signer()) ? sender.signer() : null;
        List<PartyStep> parties = new ArrayList<>(p.parties());
        parties.set(0, PartyStep.sender(sender.company(), route, signer));
        return ContractProgress.draft(p.form(), parties, p.deadline());
    }

    private void checkPeople(Connection c, CompanyId own, ContractProgress p) throws SQLException {
        PartyStep sender = p.sender();
        for (UserId u : sender.route()) {
            store.requireActiveUser(c, own, u, "route");
        }
        if (sender.signer() != null && !sender.signer().isServerSeal()) {
            store.requireSigner(c, own, sender.signer());
        }
        for (PartyStep party : p.parties().subList(1, p.parties().size())) {
            if (party.receiver() == null) {
                throw ContractMessage.RECEIVER_REQUIRED.exception();
            }
            store.requireActiveUser(c, party.company(), party.receiver(), "receiver");
        }
    }

    /**
     * The company's next 文書管理番号 for the year of {@code now} (JST), safe when many are drawn at once. Only the
     * year's first number makes the counter row, in a transaction of its own (a duplicate from a race must not
     * abort this one): that second connection, taken by every draft while holding the first, let 16 concurrent
     * pushes on a pool of 8 each hold one connection and wait for a second until the pool's timeout (ScaleOutIT).
     */
    private String nextNumber(Connection c, CompanyId own, Instant now) throws SQLException {
        int year = now.atZone(JapanTime.ZONE).getYear();
        if (store.contracts.hasCounter(c, own, year)) {
            return store.contracts.nextNumber(c, own, year);
        }
        try {
            store.db.inNewTransaction(x -> {
                store.contracts.ensureCounter(x, own, year);
                return null;
            });
        } catch (StorageException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
        return store.contracts.nextNumber(c, own, year);
    }

    private void requireFreeId(Connection c, String id) throws SQLException {
        if (store.contracts.find(c, id).isPresent()) {
            throw ContractMessage.ID_TAKEN.exception(id);
        }
    }

    /** Naming the organisation seal as the sender's signer is the policy's SEND_UNDER_SEAL (ADR 34). */
    private void requireSealAllowed(Caller caller, ContractProgress p, String id) {
        if (p.sealedBySender()) {
            store.guard.requireForChange(caller, Action.SEND_UNDER_SEAL, new CompanyResource(p.sender().company()),
                    id);
        }
    }

    private static void requireSender(ContractProgress p, CompanyId own) {
        if (!p.sender().company().equals(own)) {
            throw ContractMessage.SENDER_NOT_OWN.exception();
        }
    }

    private static ContractData withOriginal(ContractData d, String originalId) {
        return new ContractData(d.managementNumber(), d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(),
                d.construction(), d.terms(), d.note(), originalId);
    }

    private static SiteSignException duplicateDocument() {
        return ContractMessage.DUPLICATE_DOCUMENT.exception();
    }
}
