package jp.sitesign.server.contracts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * When contracts are purged (DESIGN §8, ADR 13): a completed contract once every party still on the service
 * has kept it its retention period after completion; an unfinished one (draft, returned, expired, withdrawn,
 * declined) its sender's number of days after the last change; never one under a legal hold. And what
 * happens to a purged company's contracts: what only it had is deleted, a completed one a partner must still
 * keep moves into that partner's custody.
 */
public final class ContractRetention {
    /** The statuses of a contract that will not go on: kept by days since their last change. */
    static final Set<ContractStatus> UNFINISHED = EnumSet.of(ContractStatus.DRAFT, ContractStatus.RETURNED,
            ContractStatus.EXPIRED, ContractStatus.WITHDRAWN, ContractStatus.DECLINED);
    private static final String SYSTEM = "system";

    private final Database db;
    private final ContractRepository contracts;
    private final AuditLog audit;
    private final Clock clock;

    ContractRetention(Database db, ContractRepository contracts, AuditLog audit, Clock clock) {
        this.db = db;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A contract whose retention ended, and why. */
    public record Due(String id, CompanyId sender, ContractStatus status, String reason) {
    }

    /**
     * The contracts past their retention at {@code now}, given each company's periods (completed years,
     * unfinished days) as {@code CompanyRepository.retention} reads them.
     */
    public List<Due> due(Connection c, Instant now, Map<String, int[]> retention) throws SQLException {
        List<Due> out = new ArrayList<>();
        Map<String, Instant> completedAt = new LinkedHashMap<>();
        Map<String, List<String>> parties = new LinkedHashMap<>();
        Map<String, String> senders = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.sender_company, k.completed_at, p.company_id"
                + " FROM contracts k JOIN contract_parties p ON p.contract_id = k.id"
                + " WHERE k.status = ? AND k.legal_hold_at IS NULL AND k.completed_at < ? ORDER BY k.completed_at, k.id")) {
            ps.setString(1, ContractStatus.COMPLETED.name());
            Jdbc.setInstant(ps, 2, now.atOffset(ZoneOffset.UTC).minusYears(minimum(retention, 0)).toInstant());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    completedAt.put(rs.getString(1), Jdbc.getInstant(rs, "completed_at"));
                    senders.put(rs.getString(1), rs.getString(2));
                    parties.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(4));
                }
            }
        }
        completedAt.forEach((id, at) -> {
            int years = parties.get(id).stream().filter(retention::containsKey).mapToInt(p -> retention.get(p)[0])
                    .max().orElse(0);
            if (!at.atOffset(ZoneOffset.UTC).plusYears(years).toInstant().isAfter(now)) {
                out.add(new Due(id, new CompanyId(senders.get(id)), ContractStatus.COMPLETED,
                        "completed " + at + ", kept " + years + " years"));
            }
        });
        String marks = String.join(", ", java.util.Collections.nCopies(UNFINISHED.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sender_company, status, updated_at FROM contracts"
                + " WHERE status IN (" + marks + ") AND legal_hold_at IS NULL AND updated_at < ? ORDER BY updated_at, id")) {
            int i = 1;
            for (ContractStatus s : UNFINISHED) {
                ps.setString(i++, s.name());
            }
            Jdbc.setInstant(ps, i, now.minus(java.time.Duration.ofDays(minimum(retention, 1))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] sender = retention.get(rs.getString(2));
                    Instant changed = Jdbc.getInstant(rs, "updated_at");
                    if (sender != null && !changed.plus(java.time.Duration.ofDays(sender[1])).isAfter(now)) {
                        out.add(new Due(rs.getString(1), new CompanyId(rs.getString(2)),
                                ContractStatus.valueOf(rs.getString(3)),
                                "last changed " + changed + ", kept " + sender[1] + " days"));
                    }
                }
            }
        }
        return out;
    }

    private static int minimum(Map<String, int[]> retention, int which) {
        return retention.values().stream().mapToInt(r -> r[which]).min().orElse(0);
    }

    /** Deletes the contract with its documents and attachments, tells every client (tombstones), audits it. */
    public void purge(Connection c, String id, String reason) throws SQLException {
        StoredContract k = contracts.find(c, id).orElse(null);
        if (k == null) {
            return;
        }
        contracts.delete(c, id);
        audit.append(c, new AuditLog.Entry(SYSTEM, k.sender().value(), AuditAction.CONTRACT_PURGED, id,
                AuditOutcome.SUCCESS, null, "number=" + k.data().managementNumber() + "; " + reason));
    }

    /**
     * What becomes of the contracts of {@code company}, whose data is purged: those it sent are deleted,
     * unless completed and a partner still on the service must keep them — then the first such partner takes
     * custody. Contracts partners sent it stay theirs. Returns how many were deleted and transferred.
     */
    public int[] forPurgedCompany(Connection c, CompanyId company, Map<String, CompanyStatus> statuses)
            throws SQLException {
        List<String> sent = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contracts WHERE sender_company = ? ORDER BY id")) {
            ps.setString(1, company.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sent.add(rs.getString(1));
                }
            }
        }
        // Its data key goes with the purge, so its blind-index terms could never be looked up again.
        ContractSearchIndex.forget(c, company);
        int deleted = 0;
        int transferred = 0;
        for (String id : sent) {
            StoredContract k = contracts.find(c, id).orElseThrow();
            CompanyId custodian = k.progress().status() != ContractStatus.COMPLETED ? null
                    : k.progress().parties().stream().map(PartyStep::company).filter(p -> !p.equals(company))
                            .filter(p -> statuses.get(p.value()) == CompanyStatus.ACTIVE).findFirst().orElse(null);
            if (custodian == null) {
                purge(c, id, "its sender's data was purged");
                deleted++;
            } else {
                contracts.transferCustody(c, k, custodian);
                audit.append(c, new AuditLog.Entry(SYSTEM, custodian.value(), AuditAction.CONTRACT_CUSTODY_TRANSFERRED,
                        id, AuditOutcome.SUCCESS, null, "from " + company + ", whose data was purged"));
                transferred++;
            }
        }
        return new int[] {deleted, transferred};
    }

    /** Records a legal hold on the contract, or lifts it; the caller was allowed SET_LEGAL_HOLD on it. */
    void setLegalHold(Caller caller, StoredContract k, boolean hold) {
        db.inTransaction(c -> {
            contracts.setLegalHold(c, k.id(), hold ? caller.user().id() : null, clock.instant());
            audit.append(c, new AuditLog.Entry(caller.user().id().value(), caller.user().companyId().value(),
                    hold ? AuditAction.LEGAL_HOLD_SET : AuditAction.LEGAL_HOLD_LIFTED, k.id(), AuditOutcome.SUCCESS,
                    caller.clientIp(), null));
            return null;
        });
    }

    /** Whether the contract is under a legal hold (the caller has already been allowed to see it). */
    public boolean held(String id) {
        return db.read(c -> contracts.held(c, id));
    }
}
