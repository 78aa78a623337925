package jp.sitesign.model.policy;

import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;

/** Three companies and their people, shared by the policy tests so every test reads the same cast. */
final class PolicyFixtures {

    /** The actor's company in most tests; sends the contracts. */
    static final CompanyId OWN = new CompanyId("C00000001");
    /** A counterparty of OWN's contracts. */
    static final CompanyId PARTNER = new CompanyId("C00000002");
    /** A company that is party to nothing of OWN's. */
    static final CompanyId STRANGER = new CompanyId("C00000003");

    static final UserId OWN_OWNER = new UserId("U00000001");
    static final UserId OWN_ADMIN = new UserId("U00000002");
    static final UserId OWN_MEMBER = new UserId("U00000003");
    static final UserId OTHER_ADMIN = new UserId("U00000004");
    static final UserId OTHER_MEMBER = new UserId("U00000005");

    static final UserId PARTNER_ADMIN = new UserId("U00000021");
    static final UserId PARTNER_MEMBER = new UserId("U00000022");
    static final UserId STRANGER_ADMIN = new UserId("U00000031");

    private PolicyFixtures() {
    }

    /** An active, unlocked user of OWN with the given role. */
    static Actor own(Role role) {
        return active(ownUserId(role), OWN, role);
    }

    static UserId ownUserId(Role role) {
        return switch (role) {
            case OWNER -> OWN_OWNER;
            case ADMIN -> OWN_ADMIN;
            case MEMBER -> OWN_MEMBER;
        };
    }

    static Actor active(UserId userId, CompanyId companyId, Role role) {
        return new Actor(userId, companyId, role, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
    }

    /**
     * {@code actor} as it would ask for {@code action}: the actions only an integration application takes
     * (SEND_UNDER_SEAL, ADR 34) are asked by the same account acting as an application with contracts:write.
     */
    static Actor asTheActionNeeds(Actor actor, Action action) {
        if (action != Action.SEND_UNDER_SEAL) {
            return actor;
        }
        return new Actor(actor.userId(), actor.companyId(), actor.role(), actor.status(), actor.companyStatus(),
                actor.locked(), new ApplicationGrant("A00000001",
                        java.util.Set.of(jp.sitesign.model.integration.ApiScope.CONTRACTS_WRITE)));
    }

    static Decision decide(Actor actor, Action action, Resource resource) {
        return AccessPolicy.decide(actor, action, resource);
    }

    /** OWN's contract created by {@code creator}, sent to and received by PARTNER, in {@code status}. */
    static ContractResource.Builder sentContract(UserId creator, ContractStatus status) {
        return ContractResource.builder(OWN, creator).status(status).parties(PARTNER).reached(PARTNER);
    }

    /**
     * A resource on which {@code actor}, if active and administrative, is allowed {@code action}; the
     * account-state and company tests change one thing about it and expect a denial.
     */
    static Resource allowedResourceFor(Action action, Actor actor) {
        UserId me = actor.userId();
        CompanyId company = actor.companyId();
        return switch (action) {
            case LOGIN, EDIT_OWN_PROFILE, CHANGE_OWN_PASSWORD, READ_NOTICES -> Resource.none();
            case VIEW_USERS, VIEW_COMPANY_DIRECTORY, MANAGE_CERTIFICATES, APPLY_FOR_CERTIFICATE, APPLY_FOR_API_USE, MANAGE_API_ALLOW_LIST, CREATE_DRAFT, SEND_UNDER_SEAL,
                    VIEW_AUDIT_LOG, EXPORT_AUDIT_LOG, VIEW_PARTNERSHIPS, MANAGE_PARTNERSHIPS, SEARCH_CONTRACTS, EXPORT_CONTRACTS,
                    EXPORT_CONTRACTS_WITH_DOCUMENTS ->
                    new CompanyResource(company);
            case REGISTER_USER -> new NewUserResource(company, Role.MEMBER);
            case EDIT_USER, SUSPEND_USER, RESUME_USER, DELETE_USER, SET_SIGNING_AUTHORITY ->
                    new UserResource(new UserId("U00000099"), company, Role.MEMBER);
            case VIEW_CONTRACT, READ_DOCUMENT, EDIT_DRAFT, DELETE_DRAFT -> ContractResource.builder(company, me).build();
            case APPROVE_OR_RETURN -> ContractResource.builder(company, me)
                    .status(ContractStatus.IN_APPROVAL).currentApprover(company, me).build();
            case SIGN, ACKNOWLEDGE_RECEIPT -> ContractResource.builder(company, me)
                    .status(ContractStatus.AWAITING_SIGNATURE).currentSigner(company, me, true).build();
            case SET_PARTY_ROUTE, DECLINE -> ContractResource.builder(company, me)
                    .status(ContractStatus.IN_APPROVAL).currentParty(company).build();
            case WITHDRAW -> ContractResource.builder(company, me).status(ContractStatus.IN_APPROVAL).build();
            case AMEND_CONTRACT, SET_LEGAL_HOLD -> ContractResource.builder(company, me)
                    .status(ContractStatus.COMPLETED).build();
        };
    }
}
