package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_OWNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static jp.sitesign.model.policy.PolicyFixtures.sentContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §3's table, row by row and role by role, for active users of an active company acting on
 * their own company. Each case's display name reads "ROLE | table row | what → expected".
 */
class PermissionTableTest {

    private static final Denial ALLOWED = null;
    private static final Denial ROLE = Denial.ROLE_REQUIRED;
    private static final Denial OPERATOR = Denial.OWNER_OPERATOR_ONLY;

    record Case(String name, Role role, Action action, Resource resource, Denial expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> table() {
        List<Case> cases = new ArrayList<>();
        String row = "log in with user id + password";
        add(cases, row, Action.LOGIN, "log in", me -> Resource.none(), ALLOWED, ALLOWED, ALLOWED);

        row = "edit own name, name kana, email, password";
        add(cases, row, Action.EDIT_OWN_PROFILE, "edit own profile", me -> Resource.none(), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.CHANGE_OWN_PASSWORD, "change own password", me -> Resource.none(),
                ALLOWED, ALLOWED, ALLOWED);

        row = "register, edit, suspend, delete ADMIN and MEMBER users of own company";
        add(cases, row, Action.VIEW_USERS, "list own company's users", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ROLE);

        row = "company directory to name one's own route and signer (ADR 10; DESIGN §2, not in §3's table)";
        add(cases, row, Action.VIEW_COMPANY_DIRECTORY, "see own company's directory",
                me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.VIEW_COMPANY_DIRECTORY, "see a partner company's directory",
                me -> new CompanyResource(PARTNER), Denial.OTHER_COMPANY, Denial.OTHER_COMPANY, Denial.OTHER_COMPANY);

        row = "register, edit, suspend, delete ADMIN and MEMBER users of own company";
        for (Role target : List.of(Role.ADMIN, Role.MEMBER)) {
            UserId targetId = target == Role.ADMIN ? OTHER_ADMIN : OTHER_MEMBER;
            add(cases, row, Action.REGISTER_USER, "register a new " + target, me -> new NewUserResource(OWN, target),
                    ALLOWED, ALLOWED, ROLE);
            for (Action action : List.of(Action.EDIT_USER, Action.SUSPEND_USER, Action.RESUME_USER, Action.DELETE_USER)) {
                add(cases, row, action, "on another " + target, me -> new UserResource(targetId, OWN, target),
                        ALLOWED, ALLOWED, ROLE);
            }
        }

        row = "edit, suspend or delete the OWNER (operator only)";
        for (Action action : List.of(Action.EDIT_USER, Action.SUSPEND_USER, Action.RESUME_USER, Action.DELETE_USER)) {
            add(cases, row, action, "on the OWNER", me -> new UserResource(OWN_OWNER, OWN, Role.OWNER),
                    OPERATOR, OPERATOR, ROLE);
        }
        add(cases, row, Action.REGISTER_USER, "register an OWNER", me -> new NewUserResource(OWN, Role.OWNER),
                OPERATOR, OPERATOR, ROLE);
        add(cases, row, Action.EDIT_USER, "make a MEMBER the OWNER",
                me -> new UserResource(OTHER_MEMBER, OWN, Role.MEMBER, Role.OWNER), OPERATOR, OPERATOR, ROLE);

        row = "set signing authority (bind / unbind a certificate to a user)";
        add(cases, row, Action.SET_SIGNING_AUTHORITY, "for a MEMBER",
                me -> new UserResource(OTHER_MEMBER, OWN, Role.MEMBER), ALLOWED, ALLOWED, ROLE);
        add(cases, row, Action.MANAGE_CERTIFICATES, "register and list own company's certificates",
                me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ROLE);

        row = "apply for an additional signing certificate";
        add(cases, row, Action.APPLY_FOR_CERTIFICATE, "for own company", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ROLE);

        row = "apply for API use; manage the API IP allow-list";
        add(cases, row, Action.APPLY_FOR_API_USE, "for own company", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ROLE);
        add(cases, row, Action.MANAGE_API_ALLOW_LIST, "of own company", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ROLE);

        row = "partnerships and the counterparty's 承諾 (DESIGN §2)";
        add(cases, row, Action.VIEW_PARTNERSHIPS, "of own company", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.MANAGE_PARTNERSHIPS, "of own company", me -> new CompanyResource(OWN),
                ALLOWED, ALLOWED, ROLE);

        row = "see every contract of own company, any status";
        add(cases, row, Action.VIEW_CONTRACT, "a colleague's contract they take no part in",
                me -> sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).build(),
                ALLOWED, ALLOWED, Denial.NOT_INVOLVED);

        row = "see a contract they created, or are an approver or signer on";
        add(cases, row, Action.VIEW_CONTRACT, "created by them",
                me -> sentContract(me, ContractStatus.COMPLETED).build(), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.VIEW_CONTRACT, "with them on the approval route",
                me -> sentContract(OTHER_MEMBER, ContractStatus.DECLINED).approvers(me).build(),
                ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.VIEW_CONTRACT, "with them as a signer",
                me -> sentContract(OTHER_MEMBER, ContractStatus.EXPIRED).signers(me).build(),
                ALLOWED, ALLOWED, ALLOWED);

        row = "create a draft";
        add(cases, row, Action.CREATE_DRAFT, "in own company", me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ALLOWED);

        row = "send under the organisation seal (ADR 34): integration applications only, never a person";
        add(cases, row, Action.SEND_UNDER_SEAL, "in own company", me -> new CompanyResource(OWN),
                Denial.APPLICATIONS_ONLY, Denial.APPLICATIONS_ONLY, Denial.APPLICATIONS_ONLY);

        row = "edit or delete a draft (DRAFT / RETURNED only): creator or admin | creator";
        for (Action action : List.of(Action.EDIT_DRAFT, Action.DELETE_DRAFT)) {
            add(cases, row, action, "their own draft",
                    me -> ContractResource.builder(OWN, me).build(), ALLOWED, ALLOWED, ALLOWED);
            add(cases, row, action, "a colleague's draft they approve",
                    me -> ContractResource.builder(OWN, OTHER_MEMBER).approvers(me).build(),
                    ALLOWED, ALLOWED, Denial.NOT_CREATOR);
        }

        row = "approve / return, as the route's current approver";
        add(cases, row, Action.APPROVE_OR_RETURN, "as current approver",
                me -> sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).currentApprover(OWN, me).build(),
                ALLOWED, ALLOWED, ALLOWED);

