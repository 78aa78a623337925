package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 変更契約: which contracts a change contract starts from, and what its first draft looks like. */
class ContractAmendmentTest {

    @Test
    void aCompletedContractStartsADraftWithTheSameFormAndPartiesButNothingOfTheirProgress() {
        ContractProgress original = LifecycleFixtures.completed();

        ContractProgress amendment = LifecycleFixtures.ok(ContractLifecycle.amendment(original));

        assertThat(amendment.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(amendment.form()).isEqualTo(original.form());
        assertThat(amendment.parties()).extracting(PartyStep::company).containsExactly(SENDER, SUB);
        assertThat(amendment.sender().route()).containsExactly(S_APPROVER);
        assertThat(amendment.sender().signer()).isEqualTo(S_SIGNER);
        PartyStep counterparty = amendment.parties().get(1);
        assertThat(counterparty.receiver()).isEqualTo(SUB_RECEIVER);
        assertThat(counterparty.route()).as("the counterparty sets its route again").isEmpty();
        assertThat(counterparty.signer()).isNull();
        assertThat(amendment.parties()).noneMatch(PartyStep::signed);
        assertThat(amendment.deadline()).as("the old deadline has nothing to say about the change").isNull();
        assertThat(amendment.returnComment()).isNull();
        assertThat(amendment.reached()).containsExactly(SENDER);
    }

    @Test
    void theOriginalIsLeftAsItWas() {
        ContractProgress original = LifecycleFixtures.completed();
        ContractProgress copy = LifecycleFixtures.completed();

        ContractLifecycle.amendment(original);

        assertThat(original).isEqualTo(copy);
        assertThat(ContractLifecycle.available(original, LifecycleFixtures.NOW)).isEmpty();
    }

    @Test
    void aCompletedSendOnlyContractIsAmendedAsSendOnlyWithItsRecipientOnlyNamed() {
        ContractProgress original = LifecycleFixtures.ok(LifecycleFixtures.awaitingReceipt(),
                LifecycleCommand.ACKNOWLEDGE);

        ContractProgress amendment = LifecycleFixtures.ok(ContractLifecycle.amendment(original));

        assertThat(amendment.form()).isEqualTo(ContractForm.SEND_ONLY);
        assertThat(amendment.parties().get(1).signer()).as("set again when it reaches the recipient").isNull();
        assertThat(LifecycleFixtures.ok(amendment, LifecycleCommand.SUBMIT).status())
                .isEqualTo(ContractStatus.AWAITING_SIGNATURE);
    }

    static Stream<Arguments> notCompleted() {
        return Stream.of(
                Arguments.of("DRAFT", (Supplier<ContractProgress>) LifecycleFixtures::twoParty),
                Arguments.of("RETURNED", (Supplier<ContractProgress>) LifecycleFixtures::returnedByCounterparty),
                Arguments.of("IN_APPROVAL", (Supplier<ContractProgress>) LifecycleFixtures::inSenderApproval),
                Arguments.of("AWAITING_SIGNATURE",
                        (Supplier<ContractProgress>) LifecycleFixtures::awaitingCounterpartySignature),
                Arguments.of("WITHDRAWN", (Supplier<ContractProgress>) LifecycleFixtures::withdrawn),
                Arguments.of("DECLINED", (Supplier<ContractProgress>) LifecycleFixtures::declined),
                Arguments.of("EXPIRED", (Supplier<ContractProgress>) LifecycleFixtures::expired));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCompleted")
    void onlyACompletedContractCanBeAmended(String state, Supplier<ContractProgress> progress) {
        ContractProgress p = progress.get();
        assertThat(p.status().name()).isEqualTo(state);

        Transition t = ContractLifecycle.amendment(p);

        assertThat(t.allowed()).isFalse();
        assertThat(t.denial()).isEqualTo(LifecycleDenial.NOT_COMPLETED);
        assertThat(ContractLifecycle.canAmend(p)).isFalse();
    }

    @Test
    void canAmendAgreesWithAmendment() {
        assertThat(ContractLifecycle.canAmend(LifecycleFixtures.completed())).isTrue();
        assertThat(List.of(LifecycleDenial.NOT_COMPLETED.reasonJa(), LifecycleDenial.NOT_COMPLETED.reasonEn()))
                .allSatisfy(text -> assertThat(text).isNotBlank());
    }
}
