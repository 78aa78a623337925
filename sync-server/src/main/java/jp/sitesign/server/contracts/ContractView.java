package jp.sitesign.server.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/** A contract as the API shows it, with what the caller may do next. */
public record ContractView(String id, String senderId, String creatorId, ContractForm form, ContractStatus status,
        String statusLabel, String managementNumber, String title, LocalDate transactionDate, Long amountYen,
        boolean taxIncluded, boolean construction, Map<ConstructionItem, String> terms,
        List<ConstructionItem> missingItems, String note, String originalId, List<Party> parties, int currentParty,
        String currentApprover, String currentSigner, Instant deadline, String returnComment, String mainDocument,
        long revision, Instant createdAt, Instant updatedAt, List<LifecycleCommand> actions) {

    static ContractView of(StoredContract k, List<LifecycleCommand> actions) {
        var p = k.progress();
        var d = k.data();
        return new ContractView(k.id(), k.sender().value(), k.creator().value(), p.form(), p.status(),
                p.status().labelJa(), d.managementNumber(), d.title(), d.transactionDate(), d.amountYen(),
                d.taxIncluded(), d.construction(), d.terms().items(), d.construction() ? d.terms().missing() : List.of(),
                d.note(), d.originalId(), p.parties().stream().map(Party::of).toList(), p.currentParty(),
                id(p.currentApprover()), id(p.currentSigner()), p.deadline(), p.returnComment(), k.mainDocument(),
                k.revision(), k.createdAt(), k.updatedAt(), actions);
    }

    private static String id(UserId u) {
        return u == null ? null : u.value();
    }

    /** One party: its company, receiving user, route, signer and whether it signed. */
    public record Party(String companyId, String receiverId, List<String> route, String signerId, boolean signed) {
        static Party of(PartyStep s) {
            return new Party(s.company().value(), id(s.receiver()), s.route().stream().map(UserId::value).toList(),
                    id(s.signer()), s.signed());
        }
    }
}
