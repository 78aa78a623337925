package jp.sitesign.model.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * A contract as a client holds it after a pull: everything the server stores about it that the holder
 * may see, in plain wire types. {@link #progress()} and {@link #data()} give the domain back, so the
 * desktop app asks the same lifecycle and policy as the server which buttons to enable.
 *
 * @param documents every document version of the contract, oldest first; {@code mainDocument} names the
 *                  current main PDF among them
 */
public record ContractSnapshot(String id, String senderId, String creatorId, ContractForm form,
        ContractStatus status, String managementNumber, String title, LocalDate transactionDate, Long amountYen,
        boolean taxIncluded, boolean construction, Map<ConstructionItem, String> terms, String note,
        String originalId, List<Party> parties, int currentParty, int routePosition, Instant deadline,
        String returnComment, String mainDocument, List<DocumentRef> documents, long revision, Instant createdAt,
        Instant updatedAt) {
    /**
     * A contract's revision when it is created on the server; every command applied to it adds one. (A client
     * shows a draft it created itself as revision 0 until the server has it.)
     */
    public static final long FIRST_REVISION = 1;

    public ContractSnapshot {
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        parties = List.copyOf(parties);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** One party: its company, receiving user (null for the sender), route, signer and whether it signed. */
    public record Party(String companyId, String receiverId, List<String> route, String signerId, boolean signed) {
        public Party {
            route = route == null ? List.of() : List.copyOf(route);
        }

        static Party of(PartyStep s) {
            return new Party(s.company().value(), id(s.receiver()), s.route().stream().map(UserId::value).toList(),
                    id(s.signer()), s.signed());
        }

        PartyStep step() {
            return new PartyStep(new CompanyId(companyId), receiverId == null ? null : new UserId(receiverId),
                    route.stream().map(UserId::new).toList(), signerId == null ? null : new UserId(signerId), signed);
        }
    }

    /**
     * One immutable document version.
     *
     * @param kind   MAIN or ATTACHMENT
     * @param name   the file name shown, or null for the main PDF
     * @param reason why it exists: UPLOADED, SIGNED_BY_PARTY_n, ARCHIVE_TIMESTAMP
     */
    public record DocumentRef(String sha256, String kind, String name, int pages, long sizeBytes, String producedBy,
            String reason, Instant createdAt) {
    }

    public static ContractSnapshot of(String id, CompanyId sender, UserId creator, ContractProgress p,
            ContractData d, String mainDocument, List<DocumentRef> documents, long revision, Instant createdAt,
            Instant updatedAt) {
        return new ContractSnapshot(id, sender.value(), creator.value(), p.form(), p.status(), d.managementNumber(),
                d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(), d.construction(), d.terms().items(),
                d.note(), d.originalId(), p.parties().stream().map(Party::of).toList(), p.currentParty(),
                p.routePosition(), p.deadline(), p.returnComment(), mainDocument, documents, revision, createdAt,
                updatedAt);
    }

    /** Where the contract stands, as the lifecycle and the policy read it. */
    public ContractProgress progress() {
        return new ContractProgress(form, status, parties.stream().map(Party::step).toList(), currentParty,
                routePosition, deadline, returnComment);
    }

    /** What the contract says. */
    public ContractData data() {
        return new ContractData(managementNumber, title, transactionDate, amountYen, taxIncluded, construction,
                new ConstructionTerms(terms), note, originalId);
    }

    /** The first counterparty, the 電子帳簿保存法 取引先; null while a draft names none. */
    public String counterpartyId() {
        return parties.size() > 1 ? parties.get(1).companyId() : null;
    }

    /** What the shared contract search ({@link ContractQuery}) looks at. */
    public ContractQuery.Keys searchKeys() {
        return new ContractQuery.Keys(id, senderId, counterpartyId(), status, managementNumber, title, transactionDate,
                amountYen, updatedAt);
    }

    private static String id(UserId u) {
        return u == null ? null : u.value();
    }
}
