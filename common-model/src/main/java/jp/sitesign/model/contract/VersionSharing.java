package jp.sitesign.model.contract;

import jp.sitesign.model.company.CompanyId;

/**
 * Which document versions of a contract the other parties see (ADR 23). A version becomes shared when it is
 * one of the contract's current documents (the main PDF or an attachment) while the contract is sent, and
 * versions made while it is sent (signed versions, archive timestamps) are shared as they are made. What a
 * sender uploaded and replaced while drafting — a price it reconsidered, a clause it struck — stays the
 * sender's, as a paper draft never left the office.
 */
public final class VersionSharing {
    private VersionSharing() {
    }

    /** Whether a contract in {@code status} shares its current documents with the parties it has reached. */
    public static boolean sharesCurrentDocuments(ContractStatus status) {
        return !status.isDraft();
    }

    /** Whether a user of {@code viewer} may see a version of {@code sender}'s contract. */
    public static boolean visible(CompanyId viewer, CompanyId sender, boolean shared) {
        return shared || viewer.equals(sender);
    }
}