        row = "sign for own company, as the assigned signer with signing authority";
        add(cases, row, Action.SIGN, "as current signer with authority",
                me -> sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE).signers(PARTNER_MEMBER)
                        .currentSigner(OWN, me, true).build(),
                ALLOWED, ALLOWED, ALLOWED);

        row = "the party whose turn it is sets its route and signer, or declines: its receiver or admins";
        for (Action action : List.of(Action.SET_PARTY_ROUTE, Action.DECLINE)) {
            add(cases, row, action, "as the current party's receiving user",
                    me -> sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).receivers(me).currentParty(OWN)
                            .build(), ALLOWED, ALLOWED, ALLOWED);
            add(cases, row, action, "as a colleague of the receiving user who approves on the route",
                    me -> sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).approvers(me).currentParty(OWN)
                            .build(), ALLOWED, ALLOWED, Denial.NOT_CURRENT_PARTY);
            add(cases, row, action, "when it is another party's turn",
                    me -> sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).receivers(me)
                            .currentParty(PARTNER).build(),
                    Denial.NOT_CURRENT_PARTY, Denial.NOT_CURRENT_PARTY, Denial.NOT_CURRENT_PARTY);
        }

        row = "送付のみ: acknowledge receipt, as the party's named recipient (no signing authority needed)";
        add(cases, row, Action.ACKNOWLEDGE_RECEIPT, "as the current recipient",
                me -> sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE).currentSigner(OWN, me, false)
                        .build(), ALLOWED, ALLOWED, ALLOWED);

        row = "withdraw a sent contract: the sender's creator or admins";
        add(cases, row, Action.WITHDRAW, "their own", me -> sentContract(me, ContractStatus.IN_APPROVAL).build(),
                ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.WITHDRAW, "a colleague's they approve on",
                me -> sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE).approvers(me).build(),
                ALLOWED, ALLOWED, Denial.NOT_CREATOR);

        row = "start a 変更契約 from a contract: users of the sending company who see it";
        add(cases, row, Action.AMEND_CONTRACT, "their own completed contract",
                me -> sentContract(me, ContractStatus.COMPLETED).build(), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.AMEND_CONTRACT, "a colleague's completed contract they signed",
                me -> sentContract(OTHER_MEMBER, ContractStatus.COMPLETED).signers(me).build(),
                ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.AMEND_CONTRACT, "a colleague's completed contract they take no part in",
                me -> sentContract(OTHER_MEMBER, ContractStatus.COMPLETED).build(),
                ALLOWED, ALLOWED, Denial.NOT_INVOLVED);
        add(cases, row, Action.AMEND_CONTRACT, "a completed contract a partner sent them",
                me -> ContractResource.builder(PARTNER, PARTNER_MEMBER).status(ContractStatus.COMPLETED).parties(OWN)
                        .reached(OWN).receivers(me).build(),
                Denial.NOT_SENDER, Denial.NOT_SENDER, Denial.NOT_SENDER);

        row = "legal hold on a contract (issue 11): owners and admins of a party";
        add(cases, row, Action.READ_DOCUMENT, "download the PDF of a contract they created",
                me -> sentContract(me, ContractStatus.COMPLETED).build(), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.READ_DOCUMENT, "download the PDF of a colleague's contract",
                me -> sentContract(OTHER_MEMBER, ContractStatus.COMPLETED).build(), ALLOWED, ALLOWED,
                Denial.NOT_INVOLVED);
        add(cases, row, Action.SEARCH_CONTRACTS, "search own company's contracts (rows judged one by one)",
                me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.EXPORT_CONTRACTS, "export the search of own company's contracts",
                me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.EXPORT_CONTRACTS_WITH_DOCUMENTS, "export it with the PDFs",
                me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ALLOWED);
        add(cases, row, Action.SET_LEGAL_HOLD, "on their company's completed contract they made",
                me -> sentContract(me, ContractStatus.COMPLETED).build(), ALLOWED, ALLOWED, ROLE);
        add(cases, row, Action.SET_LEGAL_HOLD, "on a completed contract a partner sent them",
                me -> ContractResource.builder(PARTNER, PARTNER_MEMBER).status(ContractStatus.COMPLETED).parties(OWN)
                        .reached(OWN).receivers(me).build(), ALLOWED, ALLOWED, ROLE);

        row = "export own company's login and operation logs";
        add(cases, row, Action.VIEW_AUDIT_LOG, "view", me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ROLE);
        add(cases, row, Action.EXPORT_AUDIT_LOG, "export", me -> new CompanyResource(OWN), ALLOWED, ALLOWED, ROLE);

        row = "read notices (everyone logged in)";
        add(cases, row, Action.READ_NOTICES, "read", me -> Resource.none(), ALLOWED, ALLOWED, ALLOWED);
        return cases;
    }

    private static void add(List<Case> cases, String row, Action action, String what,
                            Function<UserId, Resource> resource, Denial owner, Denial admin, Denial member) {
        for (Role role : Role.values()) {
            Denial expected = switch (role) {
                case OWNER -> owner;
                case ADMIN -> admin;
                case MEMBER -> member;
            };
            String outcome = expected == null ? "allowed" : "denied " + expected;
            String name = role + " | " + row + " | " + action + " " + what + " → " + outcome;
            cases.add(new Case(name, role, action, resource.apply(PolicyFixtures.ownUserId(role)), expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachRoleGetsWhatTheTableSays(Case row) {
        Decision decision = AccessPolicy.decide(own(row.role()), row.action(), row.resource());

        if (row.expected() == null) {
            assertThat(decision.allowed()).as(decision.reasonEn()).isTrue();
        } else {
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.code()).isEqualTo(row.expected().code());
        }
    }

    @Test
    void tableCoversEveryAction() {
        Set<Action> covered = table().stream().map(Case::action).collect(Collectors.toSet());

        assertThat(covered).isEqualTo(EnumSet.allOf(Action.class));
    }
}
