package jp.sitesign.model.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.user.UserId;

/**
 * Where a contract stands in its workflow: status, the parties in signing order (the sender first),
 * whose turn it is and how far along that party's approval route it is. Only ids and statuses, so it is
 * stored in clear and synced as is. {@link ContractLifecycle} is the only way from one progress to the next.
 *
 * @param currentParty  index into {@link #parties} of the party whose turn it is (0 while a draft)
 * @param routePosition index into the current party's route of the approver whose turn it is
 * @param deadline      signing deadline (署名期限), or null
 * @param returnComment the comment of the last return (差戻し), shown with the draft, or null
 */
public record ContractProgress(ContractForm form, ContractStatus status, List<PartyStep> parties, int currentParty,
        int routePosition, Instant deadline, String returnComment) {

    public ContractProgress {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(status, "status");
        parties = List.copyOf(parties);
        if (parties.isEmpty() || parties.get(0).receiver() != null) {
            throw new IllegalArgumentException("the sender comes first and has no receiving user");
        }
        Set<CompanyId> companies = new HashSet<>();
        for (PartyStep p : parties) {
            if (!companies.add(p.company())) {
                throw new IllegalArgumentException("company " + p.company() + " is a party twice");
            }
        }
        if (currentParty < 0 || currentParty >= parties.size()) {
            throw new IllegalArgumentException("current party out of range");
        }
        if (routePosition < 0 || routePosition > parties.get(currentParty).route().size()) {
            throw new IllegalArgumentException("route position out of range");
        }
        if (status.isDraft() && currentParty != 0) {
            throw new IllegalArgumentException("a draft is with its sender");
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
     * The facts the access policy decides on, built in this one place so that no caller assembles them
     * by hand.
     *
     * @param currentSignerHasAuthority whether the current signer holds signing authority for the current party
     */
    public ContractResource toResource(UserId creator, boolean currentSignerHasAuthority) {
        ContractResource.Builder b = ContractResource.builder(sender().company(), creator).status(status);
        for (PartyStep p : parties.subList(1, parties.size())) {
            b.parties(p.company()).receivers(p.receiver());
        }
        reached().forEach(b::reached);
        for (PartyStep p : parties) {
            p.route().forEach(b::approvers);
            if (p.signer() != null) {
                b.signers(p.signer());
            }
        }
        boolean acting = status == ContractStatus.IN_APPROVAL || status == ContractStatus.AWAITING_SIGNATURE;
        if (currentApprover() != null) {
            b.currentApprover(current().company(), currentApprover());
        } else if (currentSigner() != null) {
            b.currentSigner(current().company(), currentSigner(), currentSignerHasAuthority);
        } else if (acting) {
            b.currentParty(current().company());
        }
        return b.build();
    }

    ContractProgress with(ContractStatus newStatus, int party, int position) {
        return new ContractProgress(form, newStatus, parties, party, position, deadline, returnComment);
    }

    ContractProgress withParties(List<PartyStep> newParties) {
        return new ContractProgress(form, status, newParties, currentParty, routePosition, deadline, returnComment);
    }

    ContractProgress withParty(int index, PartyStep step) {
        List<PartyStep> copy = new ArrayList<>(parties);
        copy.set(index, step);
        return withParties(copy);
    }

    ContractProgress returned(String comment) {
        List<PartyStep> reset = new ArrayList<>();
        reset.add(sender().withSigned(false));
        for (PartyStep p : parties.subList(1, parties.size())) {
            reset.add(PartyStep.counterparty(p.company(), p.receiver()));
        }
        return new ContractProgress(form, ContractStatus.RETURNED, reset, 0, 0, deadline, comment);
    }

    ContractProgress submitted() {
        return new ContractProgress(form, status, parties, 0, 0, deadline, null);
    }
}
