package jp.sitesign.server.contracts;

import static jp.sitesign.server.contracts.ContractStore.entry;
import static jp.sitesign.server.contracts.ContractStore.require;
import static jp.sitesign.server.contracts.ContractStore.requireRevision;

import java.time.Instant;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.contract.Transition;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.document.PdfCheck;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.workflow.ContractOptions;
import jp.sitesign.model.workflow.ContractVerbs;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.partnerships.PartnershipService;

/**
 * A contract's way from submission to its end: the workflow commands, the signer's upload, each party's route
 * and the deadline job. The lifecycle (common-model) says what follows; this writes it with its audit event and
 * the webhook events in one transaction.
 */
public final class ContractWorkflow {
    /** The reason recorded with the main PDF version the server sealed (ADR 34). */
    static final String SEALED_BY_SENDER = "SEALED_BY_SENDER";
    private final ContractStore store;
    private final PartnershipService partnerships;
    private final ContractEvents events;
    private final PdfCheck pdfCheck;
    private final SignatureAcceptance signatures;
    private final ContractRetention retention;
    private final ContractSeal seal;

    ContractWorkflow(ContractStore store, PartnershipService partnerships, ContractEvents events, PdfCheck pdfCheck,
            SignatureAcceptance signatures, ContractRetention retention, ContractSeal seal) {
        this.store = store;
        this.partnerships = partnerships;
        this.events = events;
        this.pdfCheck = pdfCheck;
        this.signatures = signatures;
        this.retention = retention;
        this.seal = seal;
    }

    /**
     * Applies a workflow command. SUBMIT also checks what only the server can: a main document, every
     * required 19条 item of a construction contract, and each counterparty's 承諾. A step that makes a sealed
     * 送付のみ contract's seal due (the submit, or the sender's last approval) also seals and sends it (ADR 34).
     */
    public StoredContract act(Caller caller, String id, long baseRevision, LifecycleCommand command, String comment) {
        StoredContract k = store.load(caller, id);
        requireRevision(k, baseRevision);
        store.guard.requireForChange(caller, ContractVerbs.action(command), store.resource(k), id);
        // RETURN needs its comment; WITHDRAW and DECLINE keep theirs as the reason the parties read (ADR 0040).
        Transition t = ContractLifecycle.apply(k.progress(), command, store.clock.instant(), comment);
        require(t);
        if (command == LifecycleCommand.SUBMIT) {
            checkReadyToSend(k);
            if (k.progress().sealedBySender()) {
                store.guard.requireForChange(caller, Action.SEND_UNDER_SEAL, new CompanyResource(k.sender()), id);
                seal.requireAvailable();
            }
        }
        if (t.next() != null && t.next().awaitsSeal()) {
            return sealAndSend(caller, k, command, t.next(), comment);
        }
        if (t.deleted()) {
            store.db.inTransaction(c -> {
                store.contracts.delete(c, k.id());
                store.audit.append(c, entry(caller, AuditAction.CONTRACT_DELETED, k, null));
                return null;
            });
            return null;
        }
        String details = comment == null ? null : "comment length=" + comment.length();
        if (command == LifecycleCommand.SUBMIT) {
            details = sentDocuments(k);
        }
        StoredContract after = k.with(t.next(), k.data(), k.mainDocument(), store.clock.instant());
        String auditDetails = details;
        return store.db.inTransaction(c -> {
            store.write(c, after);
            store.audit.append(c, entry(caller, ContractVerbs.auditAction(command), after, auditDetails));
            events.stepped(c, after.id(), command, k.progress(), after.progress());
            return after;
        });
    }

