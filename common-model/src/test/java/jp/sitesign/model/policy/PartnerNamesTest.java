package jp.sitesign.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

class PartnerNamesTest {
    static final CompanyId A = new CompanyId("C00000001");
    static final CompanyId B = new CompanyId("C00000002");
    static final UserId A_APPROVER = new UserId("U00000101");
    static final UserId A_SIGNER = new UserId("U00000102");
    static final UserId B_RECEIVER = new UserId("U00000201");
    static final UserId B_APPROVER = new UserId("U00000202");
    static final UserId B_SIGNER = new UserId("U00000203");

    @Test
    void theSenderLearnsTheCounterpartysReceiverAndSignerButNeverItsApprovers() {
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL,
                List.of(new PartyStep(A, null, List.of(A_APPROVER), A_SIGNER, true),
                        new PartyStep(B, B_RECEIVER, List.of(B_APPROVER), B_SIGNER, false)), 1, 0, null, null);
        assertThat(PartnerNames.namedFor(A, p)).containsOnlyKeys(B_RECEIVER, B_SIGNER)
                .containsEntry(B_RECEIVER, B).containsEntry(B_SIGNER, B);
    }

    @Test
    void theCounterpartyLearnsTheSendersSignerNotItsApproversAndNotItsOwnPeople() {
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE,
                List.of(new PartyStep(A, null, List.of(A_APPROVER), A_SIGNER, true),
                        new PartyStep(B, B_RECEIVER, List.of(B_APPROVER), B_SIGNER, false)), 1, 1, null, null);
        assertThat(PartnerNames.namedFor(B, p)).containsOnlyKeys(A_SIGNER).containsEntry(A_SIGNER, A);
    }

    @Test
    void theWithheldApproverIsNobodyToName() {
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL,
                List.of(new PartyStep(A, null, List.of(), A_SIGNER, true),
                        new PartyStep(B, B_RECEIVER, List.of(B_APPROVER), B_SIGNER, false)), 1, 0, null, null);
        assertThat(p.seenBy(A).parties().get(1).route()).containsExactly(UserId.WITHHELD);
        assertThat(PartnerNames.namedFor(A, p)).containsOnlyKeys(B_RECEIVER, B_SIGNER);
    }

    @Test
    void theServerSealIsNobodyToName() {
        ContractProgress p = new ContractProgress(ContractForm.SEND_ONLY, ContractStatus.AWAITING_SIGNATURE,
                List.of(new PartyStep(A, null, List.of(), UserId.SERVER_SEAL, true),
                        new PartyStep(B, B_RECEIVER, List.of(), B_RECEIVER, false)), 1, 0, null, null);
        assertThat(PartnerNames.namedFor(B, p)).isEmpty();
        assertThat(PartnerNames.namedFor(A, p)).containsOnlyKeys(B_RECEIVER);
    }
}
