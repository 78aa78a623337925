package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.company.CompanyId;
import org.junit.jupiter.api.Test;

class VersionSharingTest {
    private static final CompanyId SENDER = new CompanyId("C10000001");
    private static final CompanyId PARTY = new CompanyId("C20000002");

    @Test
    void onlyASentContractSharesItsCurrentDocuments() {
        assertThat(VersionSharing.sharesCurrentDocuments(ContractStatus.DRAFT)).isFalse();
        assertThat(VersionSharing.sharesCurrentDocuments(ContractStatus.RETURNED)).isFalse();
        assertThat(VersionSharing.sharesCurrentDocuments(ContractStatus.AWAITING_SIGNATURE)).isTrue();
        assertThat(VersionSharing.sharesCurrentDocuments(ContractStatus.IN_APPROVAL)).isTrue();
        assertThat(VersionSharing.sharesCurrentDocuments(ContractStatus.COMPLETED)).isTrue();
    }

    @Test
    void theSenderSeesEveryVersion_anotherPartyOnlyTheSharedOnes() {
        assertThat(VersionSharing.visible(SENDER, SENDER, false)).isTrue();
        assertThat(VersionSharing.visible(PARTY, SENDER, false)).isFalse();
        assertThat(VersionSharing.visible(PARTY, SENDER, true)).isTrue();
    }
}
