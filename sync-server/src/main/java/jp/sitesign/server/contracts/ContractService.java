package jp.sitesign.server.contracts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.ContractOptions;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.contract.Transition;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.Attachments;
import jp.sitesign.model.document.PdfCheck;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.companies.CompanyRepository;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.partnerships.PartnershipService;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;
import jp.sitesign.server.sync.ChangeLog;
import jp.sitesign.server.users.Page;
import jp.sitesign.server.users.UserRepository;

/**
 * The contract workflow on the server. Every command asks the access policy who may act and the
 * lifecycle what follows (both in common-model), then writes the new revision and its audit event in
 * one transaction. Another company's contract that has not reached the caller is simply not found.
 */
public final class ContractService {
    private final Database db;
    private final ContractRepository contracts;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final PartnershipService partnerships;
    private final AuditLog audit;
    private final Guard guard;
    private final ContractEvents events;
    private final Clock clock;
    private final PdfCheck pdfCheck;
    private final SigningAuthority signingAuthority;
    private final byte[] numberIndexKey;
    private final SignatureAcceptance signatures;
    private final ArchiveRenewal archiveRenewal;
    private final ContractRetention retention;

    public ContractService(Database db, ContentCipher cipher, UserRepository users, CompanyRepository companies,
            PartnershipService partnerships, SigningAuthority signingAuthority, AuditLog audit, Guard guard,
            Clock clock, MasterKey masterKey, ServerConfig config, SignatureDefaults signatureDefaults,
            ChangeLog changes, ContractEvents events) {
        this.events = events;
        this.signingAuthority = signingAuthority;
        this.db = db;
        this.contracts = new ContractRepository(cipher, changes);
        this.users = users;
        this.companies = companies;
        this.partnerships = partnerships;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
        this.pdfCheck = new PdfCheck(config.getInt("limits.max-document-bytes"), config.pdfLimits());
        this.signatures = SignatureAcceptance.from(config, clock, signatureDefaults);
        this.numberIndexKey = masterKey.derive("contract-number-index");
        this.archiveRenewal = new ArchiveRenewal(db, contracts, audit, clock, signatures,
                java.time.Duration.ofDays(config.getInt("archive.renew-days-before")));
        this.retention = new ContractRetention(db, contracts, audit, clock);
    }

    /** Retention: which contracts are due for purge, and what a purged company's contracts become. */
    public ContractRetention retention() {
        return retention;
    }

    /** An owner or admin of a party puts the contract under a legal hold (no purge removes it), or lifts it. */
    public void setLegalHold(Caller caller, String id, boolean hold) {
        StoredContract k = load(caller, id);
        guard.require(caller, Action.SET_LEGAL_HOLD, resource(k));
        retention.setLegalHold(caller, k, hold);
    }

