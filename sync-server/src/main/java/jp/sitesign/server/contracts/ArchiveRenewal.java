package jp.sitesign.server.contracts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps completed contracts verifiable for their whole retention (DESIGN §6: "archive timestamps are renewed
 * before the TSA certificate expires"). A contract is due when the TSA certificate of its newest document
 * timestamp expires within {@code archive.renew-days-before}; the expiry is a clear column written when the
 * contract is archived, so finding the due contracts opens no PDF. Each is renewed with common-model's
 * {@link jp.sitesign.model.signature.PadesExtender} (validation data for the old timestamp, then a new one),
 * stored as a new main PDF version (reason ARCHIVE_TIMESTAMP, produced by the system) and audited as done by
 * the system, in its own transaction. Whether a contract takes this write at all is the lifecycle's
 * {@link ContractLifecycle#archiveRenewal} (completed only): it is not a user action, so the policy has no
 * say. Safe with several servers on one database: the write checks the revision it was based on.
 */
public final class ArchiveRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRenewal.class);

    private final Database db;
    private final ContractRepository contracts;
    private final AuditLog audit;
    private final Clock clock;
    private final SignatureAcceptance signatures;
    private final Duration window;

    ArchiveRenewal(Database db, ContractRepository contracts, AuditLog audit, Clock clock,
            SignatureAcceptance signatures, Duration window) {
        this.db = db;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
        this.signatures = signatures;
        this.window = window;
    }

    /** What one run did: contracts renewed, and contracts that were due but could not be (tried again next run). */
    public record Result(int renewed, int failed) {
        public boolean any() {
            return renewed + failed > 0;
        }
    }

    /**
     * Renews every completed contract whose archive timestamp's TSA certificate expires within the window.
     * Without a configured TSA there is nothing to renew with, and nothing is done.
     */
    public Result renewDue() {
        if (!signatures.archives()) {
            return new Result(0, 0);
        }
        recordMissingExpiries();
        Instant now = clock.instant();
        List<String> due = db.read(c -> contracts.dueForArchiveRenewal(c, now.plus(window)));
        int renewed = 0;
        int failed = 0;
        for (String id : due) {
            try {
                if (renew(id, now)) {
                    renewed++;
                }
            } catch (SiteSignException e) {
                failed++;
                LOG.warn("the archive timestamp of contract {} could not be renewed; the next run tries again: {}",
                        id, e.messageEn());
            }
        }
        return new Result(renewed, failed);
    }

    private boolean renew(String id, Instant now) {
        StoredContract k = db.read(c -> contracts.find(c, id)).orElse(null);
        if (k == null || k.mainDocument() == null || !ContractLifecycle.archiveRenewal(k.progress()).allowed()) {
            return false;
        }
        StoredDocument current = db.read(c -> contracts.currentDocuments(c, k)).get(0);
        byte[] archived = db.read(c -> contracts.document(c, k, k.mainDocument())).orElseThrow();
        Instant before = SignatureAcceptance.archiveExpiry(archived).orElse(null);
        byte[] renewed = signatures.renewArchive(archived);
        Instant expires = SignatureAcceptance.archiveExpiry(renewed).orElseThrow();
        if (before != null && !expires.isAfter(before)) {
            // Storing it would extend nothing, and the next run would add yet another timestamp.
            throw ContractMessage.TSA_CERTIFICATE_NOT_RENEWED.exception(expires);
        }
        String sha = Digests.sha256Hex(renewed);
        StoredContract next = k.with(k.progress(), k.data(), sha, now);
        return db.inTransaction(c -> {
            if (!contracts.renewArchive(c, next, expires)) {
                // Renewed by another server meanwhile: its version stands, this one is dropped.
                return false;
            }
            contracts.insertDocument(c, next, sha, StoredDocument.MAIN, current.pages(), renewed,
                    ContractRepository.SYSTEM, ContractRepository.ARCHIVE_TIMESTAMP);
            audit.append(c, new AuditLog.Entry(ContractRepository.SYSTEM, k.sender().value(),
                    AuditAction.ARCHIVE_TIMESTAMP_RENEWED, k.id(), AuditOutcome.SUCCESS, null,
                    "previous=" + k.mainDocument() + " sha256=" + sha + " tsaCertificateExpires=" + expires));
            return true;
        });
    }

    /** Fills in the expiry of contracts archived before it was recorded, from their PDF (once each). */
    private void recordMissingExpiries() {
        for (String id : db.read(contracts::archivedWithoutExpiry)) {
            try {
                db.inTransaction(c -> {
                    StoredContract k = contracts.find(c, id).orElseThrow();
                    Optional<Instant> expires = SignatureAcceptance.archiveExpiry(
                            contracts.document(c, k, k.mainDocument()).orElseThrow());
                    if (expires.isPresent()) {
                        contracts.setArchiveExpiry(c, id, expires.get());
                    }
                    return null;
                });
            } catch (SiteSignException e) {
                LOG.warn("the archive timestamp of contract {} cannot be read: {}", id, e.messageEn());
            }
        }
    }
}
