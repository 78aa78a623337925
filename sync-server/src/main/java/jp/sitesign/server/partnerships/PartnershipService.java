package jp.sitesign.server.partnerships;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CorporateNumber;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * 取引先 and 承諾: a company proposes a partnership with the description of the electronic-contracting
 * method; each company gives (or withdraws) its 承諾 to exactly that text. A construction contract may
 * be sent only to a counterparty whose 承諾 is in force ({@link #requireConsent}).
 */
public final class PartnershipService {
    public static final int MAX_METHOD_LENGTH = 4000;

    private final Database db;
    private final CompanyRepository companies;
    private final ContentCipher cipher;
    private final AuditLog audit;
    private final Guard guard;
    private final Clock clock;
    private final ChangeLog changes;
    private final PartnershipInvitations invitations;

    public PartnershipService(Database db, CompanyRepository companies, ContentCipher cipher, AuditLog audit,
            Guard guard, Clock clock, ChangeLog changes, PartnershipInvitations invitations) {
        this.changes = changes;
        this.invitations = invitations;
        this.db = db;
        this.companies = companies;
        this.cipher = cipher;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** A new invitation code of the caller's company, to hand to the company that is to propose (ADR 22). */
    public PartnershipInvitations.Invitation invite(Caller caller) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.MANAGE_PARTNERSHIPS, new CompanyResource(own), "invitation");
        return db.inTransaction(c -> {
            PartnershipInvitations.Invitation invitation = invitations.issue(c, own, caller.getName());
            audit.append(c, entry(caller, AuditAction.PARTNERSHIP_INVITATION_ISSUED, own.value(),
                    "expires=" + invitation.expiresAt()));
            return invitation;
        });
    }

    /**
     * Proposes a partnership to the company that issued {@code invitationCode}, whose 法人番号 must be
     * {@code corporateNumber} (absent for a company registered without one, such as a 個人事業主). A code
     * nobody issued, used or expired, a company gone and a number that does not match all get the same
     * answer, so nothing is learnt of other companies. The proposing company's own 承諾 to its method text is
     * recorded with it. Every proposal counts against the company's daily limit.
     */
    public Partnership propose(Caller caller, String corporateNumber, String invitationCode, String methodDescription) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.MANAGE_PARTNERSHIPS, new CompanyResource(own), "invitation");
        if (methodDescription == null || methodDescription.isBlank() || methodDescription.length() > MAX_METHOD_LENGTH) {
            throw PartnershipMessage.METHOD_LENGTH.exception(MAX_METHOD_LENGTH);
        }
        String number = corporateNumber == null || corporateNumber.isBlank() ? null : corporateNumber.strip();
        if (number != null && !CorporateNumber.isValid(number)) {
            throw PartnershipMessage.CORPORATE_NUMBER_INVALID.exception();
        }
        invitations.countProposal(own);
        Instant now = clock.instant();
        String sha = Digests.sha256Hex(methodDescription.getBytes(StandardCharsets.UTF_8));
        long id = db.inTransaction(c -> {
            Optional<CompanyId> issuer = invitations.redeem(c, invitationCode, own);
            Optional<Company> other = (issuer.isEmpty() ? Optional.<Company>empty() : companies.find(c, issuer.get()))
                    .filter(Company::isActive).filter(k -> java.util.Objects.equals(number,
                            k.corporateNumber() == null ? null : k.corporateNumber().value()));
            if (other.isEmpty()) {
                throw PartnershipMessage.INVITATION_NOT_FOUND.exception();
            }
            CompanyId counterparty = other.get().id();
            if (counterparty.equals(own)) {
                throw PartnershipMessage.SELF_PARTNERSHIP.exception();
            }
            if (find(c, own, counterparty).isPresent()) {
                throw PartnershipMessage.ALREADY_PARTNER.exception();
            }
            long newId = insert(c, own, counterparty, caller.getName(), now, sha);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE partnerships SET method_description = ? WHERE id = ?")) {
                ps.setBytes(1, cipher.seal(c, own, place(newId), methodDescription));
                ps.setLong(2, newId);
                ps.executeUpdate();
            }
            insertConsent(c, newId, own, caller.getName(), now, sha);
            changed(c, newId, own, counterparty);
            audit.append(c, entry(caller, AuditAction.PARTNERSHIP_PROPOSED, counterparty.value(), "partnership=" + newId));
            return newId;
        });
        return get(caller, id);
    }

    /** The caller's company gives its 承諾 to the method text it was shown (named by its SHA-256). */
    public Partnership consent(Caller caller, long id, String methodSha256) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.MANAGE_PARTNERSHIPS, new CompanyResource(own), Long.toString(id));
        Partnership p = get(caller, id);
        if (!p.methodSha256().equals(methodSha256)) {
            throw PartnershipMessage.METHOD_CHANGED.exception();
        }
        if (p.ourConsent() != null && p.ourConsent().inForce()) {
            return p;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM partnership_consents WHERE partnership_id = ? AND company_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, own.value());
                ps.executeUpdate();
            }
            insertConsent(c, id, own, caller.getName(), clock.instant(), methodSha256);
            changed(c, id, own, p.counterpartyId());
            audit.append(c, entry(caller, AuditAction.CONSENT_GIVEN, p.counterpartyId().value(), "partnership=" + id));
            return null;
        });
        return get(caller, id);
    }

    /** Withdraws the caller's company's 承諾: no new construction contract can be sent to it from then on. */
    public Partnership withdraw(Caller caller, long id) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.MANAGE_PARTNERSHIPS, new CompanyResource(own), Long.toString(id));
        Partnership p = get(caller, id);
        if (p.ourConsent() == null || !p.ourConsent().inForce()) {
            throw PartnershipMessage.NO_CONSENT_TO_WITHDRAW.exception();
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE partnership_consents SET withdrawn_by = ?,"
                    + " withdrawn_at = ? WHERE partnership_id = ? AND company_id = ?")) {
                ps.setString(1, caller.getName());
                Jdbc.setInstant(ps, 2, clock.instant());
                ps.setLong(3, id);
                ps.setString(4, own.value());
                ps.executeUpdate();
            }
            changed(c, id, own, p.counterpartyId());
            audit.append(c, entry(caller, AuditAction.CONSENT_WITHDRAWN, p.counterpartyId().value(),
                    "partnership=" + id));
            return null;
        });
        return get(caller, id);
    }

    public List<Partnership> list(Caller caller) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.VIEW_PARTNERSHIPS, new CompanyResource(own));
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM partnerships WHERE company_lo = ? OR company_hi = ? ORDER BY proposed_at, id")) {
                ps.setString(1, own.value());
                ps.setString(2, own.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<Partnership> out = new ArrayList<>();
            for (long id : ids) {
                out.add(load(c, own, id).orElseThrow());
            }
            return out;
        });
    }

    public Partnership get(Caller caller, long id) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.VIEW_PARTNERSHIPS, new CompanyResource(own));
        return db.read(c -> load(c, own, id)).orElseThrow(() -> PartnershipMessage.PARTNERSHIP_NOT_FOUND.exception(id));
    }

    /**
     * Refuses unless {@code recipient} has a 承諾 in force towards {@code sender}; the message names the
     * missing consent so the sender knows what to ask for.
     */
    public void requireConsent(Connection c, CompanyId sender, CompanyId recipient) throws SQLException {
        Optional<Long> id = find(c, sender, recipient);
        Optional<Partnership> p = id.isEmpty() ? Optional.empty() : load(c, sender, id.get());
        if (p.isEmpty() || p.get().theirConsent() == null || !p.get().theirConsent().inForce()) {
            throw PartnershipMessage.CONSENT_MISSING.exception(recipient);
        }
    }

    /** The partnership as {@code own} sees it, for the change feed; empty when {@code own} is not in it. */
    public Optional<Partnership> find(Connection c, CompanyId own, long id) throws SQLException {
        return load(c, own, id);
    }

    private void changed(Connection c, long id, CompanyId a, CompanyId b) throws SQLException {
        changes.changed(c, EntityType.PARTNERSHIP, Long.toString(id), List.of(a.value(), b.value()));
    }

    private Optional<Partnership> load(Connection c, CompanyId own, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM partnerships WHERE id = ? AND (company_lo = ? OR company_hi = ?)")) {
            ps.setLong(1, id);
            ps.setString(2, own.value());
            ps.setString(3, own.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CompanyId lo = new CompanyId(rs.getString("company_lo"));
                CompanyId other = lo.equals(own) ? new CompanyId(rs.getString("company_hi")) : lo;
                CompanyId proposer = new CompanyId(rs.getString("proposed_by_company"));
                String method = cipher.open(c, proposer, place(id), rs.getBytes("method_description"), String.class);
                String otherName = companies.find(c, other).map(Company::name).orElse("");
                return Optional.of(new Partnership(id, other, otherName, proposer, rs.getString("proposed_by_user"),
                        Jdbc.getInstant(rs, "proposed_at"), method, rs.getString("method_sha256"),
                        consent(c, id, own), consent(c, id, other)));
            }
        }
    }

    private static Partnership.Consent consent(Connection c, long id, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM partnership_consents WHERE partnership_id = ? AND company_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, company.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Partnership.Consent(rs.getString("consented_by"),
                        Jdbc.getInstant(rs, "consented_at"), rs.getString("method_sha256"), rs.getString("withdrawn_by"),
                        Jdbc.getInstant(rs, "withdrawn_at")) : null;
            }
        }
    }

    private static Optional<Long> find(Connection c, CompanyId a, CompanyId b) throws SQLException {
        boolean aFirst = a.value().compareTo(b.value()) < 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM partnerships WHERE company_lo = ? AND company_hi = ?")) {
            ps.setString(1, aFirst ? a.value() : b.value());
            ps.setString(2, aFirst ? b.value() : a.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, CompanyId own, CompanyId other, String user, Instant now, String sha)
            throws SQLException {
        boolean ownFirst = own.value().compareTo(other.value()) < 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partnerships (company_lo, company_hi,"
                + " proposed_by_company, proposed_by_user, proposed_at, method_description, method_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, ownFirst ? own.value() : other.value());
            ps.setString(2, ownFirst ? other.value() : own.value());
            ps.setString(3, own.value());
            ps.setString(4, user);
            Jdbc.setInstant(ps, 5, now);
            ps.setBytes(6, new byte[0]);
            ps.setString(7, sha);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertConsent(Connection c, long id, CompanyId company, String user, Instant at, String sha)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partnership_consents (partnership_id, company_id,"
                + " consented_by, consented_at, method_sha256) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, company.value());
            ps.setString(3, user);
            Jdbc.setInstant(ps, 4, at);
            ps.setString(5, sha);
            ps.executeUpdate();
        }
    }

    private static String place(long id) {
        return "partnerships.method|" + id;
    }

    private static AuditLog.Entry entry(Caller caller, AuditAction action, String target, String details) {
        return new AuditLog.Entry(caller.getName(), caller.companyId(), action, target, AuditOutcome.SUCCESS,
                caller.clientIp(), details);
    }
}