    /**
     * The step that made the seal due, then the seal in the sender's name, in one transaction: the sealed main PDF
     * (the server's seal and a document timestamp) becomes the version the recipient receives, and the audit log
     * records the step and the seal as the caller's — the application that submitted, or the approver whose
     * approval released it. Sealing happens before the transaction: a TSA that fails leaves the contract as it was.
     */
    private StoredContract sealAndSend(Caller caller, StoredContract k, LifecycleCommand command,
            ContractProgress due, String comment) {
        Transition sealed = ContractLifecycle.apply(due, LifecycleCommand.SEAL, store.clock.instant());
        require(sealed);
        byte[] main = store.db.read(c -> store.contracts.document(c, k, k.mainDocument())).orElseThrow();
        byte[] pdf = seal.seal(main);
        int pages = pdfCheck.check(pdf);
        String sha = Digests.sha256Hex(pdf);
        StoredContract mid = k.with(due, k.data(), k.mainDocument(), store.clock.instant());
        StoredContract next = k.with(sealed.next(), k.data(), sha, store.clock.instant());
        String stepDetails = command == LifecycleCommand.SUBMIT ? sentDocuments(k)
                : comment == null ? null : "comment length=" + comment.length();
        return store.db.inTransaction(c -> {
            store.contracts.insertDocument(c, next, sha, StoredDocument.MAIN, pages, pdf, ContractRepository.SYSTEM,
                    SEALED_BY_SENDER);
            store.write(c, next);
            store.audit.append(c, entry(caller, ContractVerbs.auditAction(command), mid, stepDetails));
            store.audit.append(c, entry(caller, ContractVerbs.auditAction(LifecycleCommand.SEAL), next,
                    "sha256=" + sha + " sealed=" + k.mainDocument()));
            events.stepped(c, k.id(), command, k.progress(), due);
            events.stepped(c, k.id(), LifecycleCommand.SEAL, due, sealed.next());
            return next;
        });
    }

