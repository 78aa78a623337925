package jp.sitesign.server.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * A contract as the API shows it, with what the caller may do next. {@code documents} (the current main
 * PDF, then the attachments) and {@code amendments} (the 変更契約 that name this contract as their original
 * and that the caller may see) are given when one contract is asked for, and null in search results;
 * {@code originalId} names the contract an amendment changes; {@code canAmend} says whether the caller may
 * start a 変更契約 from this one now.
 */
public record ContractView(String id, String senderId, String creatorId, ContractForm form, ContractStatus status,
        String statusLabel, String managementNumber, String title, LocalDate transactionDate, Long amountYen,
        boolean taxIncluded, boolean construction, Map<ConstructionItem, String> terms,
        List<ConstructionItem> missingItems, String note, String originalId, List<Party> parties, int currentParty,
        String currentApprover, String currentSigner, Instant deadline, String returnComment, String mainDocument,
        long revision, Instant createdAt, Instant updatedAt, List<LifecycleCommand> actions, boolean canAmend,
        List<Document> documents, List<Amendment> amendments) {

    /** The view of a search result: without documents and amendments. */
    static ContractView summary(StoredContract k, CompanyId viewer, List<LifecycleCommand> actions, boolean canAmend) {
        return of(k, viewer, actions, canAmend, null, null);
    }

    /**
     * @param viewer the caller's company: of another company's party it sees who signs, never the approvers
     *               ({@link jp.sitesign.model.contract.ContractProgress#seenBy}); {@code currentApprover} is
     *               null while another company approves
     */
    static ContractView of(StoredContract k, CompanyId viewer, List<LifecycleCommand> actions, boolean canAmend,
            List<StoredDocument> documents, List<Amendment> amendments) {
        var p = k.progress().seenBy(viewer);
        var d = k.data();
        return new ContractView(k.id(), k.sender().value(), k.creator().value(), p.form(), p.status(),
                p.status().labelJa(), d.managementNumber(), d.title(), d.transactionDate(), d.amountYen(),
                d.taxIncluded(), d.construction(), d.terms().items(), d.construction() ? d.terms().missing() : List.of(),
                d.note(), d.originalId(), p.parties().stream().map(Party::of).toList(), p.currentParty(),
                id(p.currentApprover()), id(p.currentSigner()), p.deadline(), p.returnComment(), k.mainDocument(),
                k.revision(), k.createdAt(), k.updatedAt(), actions, canAmend,
                documents == null ? null : documents.stream().map(Document::of).toList(), amendments);
    }

    /** One document: MAIN (the current version of the main PDF) or ATTACHMENT (with its display name). */
    public record Document(String kind, String sha256, String name, int pages, long sizeBytes) {
        static Document of(StoredDocument d) {
            return new Document(d.kind(), d.sha256(), d.name(), d.pages(), d.sizeBytes());
        }
    }

    /** A 変更契約 of this contract: its id and where it stands. */
    public record Amendment(String id, ContractStatus status) {
    }

    private static String id(UserId u) {
        return u == null || u.isWithheld() ? null : u.value();
    }

    /**
     * One party: its company, receiving user, route (empty for another company's party: its approvers are its
     * own business), signer and whether it signed.
     */
    public record Party(String companyId, String receiverId, List<String> route, String signerId, boolean signed) {
        static Party of(PartyStep s) {
            return new Party(s.company().value(), id(s.receiver()), s.route().stream().filter(u -> !u.isWithheld())
                    .map(UserId::value).toList(), id(s.signer()), s.signed());
        }
    }
}
