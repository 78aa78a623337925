package jp.sitesign.server.contracts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.Transition;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.StorageException;

/**
 * What the drafts, the workflow and the queries share: loading a contract as the caller may know it, the
 * facts the policy decides on, writing a new revision (refused when someone else wrote first) with its audit
 * event, and the checks and refusals they have in common. A transaction is the thread's ({@link Database}):
 * a method that takes a {@link Connection} runs inside one its caller opened, never opens its own.
 */
final class ContractStore {
    final Database db;
    final ContractRepository contracts;
    final AuditLog audit;
    final Guard guard;
    final Clock clock;
    private final UserRepository users;
    private final SigningAuthority signingAuthority;
    private final byte[] numberIndexKey;

    ContractStore(Database db, ContractRepository contracts, UserRepository users, SigningAuthority signingAuthority,
            AuditLog audit, Guard guard, Clock clock, byte[] numberIndexKey) {
        this.db = db;
        this.contracts = contracts;
        this.users = users;
        this.signingAuthority = signingAuthority;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
        this.numberIndexKey = numberIndexKey;
    }

    /**
     * The contract, if it exists for the caller's company at all: sent by it, or reached it. Anything
     * else is "not found", so another company's contracts are not even confirmed to exist.
     */
    StoredContract load(Caller caller, String id) {
        CompanyId own = caller.user().companyId();
        StoredContract k = validId(id) ? db.read(c -> contracts.find(c, id)).orElse(null) : null;
        if (k == null || !k.sender().equals(own) && !k.progress().reached().contains(own)) {
            throw ContractMessage.NOT_FOUND.exception(id);
        }
        return k;
    }

    /** The facts the policy decides on, with the current signer's signing authority as it is now. */
    ContractResource resource(StoredContract k) {
        return ContractResource.of(k.progress(), k.creator(), signerHasAuthority(k));
    }

    boolean signerHasAuthority(StoredContract k) {
        UserId signer = k.progress().currentSigner();
        return signer != null && signingAuthority.holds(k.progress().current().company(), signer);
    }

    /** Whether the caller may see a contract; signing authority does not affect visibility, so none is looked up. */
    boolean maySee(Caller caller, ContractProgress progress, UserId creator) {
        return guard.decide(caller, Action.VIEW_CONTRACT, ContractResource.of(progress, creator, false)).allowed();
    }

    /** What the contract consists of now: its main PDF, then its attachments (the caller already saw {@code k}). */
    List<StoredDocument> documents(StoredContract k) {
        return db.read(c -> contracts.currentDocuments(c, k));
    }

    StoredContract save(Caller caller, StoredContract after, AuditAction action, String details) {
        return db.inTransaction(c -> {
            write(c, after);
            audit.append(c, entry(caller, action, after, details));
            return after;
        });
    }

    void write(Connection c, StoredContract k) throws SQLException {
        boolean written;
        try {
            written = contracts.update(c, k, numberIndex(k.sender(), k.data()));
        } catch (SQLException e) {
            throw duplicateNumber(e);
        }
        if (!written) {
            throw ContractMessage.STALE.exception();
        }
    }

    String numberIndex(CompanyId company, ContractData d) {
        String normalized = d.managementNumber().strip().toUpperCase(Locale.ROOT);
        return Digests.hex(Digests.hmacSha256(numberIndexKey,
                (company.value() + "|" + normalized).getBytes(StandardCharsets.UTF_8)));
    }

    boolean isActive(Connection c, CompanyId company, UserId id) throws SQLException {
        User u = users.findInCompany(c, company, id).orElse(null);
        return u != null && u.status() == UserStatus.ACTIVE;
    }

    /** The user of {@code company} with id {@code id}, whatever their status, or empty (ADR 43). */
    java.util.Optional<User> userOf(Connection c, CompanyId company, UserId id) throws SQLException {
        return users.findInCompany(c, company, id);
    }

    boolean holdsAuthority(Connection c, CompanyId company, UserId user) throws SQLException {
        return signingAuthority.holds(c, company, user);
    }

    boolean isBoundCertificate(CompanyId company, UserId user, String issuer, String serialHex) {
        return db.read(c -> signingAuthority.isBoundCertificate(c, company, user, issuer, serialHex));
    }

    void requireActiveUser(Connection c, CompanyId company, UserId id, String field) throws SQLException {
        if (!isActive(c, company, id)) {
            throw ContractMessage.USER_NOT_ACTIVE.exception(id, company, field);
        }
    }

    void requireSigner(Connection c, CompanyId company, UserId signer) throws SQLException {
        requireActiveUser(c, company, signer, "signer");
        if (!signingAuthority.holds(c, company, signer)) {
            throw ContractMessage.SIGNER_NOT_AUTHORISED.exception(signer);
        }
    }

    static boolean validId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void requireRevision(StoredContract k, long base) {
        if (base != k.revision()) {
            throw ContractMessage.STALE.exception();
        }
    }

    static void require(Transition t) {
        if (!t.allowed()) {
            throw new SiteSignException(ErrorCode.CONFLICT, t.denial().reasonJa(), t.denial().reasonEn());
        }
    }

    static SiteSignException duplicateNumber(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return ContractMessage.MANAGEMENT_NUMBER_TAKEN.exception();
        }
        throw new StorageException(e);
    }

    static AuditLog.Entry entry(Caller caller, AuditAction action, StoredContract k, String details) {
        return new AuditLog.Entry(caller.getName(), caller.companyId(), action, k.id(), AuditOutcome.SUCCESS,
                caller.clientIp(), "status=" + k.progress().status() + (details == null ? "" : " " + details));
    }
}
