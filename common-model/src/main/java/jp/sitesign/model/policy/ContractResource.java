package jp.sitesign.model.policy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * The facts about one contract that decide who may see and act on it, detached from the contract
 * itself so that the policy never touches contract contents (titles, amounts, PDFs).
 *
 * <p>The same value serves every actor: it says who the current approver and signer are and whether
 * that signer has signing authority, and the policy compares them with the actor. The server fills
 * {@link #currentSignerHasSigningAuthority} from the certificate bindings at request time (a valid,
 * unexpired certificate of the current party bound to the current signer); the desktop app from its
 * last synced copy, which is good enough to enable a button.
 *
 * <p>The constructor rejects combinations that cannot happen (a current approver outside 承認中, a
 * party that is acting before the contract reached it), because a policy fed inconsistent facts could
 * allow what it should not.
 *
 * @param senderId                         the sending company, always a party
 * @param partyIds                         every party company, the sender included
 * @param reachedPartyIds                  the parties the contract has been sent to so far, the sender
 *                                         included; a counterparty sees nothing before it is reached
 * @param creatorId                        the user who created the draft
 * @param status                           the current status
 * @param receiverIds                      each counterparty's receiving user (担当者), named by the sender
 * @param approverIds                      every approver on every party's route
 * @param signerIds                        every party's assigned signer
 * @param currentPartyId                   the party whose turn it is, or {@code null} when no party is acting
 * @param currentApproverId                the approver whose turn it is, only while {@link ContractStatus#IN_APPROVAL}
 * @param currentSignerId                  the signer whose turn it is, only while {@link ContractStatus#AWAITING_SIGNATURE}
 * @param currentSignerHasSigningAuthority whether the current signer holds signing authority for the current party
 */
public record ContractResource(
        CompanyId senderId,
        Set<CompanyId> partyIds,
        Set<CompanyId> reachedPartyIds,
        UserId creatorId,
        ContractStatus status,
        Set<UserId> receiverIds,
        Set<UserId> approverIds,
        Set<UserId> signerIds,
        CompanyId currentPartyId,
        UserId currentApproverId,
        UserId currentSignerId,
        boolean currentSignerHasSigningAuthority) implements Resource {

    public ContractResource {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(creatorId, "creatorId");
        Objects.requireNonNull(status, "status");
        partyIds = Set.copyOf(partyIds);
        reachedPartyIds = Set.copyOf(reachedPartyIds);
        receiverIds = Set.copyOf(receiverIds);
        approverIds = Set.copyOf(approverIds);
        signerIds = Set.copyOf(signerIds);
        // Together these also make the sender a party.
        require(reachedPartyIds.contains(senderId), "a contract always reaches its sender");
        require(partyIds.containsAll(reachedPartyIds), "only parties can be reached");
        require(currentPartyId == null || reachedPartyIds.contains(currentPartyId),
                "the current party must have been reached");
        if (currentApproverId != null) {
            require(status == ContractStatus.IN_APPROVAL, "a current approver exists only while in approval");
            require(currentPartyId != null, "a current approver needs a current party");
            require(approverIds.contains(currentApproverId), "the current approver must be on the route");
        }
        if (currentSignerId != null) {
            require(status == ContractStatus.AWAITING_SIGNATURE,
                    "a current signer exists only while awaiting signature");
            require(currentPartyId != null, "a current signer needs a current party");
            require(signerIds.contains(currentSignerId), "the current signer must be an assigned signer");
        }
        require(!currentSignerHasSigningAuthority || currentSignerId != null,
                "signing authority is stated for the current signer only");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Starts a contract of {@code senderId} created by {@code creatorId}, in {@link ContractStatus#DRAFT},
     * with the sender as its only (and reached) party and nobody else on it.
     */
    /**
     * The facts the access policy decides on, built in this one place so that no caller assembles them
     * by hand. It lives here, above {@code contract}, so that the lifecycle does not depend on the policy.
     *
     * @param currentSignerHasAuthority whether the current signer holds signing authority for the current party
     */
    public static ContractResource of(ContractProgress progress, UserId creator, boolean currentSignerHasAuthority) {
        ContractResource.Builder b = ContractResource.builder(progress.sender().company(), creator)
                .status(progress.status());
        for (PartyStep p : progress.parties().subList(1, progress.parties().size())) {
            b.parties(p.company()).receivers(p.receiver());
        }
        progress.reached().forEach(b::reached);
        for (PartyStep p : progress.parties()) {
            p.route().forEach(b::approvers);
            if (p.signer() != null) {
                b.signers(p.signer());
            }
        }
        boolean acting = progress.status() == ContractStatus.IN_APPROVAL
                || progress.status() == ContractStatus.AWAITING_SIGNATURE;
        if (progress.currentApprover() != null) {
            b.currentApprover(progress.current().company(), progress.currentApprover());
        } else if (progress.currentSigner() != null) {
            b.currentSigner(progress.current().company(), progress.currentSigner(), currentSignerHasAuthority);
        } else if (acting) {
            b.currentParty(progress.current().company());
        }
        return b.build();
    }

    public static Builder builder(CompanyId senderId, UserId creatorId) {
        return new Builder(senderId, creatorId);
    }

    /**
     * Assembles a {@link ContractResource} without a twelve-argument constructor call. The sender is
     * always kept among the parties and the reached parties.
     */
    public static final class Builder {
        private final CompanyId senderId;
        private final UserId creatorId;
        private final Set<CompanyId> partyIds = new HashSet<>();
        private final Set<CompanyId> reachedPartyIds = new HashSet<>();
        private final Set<UserId> receiverIds = new HashSet<>();
        private final Set<UserId> approverIds = new HashSet<>();
        private final Set<UserId> signerIds = new HashSet<>();
        private ContractStatus status = ContractStatus.DRAFT;
        private CompanyId currentPartyId;
        private UserId currentApproverId;
        private UserId currentSignerId;
        private boolean currentSignerHasSigningAuthority;

        private Builder(CompanyId senderId, UserId creatorId) {
            this.senderId = Objects.requireNonNull(senderId, "senderId");
            this.creatorId = Objects.requireNonNull(creatorId, "creatorId");
            partyIds.add(senderId);
            reachedPartyIds.add(senderId);
        }

        public Builder status(ContractStatus status) {
            this.status = status;
            return this;
        }

        /** Adds counterparties (the sender is already a party). */
        public Builder parties(CompanyId... parties) {
            partyIds.addAll(Arrays.asList(parties));
            return this;
        }

        /** Marks parties the contract has been sent to (the sender is always reached). */
        public Builder reached(CompanyId... parties) {
            reachedPartyIds.addAll(Arrays.asList(parties));
            return this;
        }

        public Builder receivers(UserId... users) {
            receiverIds.addAll(Arrays.asList(users));
            return this;
        }

        public Builder approvers(UserId... users) {
            approverIds.addAll(Arrays.asList(users));
            return this;
        }

        public Builder signers(UserId... users) {
            signerIds.addAll(Arrays.asList(users));
            return this;
        }

        /** Puts {@code party} on turn with nobody named yet (it still has to set its route and signer). */
        public Builder currentParty(CompanyId party) {
            this.currentPartyId = party;
            return this;
        }

        /** Puts {@code party}'s {@code approver} on turn; the approver is added to the route if missing. */
        public Builder currentApprover(CompanyId party, UserId approver) {
            this.currentPartyId = party;
            this.currentApproverId = approver;
            approverIds.add(approver);
            return this;
        }

        /** Puts {@code party}'s {@code signer} on turn; the signer is added to the signers if missing. */
        public Builder currentSigner(CompanyId party, UserId signer, boolean hasSigningAuthority) {
            this.currentPartyId = party;
            this.currentSignerId = signer;
            this.currentSignerHasSigningAuthority = hasSigningAuthority;
            signerIds.add(signer);
            return this;
        }

        public ContractResource build() {
            return new ContractResource(senderId, partyIds, reachedPartyIds, creatorId, status,
                    receiverIds, approverIds, signerIds, currentPartyId, currentApproverId, currentSignerId,
                    currentSignerHasSigningAuthority);
        }
    }
}