    /** The job that renews completed contracts' archive timestamps before their TSA certificate expires. */
    public ArchiveRenewal archiveRenewal() {
        return archiveRenewal;
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
            throw invalid("案件 ID は UUID で指定してください。", "The contract id must be a UUID.");
        }
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.CREATE_DRAFT, new CompanyResource(own), null);
        requireSender(progress, own);
        ContractFields.validate(data);
        if (data.originalId() != null) {
            throw invalid("変更契約は、元の契約から作成してください（POST /api/v1/contracts/{id}/amendments）。",
                    "Start a change contract from its original (POST /api/v1/contracts/{id}/amendments).");
        }
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            checkPeople(c, own, progress);
            ContractData numbered = data.managementNumber() == null || data.managementNumber().isBlank()
                    ? data.withManagementNumber(nextNumber(c, own, now))
                    : data;
            requireFreeId(c, id);
            StoredContract k = new StoredContract(id, own, caller.user().id(),
                    ContractProgress.draft(progress.form(), progress.parties(), progress.deadline()), numbered, null,
                    ContractSnapshot.FIRST_REVISION, now, now);
            try {
                contracts.insert(c, k, numberIndex(own, numbered));
            } catch (SQLException e) {
                throw duplicateNumber(e);
            }
            audit.append(c, entry(caller, AuditAction.CONTRACT_CREATED, k, null));
            return k;
        });
    }

    /** Edits a draft, based on the revision the editor saw. */
    public StoredContract edit(Caller caller, String id, long baseRevision, ContractProgress progress,
            ContractData data) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, Action.EDIT_DRAFT, resource(k), id);
        require(ContractLifecycle.apply(k.progress(), LifecycleCommand.EDIT, clock.instant()));
        requireSender(progress, k.sender());
        ContractFields.validate(data);
        if (data.originalId() != null && !data.originalId().equals(k.data().originalId())) {
            throw invalid("元の契約（originalId）は変更できません。", "The original contract (originalId) cannot be changed.");
        }
        ContractData numbered = withOriginal(data.managementNumber() == null || data.managementNumber().isBlank()
                ? data.withManagementNumber(k.data().managementNumber()) : data, k.data().originalId());
        ContractProgress next = new ContractProgress(progress.form(), k.progress().status(), progress.parties(), 0, 0,
                progress.deadline(), k.progress().returnComment());
        return save(caller, k.with(next, numbered, k.mainDocument(), clock.instant()), AuditAction.CONTRACT_UPDATED,
                null);
    }

    /** Attaches (or replaces) the main PDF of a draft. */
    public StoredContract attachMain(Caller caller, String id, long baseRevision, byte[] pdf) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, Action.EDIT_DRAFT, resource(k), id);
        require(ContractLifecycle.apply(k.progress(), LifecycleCommand.EDIT, clock.instant()));
        int pages = pdfCheck.check(pdf);
        String sha = Digests.sha256Hex(pdf);
        StoredContract next = k.with(k.progress(), k.data(), sha, clock.instant());
        return db.inTransaction(c -> {
            String kind = contracts.documentKind(c, k.id(), sha).orElse(null);
            if (StoredDocument.ATTACHMENT.equals(kind)) {
                throw duplicateDocument();
            }
            if (kind == null) {
                contracts.insertDocument(c, next, sha, StoredDocument.MAIN, pages, pdf, caller.user().id(), "UPLOADED");
            }
            write(c, next);
            audit.append(c, entry(caller, AuditAction.DOCUMENT_ATTACHED, next, "sha256=" + sha + " pages=" + pages));
            return next;
        });
    }

    /**
     * Adds an attachment (添付書類) to a draft: the same people and states as editing it, the same PDF check
     * as the main PDF, at most {@link Attachments#MAX_PER_CONTRACT}. The same content twice on one contract
     * (as two attachments, or as the main PDF and an attachment) is refused: one hash names one document.
     */
    public StoredContract attach(Caller caller, String id, long baseRevision, String name, byte[] pdf) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, Action.EDIT_DRAFT, resource(k), id);
        require(ContractLifecycle.apply(k.progress(), LifecycleCommand.EDIT, clock.instant()));
        String displayName = Attachments.checkName(name);
        int pages = pdfCheck.check(pdf);
        String sha = Digests.sha256Hex(pdf);
        StoredContract next = k.with(k.progress(), k.data(), k.mainDocument(), clock.instant());
        return db.inTransaction(c -> {
            Attachments.checkRoom(contracts.attachmentCount(c, k.id()));
            if (contracts.documentKind(c, k.id(), sha).isPresent()) {
                throw duplicateDocument();
            }
            contracts.insertAttachment(c, next, sha, displayName, pages, pdf, caller.user().id());
            // The revision check in write() also keeps two concurrent uploads from passing the limit together.
            write(c, next);
            audit.append(c, entry(caller, AuditAction.DOCUMENT_ATTACHED, next,
                    "attachment sha256=" + sha + " pages=" + pages));
            return next;
        });
    }

    /** Removes an attachment from a draft (same rules as editing it). */
    public StoredContract removeAttachment(Caller caller, String id, long baseRevision, String sha256) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, Action.EDIT_DRAFT, resource(k), id);
        require(ContractLifecycle.apply(k.progress(), LifecycleCommand.EDIT, clock.instant()));
        StoredContract next = k.with(k.progress(), k.data(), k.mainDocument(), clock.instant());
        return db.inTransaction(c -> {
            if (!contracts.deleteAttachment(c, k.id(), sha256)) {
                throw attachmentNotFound(sha256);
            }
            write(c, next);
            audit.append(c, entry(caller, AuditAction.ATTACHMENT_REMOVED, next, "sha256=" + sha256));
            return next;
        });
    }

    /** One attachment, for whoever may see the contract: its description and its bytes (the access audited). */
    public Download attachment(Caller caller, String id, String sha256) {
        StoredContract k = get(caller, id);
        guard.require(caller, Action.READ_DOCUMENT, resource(k));
        Download d = db.read(c -> {
            StoredDocument found = contracts.currentDocuments(c, k).stream()
                    .filter(x -> StoredDocument.ATTACHMENT.equals(x.kind()) && x.sha256().equals(sha256))
                    .findFirst().orElseThrow(() -> attachmentNotFound(sha256));
            return new Download(found, contracts.document(c, k, sha256).orElseThrow());
        });
        return new Download(d.document(), opened(caller, k, sha256, d.content()));
    }

    /** A document and its bytes. */
    public record Download(StoredDocument document, byte[] content) {
    }

    /** What the contract consists of now: its main PDF, then its attachments (the caller already saw {@code k}). */
    List<StoredDocument> documents(StoredContract k) {
        return db.read(c -> contracts.currentDocuments(c, k));
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
            throw invalid("案件 ID は UUID で指定してください。", "The contract id must be a UUID.");
        }
        StoredContract original = load(caller, originalId);
        guard.requireForChange(caller, Action.AMEND_CONTRACT, resource(original), originalId);
        Transition t = ContractLifecycle.amendment(original.progress());
        require(t);
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.CREATE_DRAFT, new CompanyResource(own), originalId);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            requireFreeId(c, id);
            ContractProgress progress = withUsableSenderPeople(c, t.next());
            ContractData d = original.data();
            ContractData data = new ContractData(nextNumber(c, own, now),
                    d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(), d.construction(), d.terms(),
                    d.note(), original.id());
            StoredContract k = new StoredContract(id, own, caller.user().id(), progress, data,
                    null, ContractSnapshot.FIRST_REVISION, now, now);
            try {
                contracts.insert(c, k, numberIndex(own, data));
            } catch (SQLException e) {
                throw duplicateNumber(e);
            }
            audit.append(c, entry(caller, AuditAction.CONTRACT_AMENDED, k, "original=" + original.id()));
            return k;
        });
    }

    /** The amendments of {@code k} the caller may see, oldest first: id and status only. */
    List<ContractView.Amendment> amendments(Caller caller, StoredContract k) {
        return db.read(c -> contracts.amendmentsOf(c, k.id())).stream()
                .filter(r -> guard.decide(caller, Action.VIEW_CONTRACT, r.progress().toResource(r.creator(), false))
                        .allowed())
                .map(r -> new ContractView.Amendment(r.id(), r.progress().status()))
                .toList();
    }

    /** Whether the caller may start a 変更契約 from {@code k} now: the lifecycle's and the policy's answer. */
    public boolean canAmend(Caller caller, StoredContract k) {
        return ContractLifecycle.canAmend(k.progress())
                && guard.decide(caller, Action.AMEND_CONTRACT, resource(k)).allowed();
    }

    private ContractProgress withUsableSenderPeople(Connection c, ContractProgress p) throws SQLException {
        PartyStep sender = p.sender();
        List<UserId> route = new ArrayList<>();
        for (UserId u : sender.route()) {
            if (isActive(c, sender.company(), u)) {
                route.add(u);
            }
        }
        UserId signer = sender.signer() != null && isActive(c, sender.company(), sender.signer())
                && signingAuthority.holds(c, sender.company(), sender.signer()) ? sender.signer() : null;
        List<PartyStep> parties = new ArrayList<>(p.parties());
        parties.set(0, PartyStep.sender(sender.company(), route, signer));
        return ContractProgress.draft(p.form(), parties, p.deadline());
    }

    private boolean isActive(Connection c, CompanyId company, UserId id) throws SQLException {
        User u = users.findInCompany(c, company, id).orElse(null);
        return u != null && u.status() == UserStatus.ACTIVE;
    }

    /**
     * Applies a workflow command. SUBMIT also checks what only the server can: a main document, every
     * required 19条 item of a construction contract, and each counterparty's 承諾.
     */
    public StoredContract act(Caller caller, String id, long baseRevision, LifecycleCommand command, String comment) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, command.action(), resource(k), id);
        Transition t = command == LifecycleCommand.RETURN ? ContractLifecycle.returnToSender(k.progress(), comment)
                : ContractLifecycle.apply(k.progress(), command, clock.instant());
        require(t);
        if (command == LifecycleCommand.SUBMIT) {
            checkReadyToSend(k);
        }
        if (t.deleted()) {
            db.inTransaction(c -> {
                contracts.delete(c, k.id());
                audit.append(c, entry(caller, AuditAction.CONTRACT_DELETED, k, null));
                return null;
            });
            return null;
        }
        String details = comment == null ? null : "comment length=" + comment.length();
        if (command == LifecycleCommand.SUBMIT) {
            details = sentDocuments(k);
        }
        StoredContract after = k.with(t.next(), k.data(), k.mainDocument(), clock.instant());
        String auditDetails = details;
        return db.inTransaction(c -> {
            write(c, after);
            audit.append(c, entry(caller, auditAction(command), after, auditDetails));
            events.stepped(c, after.id(), command, k.progress(), after.progress());
            return after;
        });
    }

    /**
     * What is being sent, by hash, for the audit chain: attachments carry no signature of their own, so the
     * (timestamped) chain is one more record of exactly which ones went with the main PDF.
     */
    private String sentDocuments(StoredContract k) {
        List<String> attachments = documents(k).stream().filter(d -> StoredDocument.ATTACHMENT.equals(d.kind()))
                .map(StoredDocument::sha256).toList();
        return "main=" + k.mainDocument() + " attachments=" + (attachments.isEmpty() ? "-"
                : String.join(",", attachments));
    }

    /**
     * The deadline job: every sent, unfinished contract past its signing deadline becomes EXPIRED, each
     * in its own transaction and audited as done by the system. A contract that moved on meanwhile is
     * left alone. Returns how many expired.
     */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (String id : db.read(c -> contracts.dueForExpiry(c, now))) {
            StoredContract k = db.read(c -> contracts.find(c, id)).orElse(null);
            Transition t = k == null ? null : ContractLifecycle.apply(k.progress(), LifecycleCommand.EXPIRE, now);
            if (t == null || !t.allowed()) {
                continue;
            }
            StoredContract next = k.with(t.next(), k.data(), k.mainDocument(), now);
            try {
                db.inTransaction(c -> {
                    write(c, next);
                    audit.append(c, new AuditLog.Entry("system", k.sender().value(), AuditAction.CONTRACT_EXPIRED,
                            k.id(), AuditOutcome.SUCCESS, null, "deadline=" + JapanTime.display(k.progress().deadline())));
                    events.stepped(c, k.id(), LifecycleCommand.EXPIRE, k.progress(), next.progress());
                    return null;
                });
                expired++;
            } catch (SiteSignException e) {
                // Changed by someone between the read and the write: the next run sees its new state.
            }
        }
        return expired;
    }

    /**
     * The current signer uploads the version they signed on their own machine, naming the version it was
     * made from. Accepted only if that base is still current ("sign again" otherwise), the new version
     * extends it by incremental update with exactly one more signature, and the verifier finds the whole
     * document valid. The last signature completes the contract, archived as B-LTA when a TSA is set.
     */
    public StoredContract sign(Caller caller, String id, long baseRevision, String baseSha256, byte[] pdf) {
        return sign(caller, id, baseRevision, baseSha256, pdf, null);
    }

    /**
     * {@link #sign(Caller, String, long, String, byte[])}, recording in the audit log the signer certificate's
     * serial number and issuer (from the verified CMS) and {@code keySource}, the token label or PKCS#12 file name
     * the client says the key was in (null when it does not say; never a PIN).
     */
    public StoredContract sign(Caller caller, String id, long baseRevision, String baseSha256, byte[] pdf,
            String keySource) {
        StoredContract k = load(caller, id);
        // A signature binds the document, not the record: only a changed document makes it stale. A
        // route set or a field edited meanwhile leaves it good (the write below still checks the revision
        // it read, so concurrent signers cannot both win).
        guard.require(caller, Action.VIEW_CONTRACT, resource(k));
        if (k.mainDocument() == null || !k.mainDocument().equals(baseSha256)) {
            throw signAgain(k, baseSha256);
        }
        guard.requireForChange(caller, Action.SIGN, resource(k), id);
        Transition t = ContractLifecycle.apply(k.progress(), LifecycleCommand.SIGN, clock.instant());
        require(t);
        int pages = pdfCheck.check(pdf);
        byte[] base = db.read(c -> contracts.document(c, k, baseSha256)).orElseThrow();
        SignatureReport added = signatures.check(base, pdf);
        boolean ownCertificate = db.read(c -> signingAuthority.isBoundCertificate(c, k.progress().current().company(),
                caller.user().id(), added.identity().issuer(), added.identity().serialNumber()));
        if (!ownCertificate) {
            throw new SiteSignException(ErrorCode.INVALID_SIGNATURE,
                    "署名に使われた証明書は、あなたに割り当てられた自社の有効な電子証明書ではありません（" + added.identity().subject() + "）。",
                    "The signature was not made with a valid company certificate bound to you ("
                            + added.identity().subject() + ").");
        }
        boolean completes = t.next().status() == jp.sitesign.model.contract.ContractStatus.COMPLETED;
        byte[] archived = completes ? signatures.archive(pdf) : pdf;
        String signedSha = Digests.sha256Hex(pdf);
        String finalSha = Digests.sha256Hex(archived);
        Instant archiveExpiry = archived != pdf ? SignatureAcceptance.archiveExpiry(archived).orElse(null) : null;
        StoredContract next = k.with(t.next(), k.data(), finalSha, clock.instant());
        int party = k.progress().currentParty();
        return db.inTransaction(c -> {
            contracts.insertDocument(c, next, signedSha, StoredDocument.MAIN, pages, pdf, caller.user().id(),
                    "SIGNED_BY_PARTY_" + (party + 1));
            if (archived != pdf) {
                contracts.insertDocument(c, next, finalSha, StoredDocument.MAIN, pages, archived,
                        caller.user().id(), ContractRepository.ARCHIVE_TIMESTAMP);
            }
            write(c, next);
            if (archiveExpiry != null) {
                contracts.setArchiveExpiry(c, next.id(), archiveExpiry);
            }
            audit.append(c, entry(caller, AuditAction.CONTRACT_SIGNED, next, "sha256=" + signedSha
                    + (archived != pdf ? " archived=" + finalSha : "") + " " + SigningRecord.of(added, keySource)));
            events.stepped(c, next.id(), LifecycleCommand.SIGN, k.progress(), next.progress());
            return next;
        });
    }

    /** The party whose turn it is names its approval route and signer (users of its own company). */
    public StoredContract setPartyRoute(Caller caller, String id, long baseRevision, List<UserId> route,
            UserId signer) {
        StoredContract k = load(caller, id);
        requireRevision(k, baseRevision);
        guard.requireForChange(caller, Action.SET_PARTY_ROUTE, resource(k), id);
        Transition t = ContractLifecycle.setPartyRoute(k.progress(), route, signer);
        require(t);
        db.read(c -> {
            CompanyId party = k.progress().current().company();
            for (UserId u : route) {
                requireActiveUser(c, party, u, "route");
            }
            requireSigner(c, party, signer);
            return null;
        });
        return save(caller, k.with(t.next(), k.data(), k.mainDocument(), clock.instant()),
                AuditAction.PARTY_ROUTE_SET, "approvers=" + route.size());
    }

    /**
     * The contract as the caller may hold it (for the change feed), or empty when it is gone or the
     * caller may not see it. Runs on the caller's connection so a feed page reads one consistent state.
     */
    public java.util.Optional<ContractSnapshot> snapshot(Connection c, Caller caller, String id) throws SQLException {
        StoredContract k = contracts.find(c, id).orElse(null);
        if (k == null || !guard.decide(caller, Action.VIEW_CONTRACT, k.progress().toResource(k.creator(), false))
                .allowed()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(snapshot(c, k, caller.user().companyId()));
    }

    /**
     * Several contracts as the caller may hold them, for a feed page: loaded and their documents listed in
     * a few queries, not one per contract. Contracts gone or not visible to the caller are absent.
     */
    public java.util.Map<String, ContractSnapshot> snapshots(Connection c, Caller caller,
            java.util.Collection<String> ids) throws SQLException {
        java.util.Map<String, StoredContract> found = contracts.findAll(c, ids);
        List<StoredContract> visible = new ArrayList<>();
        for (StoredContract k : found.values()) {
            if (guard.decide(caller, Action.VIEW_CONTRACT, k.progress().toResource(k.creator(), false)).allowed()) {
                visible.add(k);
            }
        }
        java.util.Map<String, List<ContractSnapshot.DocumentRef>> documents = contracts.documents(c, visible,
                caller.user().companyId());
        java.util.Map<String, ContractSnapshot> out = new java.util.HashMap<>();
        for (StoredContract k : visible) {
            out.put(k.id(), ContractSnapshot.of(k.id(), k.sender(), k.creator(),
                    k.progress().seenBy(caller.user().companyId()), k.data(),
                    k.mainDocument(), documents.getOrDefault(k.id(), List.of()), k.revision(), k.createdAt(),
                    k.updatedAt()));
        }
        return out;
    }

    /** The contract with its document list, in wire form, as a user of {@code viewer} may see it. */
    public ContractSnapshot snapshot(Connection c, StoredContract k, CompanyId viewer) throws SQLException {
        return ContractSnapshot.of(k.id(), k.sender(), k.creator(), k.progress().seenBy(viewer), k.data(),
                k.mainDocument(),
                contracts.documents(c, k, viewer), k.revision(), k.createdAt(), k.updatedAt());
    }

    /** One document version of a contract the caller may see; the access is audited (who, contract, hash). */
    public byte[] document(Caller caller, String id, String sha256) {
        StoredContract k = get(caller, id);
        byte[] pdf = db.read(c -> contracts.document(c, k, sha256, caller.user().companyId())).orElseThrow(
                () -> new SiteSignException(
                ErrorCode.NOT_FOUND, "文書 " + sha256 + " はこの案件にありません。",
                "Document " + sha256 + " is not part of this contract."));
        return opened(caller, k, sha256, pdf);
    }

    /**
     * Records that the caller opened or downloaded a document (DESIGN §2: the operation log), before it is
     * handed out: its hash, never its content.
     */
    private byte[] opened(Caller caller, StoredContract k, String sha256, byte[] pdf) {
        audit.append(entry(caller, AuditAction.DOCUMENT_OPENED, k, "sha256=" + sha256));
        return pdf;
    }

    public StoredContract get(Caller caller, String id) {
        StoredContract k = load(caller, id);
        guard.require(caller, Action.VIEW_CONTRACT, resource(k));
        return k;
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
        guard.require(caller, Action.READ_DOCUMENT, resource(k));
        if (k.mainDocument() == null) {
            throw new SiteSignException(ErrorCode.NOT_FOUND, "本文の PDF はまだ添付されていません。",
                    "No main PDF has been attached yet.");
        }
        byte[] pdf = db.read(c -> contracts.document(c, k, k.mainDocument())).orElseThrow();
        audit.append(entry(caller, AuditAction.DOCUMENT_OPENED, k, "sha256=" + k.mainDocument()
                + (purpose == null ? "" : " via=" + purpose)));
        return pdf;
    }

    /**
     * Search over what the caller may see. The clear, indexed keys narrow in SQL; the policy decides each
     * row from its clear progress; the shared {@link ContractQuery} has the last word on what matches and
     * orders the rows; only the rows returned are decrypted, unless a filter or the order needs the sealed
     * text (文書管理番号, title).
     */
    public Page<StoredContract> search(Caller caller, ContractQuery q) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.SEARCH_CONTRACTS, new CompanyResource(own));
        return db.read(c -> {
            List<ContractRepository.Row> visible = new ArrayList<>();
            for (ContractRepository.Row r : contracts.candidates(c, own, q)) {
                // Signing authority does not affect visibility, so no per-row lookup is needed here.
                if (q.matchesClearKeys(r.keys(), own)
                        && guard.decide(caller, Action.VIEW_CONTRACT, r.progress().toResource(r.creator(), false)).allowed()) {
                    visible.add(r);
                }
            }
            if (q.needsContent()) {
                List<StoredContract> opened = new ArrayList<>();
                for (ContractRepository.Row r : visible) {
                    StoredContract k = contracts.open(c, r);
                    if (q.matches(k.keys(), own)) {
                        opened.add(k);
                    }
                }
                opened.sort(Comparator.comparing(StoredContract::keys, q.order()));
                return new Page<>(q.page(opened), opened.size(), q.offset(), q.limit());
            }
            visible.sort(Comparator.comparing(ContractRepository.Row::keys, q.order()));
            List<StoredContract> page = new ArrayList<>();
            for (ContractRepository.Row r : q.page(visible)) {
                page.add(contracts.open(c, r));
            }
            return new Page<>(page, visible.size(), q.offset(), q.limit());
        });
    }

    /**
     * Writes the whole search result (no paging) as CSV, or as a ZIP of that CSV and the PDFs; the export
     * is audited with its row count.
     */
    /** Refuses an export the caller may not make; called before the answer starts streaming. */
    public void requireExport(Caller caller, boolean withPdfs) {
        guard.require(caller, withPdfs ? Action.EXPORT_CONTRACTS_WITH_DOCUMENTS : Action.EXPORT_CONTRACTS,
                new CompanyResource(caller.user().companyId()));
    }

    public void export(Caller caller, ContractQuery q, boolean withPdfs, java.io.OutputStream out)
            throws java.io.IOException {
        List<StoredContract> rows = search(caller, q.unpaged()).items();
        audit.append(new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.CONTRACTS_EXPORTED, null,
                AuditOutcome.SUCCESS, caller.clientIp(), (withPdfs ? "zip" : "csv") + " rows=" + rows.size()));
        ContractExport.Source source = new ContractExport.Source() {
            @Override
            public List<StoredDocument> documents(StoredContract k) {
                return ContractService.this.documents(k);
            }

            @Override
            public byte[] content(StoredContract k, String sha256) {
                return db.read(c -> contracts.document(c, k, sha256)).orElseThrow();
            }

            @Override
            public String companyName(CompanyId company) {
                return db.read(c -> companies.find(c, company)).map(Company::name).orElse(null);
            }
        };
        if (withPdfs) {
            ContractExport.zip(rows, source, out);
        } else {
            ContractExport.csv(rows, source, out);
        }
    }

    /** The trust anchors the server checks signatures against, for clients to check theirs the same way. */
    public List<java.security.cert.X509Certificate> trustAnchors() {
        return signatures.anchors();
    }

    /** The TSA the server timestamps with, for clients to timestamp their signatures (B-T); null without one. */
    public java.net.URI tsaUrl() {
        return signatures.tsaUrl();
    }

    /** What the caller may do next on a contract: the lifecycle's options the policy allows this caller. */
    public List<LifecycleCommand> available(Caller caller, StoredContract k) {
        UserId signer = k.progress().currentSigner();
        boolean authority = signer != null && signingAuthority.holds(k.progress().current().company(), signer);
        return ContractOptions.of(guard.actor(caller), k.progress(), k.creator(), authority, clock.instant()).stream()
                .filter(ContractOptions.Option::allowed).map(ContractOptions.Option::command).sorted().toList();
    }

    private StoredContract save(Caller caller, StoredContract after, AuditAction action, String details) {
        return db.inTransaction(c -> {
            write(c, after);
            audit.append(c, entry(caller, action, after, details));
            return after;
        });
    }

    private void write(Connection c, StoredContract k) throws SQLException {
        boolean written;
        try {
            written = contracts.update(c, k, numberIndex(k.sender(), k.data()));
        } catch (SQLException e) {
            throw duplicateNumber(e);
        }
        if (!written) {
            throw stale();
        }
    }

    private void checkReadyToSend(StoredContract k) {
        if (k.mainDocument() == null) {
            throw new SiteSignException(ErrorCode.CONTRACT_INCOMPLETE, "本文の PDF を添付してください。",
                    "Attach the main PDF first.");
        }
        if (k.data().construction() && !k.data().terms().isComplete()) {
            var missing = k.data().terms().missing();
            throw new SiteSignException(ErrorCode.CONTRACT_INCOMPLETE,
                    "建設業法第19条の記載事項が不足しています: " + String.join("、",
                            missing.stream().map(i -> i.labelJa()).toList()),
                    "Items required by 建設業法 Article 19 are missing: " + String.join(", ",
                            missing.stream().map(i -> i.labelEn()).toList()));
        }
        if (k.data().construction()) {
            db.read(c -> {
                for (PartyStep p : k.progress().parties().subList(1, k.progress().parties().size())) {
                    partnerships.requireConsent(c, k.sender(), p.company());
                }
                return null;
            });
        }
    }

    private void checkPeople(Connection c, CompanyId own, ContractProgress p) throws SQLException {
        PartyStep sender = p.sender();
        for (UserId u : sender.route()) {
            requireActiveUser(c, own, u, "route");
        }
        if (sender.signer() != null) {
            requireSigner(c, own, sender.signer());
        }
        for (PartyStep party : p.parties().subList(1, p.parties().size())) {
            if (party.receiver() == null) {
                throw invalid("各取引先の担当者を指定してください。", "Name the receiving user of each counterparty.");
            }
            requireActiveUser(c, party.company(), party.receiver(), "receiver");
        }
    }

    private void requireActiveUser(Connection c, CompanyId company, UserId id, String field) throws SQLException {
        User u = users.findInCompany(c, company, id).orElse(null);
        if (u == null || u.status() != UserStatus.ACTIVE) {
            throw invalid("利用者 " + id + " は " + company + " の有効な利用者ではありません（" + field + "）。",
                    "User " + id + " is not an active user of " + company + " (" + field + ").");
        }
    }

    private void requireSigner(Connection c, CompanyId company, UserId signer) throws SQLException {
        requireActiveUser(c, company, signer, "signer");
        if (!signingAuthority.holds(c, company, signer)) {
            throw invalid("署名者 " + signer + " には署名権限がありません。管理者に、有効な電子証明書への紐付けを依頼してください。",
                    "Signer " + signer + " has no signing authority. Ask an administrator to bind them to a valid"
                            + " signing certificate.");
        }
    }

    private jp.sitesign.model.policy.ContractResource resource(StoredContract k) {
        UserId signer = k.progress().currentSigner();
        boolean authority = signer != null && signingAuthority.holds(k.progress().current().company(), signer);
        return k.progress().toResource(k.creator(), authority);
    }

    /**
     * The contract, if it exists for the caller's company at all: sent by it, or reached it. Anything
     * else is "not found", so another company's contracts are not even confirmed to exist.
     */
    private StoredContract load(Caller caller, String id) {
        CompanyId own = caller.user().companyId();
        StoredContract k = validId(id) ? db.read(c -> contracts.find(c, id)).orElse(null) : null;
        if (k == null || !k.sender().equals(own) && !k.progress().reached().contains(own)) {
            throw new SiteSignException(ErrorCode.NOT_FOUND, "案件 " + id + " は見つかりません。",
                    "Contract " + id + " was not found.");
        }
        return k;
    }

    /**
     * The company's next 文書管理番号 for the year of {@code now} (JST), safe when many are drawn at once. Only the
     * year's first number makes the counter row, in a transaction of its own (a duplicate from a race must not
     * abort this one): that second connection, taken by every draft while holding the first, let 16 concurrent
     * pushes on a pool of 8 each hold one connection and wait for a second until the pool's timeout (ScaleOutIT).
     */
    private String nextNumber(Connection c, CompanyId own, Instant now) throws SQLException {
        int year = now.atZone(JapanTime.ZONE).getYear();
        if (contracts.hasCounter(c, own, year)) {
            return contracts.nextNumber(c, own, year);
        }
        try {
            db.inNewTransaction(x -> {
                contracts.ensureCounter(x, own, year);
                return null;
            });
        } catch (jp.sitesign.server.storage.StorageException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
        return contracts.nextNumber(c, own, year);
    }

    private void requireFreeId(Connection c, String id) throws SQLException {
        if (contracts.find(c, id).isPresent()) {
            throw new SiteSignException(ErrorCode.CONFLICT, "案件 ID " + id + " は既に使われています。",
                    "Contract id " + id + " is already taken.");
        }
    }

    private static boolean validId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String numberIndex(CompanyId company, ContractData d) {
        String normalized = d.managementNumber().strip().toUpperCase(Locale.ROOT);
        return Digests.hex(Digests.hmacSha256(numberIndexKey,
                (company.value() + "|" + normalized).getBytes(StandardCharsets.UTF_8)));
    }

    private static void requireSender(ContractProgress p, CompanyId own) {
        if (!p.sender().company().equals(own)) {
            throw invalid("送付元は自社でなければなりません。", "The sender must be your own company.");
        }
    }

    private static SiteSignException signAgain(StoredContract k, String baseSha256) {
        return new SiteSignException(ErrorCode.SIGN_AGAIN,
                "署名した版（" + baseSha256 + "）は最新ではありません。最新の版（" + k.mainDocument() + "）に署名し直してください。",
                "The version you signed (" + baseSha256 + ") is not the current one (" + k.mainDocument()
                        + "). Please sign the current version.");
    }

    private static void requireRevision(StoredContract k, long base) {
        if (base != k.revision()) {
            throw stale();
        }
    }

    private static void require(Transition t) {
        if (!t.allowed()) {
            throw new SiteSignException(ErrorCode.CONFLICT, t.denial().reasonJa(), t.denial().reasonEn());
        }
    }

    private static ContractData withOriginal(ContractData d, String originalId) {
        return new ContractData(d.managementNumber(), d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(),
                d.construction(), d.terms(), d.note(), originalId);
    }

    private static SiteSignException duplicateDocument() {
        return new SiteSignException(ErrorCode.DUPLICATE_DOCUMENT,
                "同じ内容の PDF が既にこの案件にあります（本文または添付書類）。別の PDF を選んでください。",
                "A PDF with the same content is already on this contract (as the main PDF or an attachment)."
                        + " Choose a different PDF.");
    }

    private static SiteSignException attachmentNotFound(String sha256) {
        return new SiteSignException(ErrorCode.NOT_FOUND, "添付書類 " + sha256 + " は見つかりません。",
                "Attachment " + sha256 + " was not found.");
    }

    private static SiteSignException stale() {
        return new SiteSignException(ErrorCode.CONFLICT, "他の操作でこの案件が更新されました。最新の内容を確認してから、もう一度操作してください。",
                "Someone else changed this contract. Reload it and try again.");
    }

    private static SiteSignException duplicateNumber(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return invalid("この文書管理番号は既に使われています。", "This management number is already in use.");
        }
        throw new jp.sitesign.server.storage.StorageException(e);
    }

    private static SiteSignException invalid(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_FIELD, ja, en);
    }

    private static AuditAction auditAction(LifecycleCommand command) {
        return switch (command) {
            case SUBMIT -> AuditAction.CONTRACT_SUBMITTED;
            case APPROVE -> AuditAction.CONTRACT_APPROVED;
            case RETURN -> AuditAction.CONTRACT_RETURNED;
            case SIGN -> AuditAction.CONTRACT_SIGNED;
            case ACKNOWLEDGE -> AuditAction.RECEIPT_ACKNOWLEDGED;
            case WITHDRAW -> AuditAction.CONTRACT_WITHDRAWN;
            case DECLINE -> AuditAction.CONTRACT_DECLINED;
            case EXPIRE -> AuditAction.CONTRACT_EXPIRED;
            case DELETE -> AuditAction.CONTRACT_DELETED;
            case EDIT -> AuditAction.CONTRACT_UPDATED;
            case SET_PARTY_ROUTE -> AuditAction.PARTY_ROUTE_SET;
        };
    }

    private static AuditLog.Entry entry(Caller caller, AuditAction action, StoredContract k, String details) {
        return new AuditLog.Entry(caller.getName(), caller.companyId(), action, k.id(), AuditOutcome.SUCCESS,
                caller.clientIp(), "status=" + k.progress().status() + (details == null ? "" : " " + details));
    }
}
