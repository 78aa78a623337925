package jp.sitesign.server.contracts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.document.PdfCheck;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.partnerships.PartnershipService;
import jp.sitesign.server.seal.ServerSeal;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;

/**
 * The contract feature's services, built once over one repository: {@link ContractDrafts} (create, edit,
 * attach, amend), {@link ContractWorkflow} (the lifecycle commands, signing, routes, deadlines, legal holds),
 * {@link ContractQueries} (reading, documents, search, export, the feed's wire form), and the background jobs
 * {@link ArchiveRenewal} and {@link ContractRetention}. Every change asks the access policy who may act and the
 * lifecycle what follows (both in common-model). Another company's contract that has not reached the caller is
 * simply not found.
 */
public final class ContractService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContractService.class);
    private final ContractDrafts drafts;
    private final ContractWorkflow workflow;
    private final ContractQueries queries;
    private final ArchiveRenewal archiveRenewal;
    private final ContractRetention retention;
    private final Database db;
    private final ContractRepository contracts;

    /** @param seal the server's organisation seal (送付のみ of applications, ADR 34), or null when none is configured */
    public ContractService(Database db, ContentCipher cipher, UserRepository users, CompanyRepository companies,
            PartnershipService partnerships, SigningAuthority signingAuthority, AuditLog audit, Guard guard,
            Clock clock, MasterKey masterKey, ServerConfig config, SignatureDefaults signatureDefaults,
            ChangeLog changes, ContractEvents events, ServerSeal seal) {
        ContractRepository contracts = new ContractRepository(cipher, changes);
        this.db = db;
        this.contracts = contracts;
        ContractStore store = new ContractStore(db, contracts, users, signingAuthority, audit, guard, clock,
                masterKey.derive("contract-number-index"));
        PdfCheck pdfCheck = new PdfCheck(config.getInt("limits.max-document-bytes"), config.pdfLimits());
        SignatureAcceptance signatures = SignatureAcceptance.from(config, clock, signatureDefaults);
        this.retention = new ContractRetention(db, contracts, audit, clock);
        this.archiveRenewal = new ArchiveRenewal(db, contracts, audit, clock, signatures,
                Duration.ofDays(config.getInt("archive.renew-days-before")));
        this.drafts = new ContractDrafts(store, pdfCheck);
        this.workflow = new ContractWorkflow(store, partnerships, events, pdfCheck, signatures, retention,
                ContractSeal.of(seal, signatureDefaults.timestamps(config), clock));
        this.queries = new ContractQueries(store, companies, signatures);
    }

    public ContractDrafts drafts() {
        return drafts;
    }

    public ContractWorkflow workflow() {
        return workflow;
    }

    public ContractQueries queries() {
        return queries;
    }

    /** Retention: which contracts are due for purge, and what a purged company's contracts become. */
    public ContractRetention retention() {
        return retention;
    }

    /**
     * Gives the contracts that have no search columns yet theirs (ADR 46): those written before the columns
     * existed, or restored from a backup (which leaves derived tables out). Run on start, a page a transaction;
     * returns how many it indexed.
     */
    public int indexForSearch() {
        int done = 0;
        while (true) {
            List<String> ids = db.read(c -> contracts.unindexed(c, 500));
            if (ids.isEmpty()) {
                return done;
            }
            indexEach(ids, (c, k) -> contracts.index().replace(c, k));
            done += ids.size();
            LOG.info("search columns written for {} contract(s) that had none", done);
        }
    }

    /**
     * Rewrites {@code company}'s blind-index terms of every contract that reached it under its current data key,
     * a page a transaction (a company key rotation, ADR 46); returns how many contracts it rewrote.
     */
    public long reindexTerms(CompanyId company, int batchSize) {
        long done = 0;
        String after = null;
        while (true) {
            String from = after;
            List<String> ids = db.read(c -> contracts.reachedPage(c, company, from, batchSize));
            if (ids.isEmpty()) {
                return done;
            }
            indexEach(ids, (c, k) -> contracts.index().rewriteTerms(c, k, company));
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    /** One index write for each contract of {@code ids} still stored, in one transaction. */
    private void indexEach(List<String> ids, IndexWrite write) {
        db.inTransaction(c -> {
            for (String id : ids) {
                StoredContract k = contracts.find(c, id).orElse(null);
                if (k != null) {
                    write.apply(c, k);
                }
            }
            return null;
        });
    }

    private interface IndexWrite {
        void apply(java.sql.Connection c, StoredContract k) throws java.sql.SQLException;
    }

    /** The job that renews completed contracts' archive timestamps before their TSA certificate expires. */
    public ArchiveRenewal archiveRenewal() {
        return archiveRenewal;
    }
}