    /**
     * The deadline job: every sent, unfinished contract past its signing deadline becomes EXPIRED, each
     * in its own transaction and audited as done by the system. A contract that moved on meanwhile is
     * left alone. Returns how many expired.
     */
    public int expireDue() {
        Instant now = store.clock.instant();
        int expired = 0;
        for (String id : store.db.read(c -> store.contracts.dueForExpiry(c, now))) {
            StoredContract k = store.db.read(c -> store.contracts.find(c, id)).orElse(null);
            Transition t = k == null ? null : ContractLifecycle.apply(k.progress(), LifecycleCommand.EXPIRE, now);
            if (t == null || !t.allowed()) {
                continue;
            }
            StoredContract next = k.with(t.next(), k.data(), k.mainDocument(), now);
            try {
                store.db.inTransaction(c -> {
                    store.write(c, next);
                    store.audit.append(c, new AuditLog.Entry("system", k.sender().value(),
                            ContractVerbs.auditAction(LifecycleCommand.EXPIRE), k.id(), AuditOutcome.SUCCESS, null,
                            "deadline=" + JapanTime.display(k.progress().deadline())));
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
        StoredContract k = store.load(caller, id);
        // A signature binds the document, not the record: only a changed document makes it stale. A
        // route set or a field edited meanwhile leaves it good (the write below still checks the revision
        // it read, so concurrent signers cannot both win).
        store.guard.require(caller, Action.VIEW_CONTRACT, store.resource(k));
        if (k.mainDocument() == null || !k.mainDocument().equals(baseSha256)) {
            throw signAgain(k, baseSha256);
        }
        store.guard.requireForChange(caller, Action.SIGN, store.resource(k), id);
        Transition t = ContractLifecycle.apply(k.progress(), LifecycleCommand.SIGN, store.clock.instant());
        require(t);
        int pages = pdfCheck.check(pdf);
        byte[] base = store.db.read(c -> store.contracts.document(c, k, baseSha256)).orElseThrow();
        SignatureReport added = signatures.check(base, pdf);
        if (!store.isBoundCertificate(k.progress().current().company(), caller.user().id(),
                added.identity().issuer(), added.identity().serialNumber())) {
            throw ContractMessage.CERTIFICATE_NOT_BOUND.exception(added.identity().subject());
        }
        boolean completes = t.next().status() == ContractStatus.COMPLETED;
        byte[] archived = completes ? signatures.archive(pdf) : pdf;
        String signedSha = Digests.sha256Hex(pdf);
        String finalSha = Digests.sha256Hex(archived);
        Instant archiveExpiry = archived != pdf ? SignatureAcceptance.archiveExpiry(archived).orElse(null) : null;
        StoredContract next = k.with(t.next(), k.data(), finalSha, store.clock.instant());
        int party = k.progress().currentParty();
        return store.db.inTransaction(c -> {
            store.contracts.insertDocument(c, next, signedSha, StoredDocument.MAIN, pages, pdf, caller.user().id(),
                    "SIGNED_BY_PARTY_" + (party + 1));
            if (archived != pdf) {
                store.contracts.insertDocument(c, next, finalSha, StoredDocument.MAIN, pages, archived,
                        caller.user().id(), ContractRepository.ARCHIVE_TIMESTAMP);
            }
            store.write(c, next);
            if (archiveExpiry != null) {
                store.contracts.setArchiveExpiry(c, next.id(), archiveExpiry);
            }
            store.audit.append(c, entry(caller, AuditAction.CONTRACT_SIGNED, next, "sha256=" + signedSha
                    + (archived != pdf ? " archived=" + finalSha : "") + " " + SigningRecord.of(added, keySource)));
            events.stepped(c, next.id(), LifecycleCommand.SIGN, k.progress(), next.progress());
            return next;
        });
    }

    /** The party whose turn it is names its approval route and signer (users of its own company). */
    public StoredContract setPartyRoute(Caller caller, String id, long baseRevision, List<UserId> route,
            UserId signer) {
        StoredContract k = store.load(caller, id);
        requireRevision(k, baseRevision);
        store.guard.requireForChange(caller, Action.SET_PARTY_ROUTE, store.resource(k), id);
        Transition t = ContractLifecycle.setPartyRoute(k.progress(), route, signer);
        require(t);
        store.db.read(c -> {
            CompanyId party = k.progress().current().company();
            for (UserId u : route) {
                store.requireActiveUser(c, party, u, "route");
            }
            store.requireSigner(c, party, signer);
            return null;
        });
        return store.save(caller, k.with(t.next(), k.data(), k.mainDocument(), store.clock.instant()),
                AuditAction.PARTY_ROUTE_SET, "approvers=" + route.size());
    }

    /** An owner or admin of a party puts the contract under a legal hold (no purge removes it), or lifts it. */
    public void setLegalHold(Caller caller, String id, boolean hold) {
        StoredContract k = store.load(caller, id);
        store.guard.require(caller, Action.SET_LEGAL_HOLD, store.resource(k));
        retention.setLegalHold(caller, k, hold);
    }

    /** What the caller may do next on a contract: the lifecycle's options the policy allows this caller. */
    public List<LifecycleCommand> available(Caller caller, StoredContract k) {
        return ContractOptions.of(store.guard.actor(caller), k.progress(), k.creator(), store.signerHasAuthority(k),
                        store.clock.instant()).stream()
                .filter(ContractOptions.Option::allowed).map(ContractOptions.Option::command).sorted().toList();
    }

    /**
     * What is being sent, by hash, for the audit chain: attachments carry no signature of their own, so the
     * (timestamped) chain is one more record of exactly which ones went with the main PDF.
     */
    private String sentDocuments(StoredContract k) {
        List<String> attachments = store.documents(k).stream()
                .filter(d -> StoredDocument.ATTACHMENT.equals(d.kind())).map(StoredDocument::sha256).toList();
        return "main=" + k.mainDocument() + " attachments=" + (attachments.isEmpty() ? "-"
                : String.join(",", attachments));
    }

    private void checkReadyToSend(StoredContract k) {
        if (k.mainDocument() == null) {
            throw ContractMessage.MAIN_DOCUMENT_REQUIRED.exception();
        }
        if (k.data().construction() && !k.data().terms().isComplete()) {
            var missing = k.data().terms().missing();
            throw ContractMessage.TERMS_MISSING.exception(
                    String.join("、", missing.stream().map(i -> i.labelJa()).toList()),
                    String.join(", ", missing.stream().map(i -> i.labelEn()).toList()));
        }
        if (k.data().construction()) {
            store.db.read(c -> {
                for (PartyStep p : k.progress().parties().subList(1, k.progress().parties().size())) {
                    partnerships.requireConsent(c, k.sender(), p.company());
                }
                return null;
            });
        }
    }

    private static SiteSignException signAgain(StoredContract k, String baseSha256) {
        return ContractMessage.SIGN_AGAIN.exception(baseSha256, k.mainDocument());
    }
}
