package jp.sitesign.model.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;

/**
 * Where a contract stands in its workflow: status, the parties in signing order (the sender first),
 * whose turn it is and how far along that party's approval route it is. Only ids and statuses, so it is
 * stored in clear and synced as is. {@link ContractLifecycle} is the only way from one progress to the next.
 *
 * <p>The constructor refuses a progress that cannot happen (more parties than the form allows, a
 * counterparty without its receiving user, a signature out of party order, a party set up before the
 * contract reached it, a signature awaited from nobody), so a corrupt stored row fails on reading
 * instead of feeding the access policy wrong facts.
 *
 * @param currentParty  index into {@link #parties} of the party whose turn it is (0 while a draft)
 * @param routePosition index into the current party's route of the approver whose turn it is
 * @param deadline      signing deadline (署名期限), or null
 * @param returnComment the comment of the last step that carried one, or null: the return's (差戻し) while
 *                      the contract is RETURNED, the reason for 取消 or 辞退 once WITHDRAWN or DECLINED (the
 *                      name stayed from when only returns had one; it is on the wire)
 */
public record ContractProgress(ContractForm form, ContractStatus status, List<PartyStep> parties, int currentParty,
        int routePosition, Instant deadline, String returnComment) {

    public ContractProgress {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(status, "status");
        parties = List.copyOf(parties);
        require(!parties.isEmpty(), "a contract has at least its sender");
        require(parties.size() <= form.maxParties(),
                form + " allows at most " + form.maxParties() + " parties, not " + parties.size());
        require(parties.get(0).receiver() == null, "the sender comes first and has no receiving user");
        Set<CompanyId> companies = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            PartyStep p = parties.get(i);
            require(companies.add(p.company()), "company " + p.company() + " is a party twice");
            require(i == 0 || p.receiver() != null, "counterparty " + p.company() + " has no receiving user");
            require(i == 0 || form != ContractForm.SEND_ONLY || p.route().isEmpty(),
                    "the recipient of a send-only contract has no approval route");
            require(p.route().stream().noneMatch(UserId::isServerSeal), "the server's seal approves nothing");
            require(p.signer() == null || !p.signer().isServerSeal() || i == 0 && form == ContractForm.SEND_ONLY,
                    "only the sender of a send-only contract is sealed instead of signed");
        }
        require(currentParty >= 0 && currentParty < parties.size(), "current party out of range");
        require(routePosition >= 0 && routePosition <= parties.get(currentParty).route().size(),
                "route position out of range");
        require(!status.isDraft() || currentParty == 0 && routePosition == 0,
                "a draft is with its sender, at the start of its route");
        require(status.isDraft() || parties.get(0).isSetUp(), "a sent contract has the sender's signer");
        checkTurn(status, parties.get(currentParty), routePosition);
        checkSignatures(form, status, parties, currentParty);
    }

    /** The party on turn is where its status says: on its route while approving, past it while signing. */
    private static void checkTurn(ContractStatus status, PartyStep current, int routePosition) {
        if (status == ContractStatus.IN_APPROVAL) {
            require(current.isSetUp() ? routePosition < current.route().size()
                    : current.route().isEmpty() && routePosition == 0,
                    "in approval the position is on the current party's route");
        }
        if (status == ContractStatus.AWAITING_SIGNATURE || status == ContractStatus.COMPLETED) {
            require(current.isSetUp() && routePosition == current.route().size(),
                    "a signature is awaited only after the whole route, from a named signer");
        }
    }

    /**
     * Parties sign in order: everyone before the current party has signed, nobody after it has, and no
     * party after it has been set up yet (it names its route and signer only once the contract reaches it).
     * The current party has signed only once the contract is completed, except the recipient of 送付のみ,
     * who acknowledges instead.
     */
    private static void checkSignatures(ContractForm form, ContractStatus status, List<PartyStep> parties,
            int currentParty) {
        boolean completed = status == ContractStatus.COMPLETED;
        require(!completed || currentParty == parties.size() - 1, "a completed contract ends at its last party");
        for (int i = 0; i < parties.size(); i++) {
            PartyStep p = parties.get(i);
            boolean shouldHaveSigned = i < currentParty
                    || i == currentParty && completed && form != ContractForm.SEND_ONLY;
            require(p.signed() == shouldHaveSigned, "party " + i + (p.signed() ? " cannot have signed yet"
                    : " must have signed by now"));
            require(i <= currentParty || !p.isSetUp() && p.route().isEmpty(),
                    "party " + i + " is set up before the contract reached it");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A new draft. */
    public static ContractProgress draft(ContractForm form, List<PartyStep> parties, Instant deadline) {
        return new ContractProgress(form, ContractStatus.DRAFT, parties, 0, 0, deadline, null);
    }

    public PartyStep sender() {
        return parties.get(0);
    }

    public PartyStep current() {
        return parties.get(currentParty);
    }

    /**
     * Whether the sender is the server's organisation seal instead of a person (ADR 34): a 送付のみ contract an
     * integration application sends. It is sealed ({@link LifecycleCommand#SEAL}) where others are signed.
     */
    public boolean sealedBySender() {
        UserId signer = sender().signer();
        return signer != null && signer.isServerSeal();
    }

    /**
     * Whether the sender's route has approved a sealed contract and the server must now seal and send it: the
     * server applies {@link LifecycleCommand#SEAL} in the same step that led here (the submit or the last approval).
     */
    public boolean awaitsSeal() {
        return status == ContractStatus.AWAITING_SIGNATURE && currentParty == 0 && sealedBySender();
    }

    /** The party whose turn it is has been reached but has not yet named its route and signer. */
    public boolean awaitingSetup() {
        return status == ContractStatus.IN_APPROVAL && !current().isSetUp();
    }

    /** The approver whose turn it is, or null. */
    public UserId currentApprover() {
        if (status != ContractStatus.IN_APPROVAL || awaitingSetup()) {
            return null;
        }
        return current().route().get(routePosition);
    }

    /** The signer (or, for 送付のみ, the recipient acknowledging) whose turn it is, or null. */
    public UserId currentSigner() {
        return status == ContractStatus.AWAITING_SIGNATURE ? current().signer() : null;
    }

    /** The companies the contract has been sent to so far, the sender included. */
    public Set<CompanyId> reached() {
        Set<CompanyId> out = new HashSet<>();
        int last = status == ContractStatus.COMPLETED ? parties.size() - 1 : status.isDraft() ? 0 : currentParty;
        for (int i = 0; i <= last; i++) {
            out.add(parties.get(i).company());
        }
        return out;
    }

    /**
     * The progress as a user of {@code viewer} may see it: of another company's party only its company, its
     * receiving user, who signs for it and whether it signed — never its internal approval route (issue 15).
     * While that party approves, its route shows as one {@link UserId#WITHHELD} approver, so the stage still
     * reads "the other company is approving" and the lifecycle rules hold; otherwise its route is empty. The
     * viewer's own party is shown whole. The server sends this to every client and API caller; it decides on
     * the whole progress itself.
     */
    public ContractProgress seenBy(CompanyId viewer) {
        List<PartyStep> shown = new ArrayList<>(parties.size());
        int position = routePosition;
        for (int i = 0; i < parties.size(); i++) {
            PartyStep p = parties.get(i);
            if (p.company().equals(viewer) || p.route().isEmpty()) {
                shown.add(p);
                continue;
            }
            boolean approving = i == currentParty && status == ContractStatus.IN_APPROVAL && p.isSetUp();
            shown.add(p.withRoute(approving ? List.of(UserId.WITHHELD) : List.of(), p.signer()));
            if (i == currentParty) {
                position = 0;
            }
        }
        return new ContractProgress(form, status, shown, currentParty, position, deadline, returnComment);
    }

    /** The same contract in another state; only {@link ContractLifecycle} moves it. */
    ContractProgress moved(ContractStatus newStatus, List<PartyStep> newParties, int party, int position,
            String comment) {
        return new ContractProgress(form, newStatus, newParties, party, position, deadline, comment);
    }

    ContractProgress moved(ContractStatus newStatus) {
        return moved(newStatus, parties, currentParty, routePosition, returnComment);
    }
}
