package jp.sitesign.server.retention;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.backup.BackupKey;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractRetention;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purge (DESIGN §8, ADR 13): contracts past their retention, and terminated companies past their grace
 * period — their users, certificates, partnerships and counters deleted, their contracts deleted or handed
 * into a partner's custody, their data key erased here and in the backup key file. Every deletion reaches
 * the clients through the change feed's tombstones and is audited. A dry run says what would go.
 */
public final class Purge {
    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);
    private static final String SYSTEM = "system";

    private final Database db;
    private final CompanyRepository companies;
    private final ContractRetention contracts;
    private final ChangeLog changes;
    private final AuditLog audit;
    private final ServerConfig config;
    private final Clock clock;

    public Purge(Database db, CompanyRepository companies, ContractRetention contracts, ChangeLog changes,
            AuditLog audit, ServerConfig config, Clock clock) {
        this.db = db;
        this.companies = companies;
        this.contracts = contracts;
        this.changes = changes;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** What a purge removed (or, in a dry run, would remove). */
    public record Report(boolean dryRun, List<ContractRetention.Due> contracts, List<String> companies,
            int contractsOfCompaniesDeleted, int contractsTransferred) {
        public boolean any() {
            return !contracts.isEmpty() || !companies.isEmpty();
        }
    }

    public Report run(boolean dryRun) {
        Instant now = clock.instant();
        List<CompanyId> dueCompanies = db.read(c -> companies.dueForPurge(c, now));
        int[] moved = {0, 0};
        List<String> purged = new ArrayList<>();
        for (CompanyId company : dueCompanies) {
            purged.add(company.value());
            if (!dryRun) {
                int[] r = purgeCompany(company);
                moved[0] += r[0];
                moved[1] += r[1];
            }
        }
        List<ContractRetention.Due> due = db.read(c -> contracts.due(c, now, companies.retention(c)));
        if (!dryRun) {
            for (ContractRetention.Due d : due) {
                db.inTransaction(c -> {
                    contracts.purge(c, d.id(), d.reason());
                    return null;
                });
            }
        }
        Report report = new Report(dryRun, due, purged, moved[0], moved[1]);
        if (report.any() && !dryRun) {
            LOG.info("purge: {} contract(s) past retention, {} compan(ies) past their grace period", due.size(),
                    purged.size());
        }
        return report;
    }

    /** Everything of one terminated company, in one transaction; then its escrow key in the backup key file. */
    private int[] purgeCompany(CompanyId company) {
        int[] result = db.inTransaction(c -> {
            Company before = companies.find(c, company).orElseThrow();
            int[] r = contracts.forPurgedCompany(c, company, statuses(c));
            List<String> users = ids(c, "SELECT id FROM users WHERE company_id = ?", company.value());
            List<String> partnerships = ids(c, "SELECT CAST(id AS VARCHAR(20)) FROM partnerships WHERE company_lo = ?"
                    + " OR company_hi = ?", company.value(), company.value());
            for (String u : users) {
                changes.removed(c, EntityType.USER, u);
            }
            for (String p : partnerships) {
                changes.removed(c, EntityType.PARTNERSHIP, p);
            }
            String ofUsers = "(SELECT id FROM users WHERE company_id = ?)";
            String ofCertificates = "(SELECT id FROM signing_certificates WHERE company_id = ?)";
            String ofPartnerships = "(SELECT id FROM partnerships WHERE company_lo = ? OR company_hi = ?)";
            int rows = 0;
            rows += delete(c, "sessions WHERE user_id IN " + ofUsers, company, 1);
            rows += delete(c, "notice_reads WHERE user_id IN " + ofUsers, company, 1);
            rows += delete(c, "certificate_bindings WHERE user_id IN " + ofUsers + " OR certificate_id IN "
                    + ofCertificates, company, 2);
            rows += delete(c, "certificate_applications WHERE company_id = ?", company, 1);
            rows += delete(c, "api_webhook_deliveries WHERE company_id = ?", company, 1);
            rows += delete(c, "api_webhooks WHERE application_id IN (SELECT id FROM api_applications"
                    + " WHERE company_id = ?)", company, 1);
            rows += delete(c, "api_applications WHERE company_id = ?", company, 1);
            rows += delete(c, "signing_certificates WHERE company_id = ?", company, 1);
            rows += delete(c, "partnership_consents WHERE partnership_id IN " + ofPartnerships, company, 2);
            rows += delete(c, "partnerships WHERE company_lo = ? OR company_hi = ?", company, 2);
            rows += delete(c, "partnership_invitations WHERE company_id = ?", company, 1);
            rows += delete(c, "partnership_attempts WHERE company_id = ?", company, 1);
            rows += delete(c, "contract_number_counters WHERE company_id = ?", company, 1);
            rows += delete(c, "sync_commands WHERE user_id IN " + ofUsers, company, 1);
            rows += delete(c, "sync_upload_chunks WHERE company_id = ?", company, 1);
            rows += delete(c, "sync_uploads WHERE company_id = ?", company, 1);
            rows += delete(c, "sync_changes WHERE audience = ? OR audience IN " + ofUsers, company, 2);
            rows += delete(c, "users WHERE company_id = ?", company, 1);
            companies.erase(c, company, before.name());
            audit.append(c, new AuditLog.Entry(SYSTEM, company.value(), AuditAction.COMPANY_PURGED, company.value(),
                    AuditOutcome.SUCCESS, null, "contracts deleted=" + r[0] + ", transferred=" + r[1]
                            + ", other rows deleted=" + rows + "; data key erased"));
            return r;
        });
        if (Files.exists(config.backupKeyFile())) {
            BackupKey.load(config.backupKeyFile()).forget(company.value());
        }
        LOG.info("company {} purged: {} contract(s) deleted, {} handed to a partner's custody", company, result[0],
                result[1]);
        return result;
    }

    private static Map<String, CompanyStatus> statuses(Connection c) throws SQLException {
        Map<String, CompanyStatus> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM companies");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), CompanyStatus.valueOf(rs.getString(2)));
            }
        }
        return out;
    }

    private static List<String> ids(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** {@code DELETE FROM <what>} with the company id bound {@code times} times. */
    private static int delete(Connection c, String what, CompanyId company, int times) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + what)) {
            for (int i = 1; i <= times; i++) {
                ps.setString(i, company.value());
            }
            return ps.executeUpdate();
        }
    }
}
