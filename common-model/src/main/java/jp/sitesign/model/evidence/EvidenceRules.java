package jp.sitesign.model.evidence;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;

/**
 * When an evidence package exists, and which of a contract's audit events the certificate shows to whom
 * (ADR 24). Decided here once, for the server that builds and the desktop that offers the download.
 *
 * <p>A package exists only for a COMPLETED contract: before that there is nothing agreed to prove. The
 * certificate a company receives lists every event of the contract made by its own users, and of the other
 * parties only the steps every party sees anyway (signatures, the organisation seal of 送付のみ, receipt, withdrawal, refusal, expiry, the system's
 * archive renewals): another company's internal approvals, drafts and downloads stay its own, as its approval
 * route does ({@link ContractProgress#seenBy}).
 */
public final class EvidenceRules {
    /** What every party of a contract sees of another party's actions. */
    private static final Set<AuditAction> SHARED = EnumSet.of(AuditAction.CONTRACT_SIGNED,
            AuditAction.CONTRACT_SEALED, AuditAction.RECEIPT_ACKNOWLEDGED, AuditAction.CONTRACT_WITHDRAWN, AuditAction.CONTRACT_DECLINED,
            AuditAction.CONTRACT_EXPIRED, AuditAction.ARCHIVE_TIMESTAMP_RENEWED);

    private EvidenceRules() {
    }

    /** Empty when the contract has an evidence package; else why not, in Japanese and English. */
    public static Optional<Refusal> availability(ContractProgress progress) {
        Objects.requireNonNull(progress, "progress");
        if (progress.status() == ContractStatus.COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                "締結証明書と証拠一式は締結済の契約についてのみ作成できます（この契約は " + progress.status() + " です）。"
                        + "すべての当事者の署名が済んでから、もう一度お試しください。",
                "An evidence package exists only for a completed contract (this one is " + progress.status()
                        + "). Try again once every party has signed."));
    }

    /**
     * Whether the certificate made for {@code viewer} lists an event of the contract.
     *
     * @param eventCompany the company the event belongs to (its actor's), or null for a service-wide one
     */
    public static boolean shows(CompanyId viewer, String eventCompany, AuditAction action) {
        Objects.requireNonNull(viewer, "viewer");
        return viewer.value().equals(eventCompany) || SHARED.contains(action);
    }

    /** Why there is no evidence package (yet). */
    public record Refusal(String reasonJa, String reasonEn) {
    }
}
