package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.Rule.require;

/**
 * Requirements of the contract rows. Whether the actor may see the contract at all has already been
 * settled by the cross-cutting rules; these decide who among those who see it may act.
 */
final class ContractRules {

    /** Only 下書き and 下書き（差戻し） change; in particular a completed contract is never edited or deleted. */
    static final Rule IS_DRAFT = require(ContractResource.class,
            (actor, contract) -> contract.status().isDraft(), Denial.NOT_DRAFT);

    /** Members edit only their own drafts; owners and admins also those of colleagues, never another company's. */
    static final Rule CREATOR_OR_SENDING_ADMIN = require(ContractResource.class,
            (actor, contract) -> actor.userId().equals(contract.creatorId())
                    || actor.role().isAdministrative() && actor.companyId().equals(contract.senderId()),
            Denial.NOT_CREATOR);

    /** Being an administrator is not enough: approval belongs to the approver whose turn it is. */
    static final Rule IS_CURRENT_APPROVER = require(ContractResource.class,
            (actor, contract) -> actor.userId().equals(contract.currentApproverId())
                    && actor.companyId().equals(contract.currentPartyId()),
            Denial.NOT_CURRENT_APPROVER);

    /** A signature is made for one's own company, by the signer assigned to the party whose turn it is. */
    static final Rule IS_CURRENT_SIGNER = require(ContractResource.class,
            (actor, contract) -> actor.userId().equals(contract.currentSignerId())
                    && actor.companyId().equals(contract.currentPartyId()),
            Denial.NOT_ASSIGNED_SIGNER);

    /**
     * The party whose turn it is speaks through its receiving user (担当者) or its owners and admins: they
     * set its approval route and signer, or decline the contract for it.
     */
    static final Rule SPEAKS_FOR_CURRENT_PARTY = require(ContractResource.class,
            (actor, contract) -> actor.companyId().equals(contract.currentPartyId())
                    && (actor.role().isAdministrative() || contract.receiverIds().contains(actor.userId())),
            Denial.NOT_CURRENT_PARTY);

    /** A sent contract is withdrawn by the sending company: its creator or its owners and admins. */
    static final Rule SENDER_CREATOR_OR_ADMIN = require(ContractResource.class,
            (actor, contract) -> actor.companyId().equals(contract.senderId())
                    && (actor.userId().equals(contract.creatorId()) || actor.role().isAdministrative()),
            Denial.NOT_CREATOR);

    /**
     * A 変更契約 is the sending company's new draft, so only its users start one; a counterparty sees the
     * completed contract but asks the sender for a change. Within the sender, whoever may see the original
     * may start one, as anyone may create a draft.
     */
    static final Rule OF_SENDING_COMPANY = require(ContractResource.class,
            (actor, contract) -> actor.companyId().equals(contract.senderId()), Denial.NOT_SENDER);

    /** What only a system may do in a company's name, never a person (the organisation seal, ADR 34). */
    static final Rule AN_APPLICATION = require(Resource.class, (actor, resource) -> actor.isApplication(),
            Denial.APPLICATIONS_ONLY);

    static final Rule SIGNER_HAS_AUTHORITY = require(ContractResource.class,
            (actor, contract) -> contract.currentSignerHasSigningAuthority(), Denial.NO_SIGNING_AUTHORITY);

    private ContractRules() {
    }
}
