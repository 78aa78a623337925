package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.STRANGER;
import static jp.sitesign.model.policy.PolicyFixtures.allowedResourceFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Integration applications: their scopes bound what they may do, inside their own company only. */
class ApplicationScopeTest {

    private static Actor application(CompanyStatus companyStatus, ApiScope... scopes) {
        return new Actor(OWN_ADMIN, OWN, Role.ADMIN, UserStatus.ACTIVE, companyStatus, false,
                new ApplicationGrant("A00000001", scopes.length == 0 ? Set.of() : EnumSet.of(scopes[0], scopes)));
    }

    private static Actor application(ApiScope... scopes) {
        return application(CompanyStatus.ACTIVE, scopes);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void everyActionNeedsItsScope_andAllScopesStillLeavePeoplesWorkToPeople(Action action) {
        Actor all = application(ApiScope.values());
        Actor none = application();
        Resource target = allowedResourceFor(action, all);

        Decision withAll = AccessPolicy.decide(all, action, target);
        Decision withNone = AccessPolicy.decide(none, action, target);

        if (!ApplicationRules.scopesFor(action).isEmpty()) {
            assertThat(withAll.allowed()).as(withAll.reasonEn()).isTrue();
            assertThat(withNone.code()).isEqualTo(Denial.SCOPE_MISSING.code());
        } else {
            assertThat(withAll.code()).isEqualTo(Denial.NOT_FOR_APPLICATIONS.code());
            assertThat(withNone.code()).isEqualTo(Denial.NOT_FOR_APPLICATIONS.code());
        }
    }

    @Test
    void oneScopeOpensOnlyItsOwnActions() {
        Actor reader = application(ApiScope.CONTRACTS_READ);
        Resource contract = ContractResource.builder(OWN, OWN_ADMIN).status(ContractStatus.COMPLETED).build();

        assertThat(AccessPolicy.decide(reader, Action.VIEW_CONTRACT, contract).allowed()).isTrue();
        assertThat(AccessPolicy.decide(reader, Action.READ_DOCUMENT, contract).code())
                .isEqualTo(Denial.SCOPE_MISSING.code());
        assertThat(AccessPolicy.decide(reader, Action.CREATE_DRAFT, new CompanyResource(OWN)).code())
                .isEqualTo(Denial.SCOPE_MISSING.code());
        assertThat(AccessPolicy.decide(reader, Action.VIEW_USERS, new CompanyResource(OWN)).code())
                .isEqualTo(Denial.SCOPE_MISSING.code());
    }

    @Test
    void onlyAnApplicationWithContractsWriteSendsUnderTheOrganisationSeal_neverAPerson() {
        CompanyResource own = new CompanyResource(OWN);
        assertThat(AccessPolicy.decide(application(ApiScope.CONTRACTS_WRITE), Action.SEND_UNDER_SEAL, own).allowed())
                .isTrue();
        assertThat(AccessPolicy.decide(application(ApiScope.CONTRACTS_READ), Action.SEND_UNDER_SEAL, own).code())
                .isEqualTo(Denial.SCOPE_MISSING.code());
        assertThat(AccessPolicy.decide(PolicyFixtures.own(Role.OWNER), Action.SEND_UNDER_SEAL, own).code())
                .as("the owner, as a person, signs").isEqualTo(Denial.APPLICATIONS_ONLY.code());
    }

    @Test
    void anExportNeedsExportAndContractsRead_andWithThePdfsDocumentsToo() {
        Resource company = new CompanyResource(OWN);

        assertThat(AccessPolicy.decide(application(ApiScope.EXPORT), Action.EXPORT_CONTRACTS, company).code())
                .as("an export shows what a search shows").isEqualTo(Denial.SCOPE_MISSING.code());
        Actor exporter = application(ApiScope.EXPORT, ApiScope.CONTRACTS_READ);
        assertThat(AccessPolicy.decide(exporter, Action.EXPORT_CONTRACTS, company).allowed()).isTrue();
        assertThat(AccessPolicy.decide(exporter, Action.EXPORT_CONTRACTS_WITH_DOCUMENTS, company).code())
                .isEqualTo(Denial.SCOPE_MISSING.code());
        assertThat(AccessPolicy.decide(application(ApiScope.EXPORT, ApiScope.CONTRACTS_READ, ApiScope.DOCUMENTS_READ),
                Action.EXPORT_CONTRACTS_WITH_DOCUMENTS, company).allowed()).isTrue();
    }

    @Test
    void anotherCompanysDataIsRefusedWhateverTheScopes() {
        Actor all = application(ApiScope.values());

        assertThat(AccessPolicy.decide(all, Action.VIEW_USERS, new CompanyResource(STRANGER)).code())
                .isEqualTo(Denial.OTHER_COMPANY.code());
        Resource theirs = ContractResource.builder(STRANGER, PolicyFixtures.STRANGER_ADMIN).build();
        assertThat(AccessPolicy.decide(all, Action.VIEW_CONTRACT, theirs).code()).isEqualTo(Denial.OTHER_COMPANY.code());
        Resource notYetSentToUs = ContractResource.builder(PARTNER, PolicyFixtures.PARTNER_ADMIN).parties(OWN).build();
        assertThat(AccessPolicy.decide(all, Action.VIEW_CONTRACT, notYetSentToUs).code())
                .isEqualTo(Denial.OTHER_COMPANY.code());
    }

    @Test
    void aTerminatedCompanysApplicationMayStillOnlyRead() {
        Actor all = application(CompanyStatus.TERMINATED, ApiScope.values());

        assertThat(AccessPolicy.decide(all, Action.EXPORT_CONTRACTS, new CompanyResource(OWN)).allowed()).isTrue();
        assertThat(AccessPolicy.decide(all, Action.CREATE_DRAFT, new CompanyResource(OWN)).code())
                .isEqualTo(Denial.COMPANY_READ_ONLY.code());
    }
}
