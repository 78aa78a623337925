package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.CREATOR;
import static jp.sitesign.model.contract.LifecycleFixtures.NOW;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.workflow.ContractOptions.Option;
import jp.sitesign.model.workflow.ContractOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The buttons' verdicts: the lifecycle's reason for the state, else the policy's for the person. */
class ContractOptionsTest {

    private static Actor member(UserId id, CompanyId company) {
        return new Actor(id, company, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
    }

    private static Map<LifecycleCommand, Option> options(Actor who, ContractProgress p) {
        return ContractOptions.of(who, p, CREATOR, true, NOW).stream()
                .collect(Collectors.toMap(Option::command, o -> o));
    }

    @Test
    void theCreatorOfADraftMayEditSubmitAndDelete_andIsToldWhyNotTheRest() {
        Map<LifecycleCommand, Option> o = options(member(CREATOR, SENDER), LifecycleFixtures.twoParty());

        assertThat(o.get(LifecycleCommand.EDIT).allowed()).isTrue();
        assertThat(o.get(LifecycleCommand.SUBMIT).allowed()).isTrue();
        assertThat(o.get(LifecycleCommand.DELETE).allowed()).isTrue();
        assertThat(o.get(LifecycleCommand.APPROVE)).satisfies(x -> {
            assertThat(x.allowed()).isFalse();
            assertThat(x.code()).isEqualTo(LifecycleDenial.NOT_IN_APPROVAL.name());
            assertThat(x.reasonJa()).contains("承認中ではない");
        });
        assertThat(o.get(LifecycleCommand.WITHDRAW).code()).isEqualTo(LifecycleDenial.NEVER_SENT.name());
    }

    @Test
    void anotherMemberSeesTheDraftsButtonsDisabledWithThePolicysReason() {
        Option edit = options(member(S_SIGNER, SENDER), LifecycleFixtures.twoParty()).get(LifecycleCommand.EDIT);
        assertThat(edit.allowed()).isFalse();
        assertThat(edit.code()).isNotEqualTo("ALLOWED");
        assertThat(edit.reasonJa()).isNotBlank();
        assertThat(edit.reasonEn()).isNotBlank();
    }

    @Test
    void onlyTheApproverOnTurnMayApproveOrReturn() {
        ContractProgress p = LifecycleFixtures.inSenderApproval();
        assertThat(options(member(S_APPROVER, SENDER), p).get(LifecycleCommand.APPROVE).allowed()).isTrue();
        assertThat(options(member(S_APPROVER, SENDER), p).get(LifecycleCommand.RETURN).allowed()).isTrue();
        assertThat(options(member(CREATOR, SENDER), p).get(LifecycleCommand.APPROVE).allowed()).isFalse();
    }

    @Test
    void aCompletedContractOffersNothing() {
        assertThat(ContractOptions.of(member(CREATOR, SENDER), LifecycleFixtures.completed(), CREATOR, true, NOW))
                .allSatisfy(o -> {
                    assertThat(o.allowed()).isFalse();
                    assertThat(o.code()).isEqualTo(LifecycleDenial.FINAL.name());
                });
    }

    static List<Supplier<ContractProgress>> states() {
        return List.of(LifecycleFixtures::twoParty, LifecycleFixtures::sendOnly, LifecycleFixtures::inSenderApproval,
                LifecycleFixtures::awaitingSenderSignature, LifecycleFixtures::awaitingCounterpartySetUp,
                LifecycleFixtures::inCounterpartyApproval, LifecycleFixtures::awaitingCounterpartySignature,
                LifecycleFixtures::returnedByCounterparty, LifecycleFixtures::awaitingReceipt,
                LifecycleFixtures::withdrawn, LifecycleFixtures::declined, LifecycleFixtures::expired);
    }

    /** Whatever a button offers, the lifecycle really accepts: enabled never means "refused after the click". */
    @ParameterizedTest
    @MethodSource("states")
    void everyAllowedOptionIsAcceptedByTheLifecycle(Supplier<ContractProgress> state) {
        ContractProgress p = state.get();
        for (Actor who : List.of(member(CREATOR, SENDER), member(S_APPROVER, SENDER), member(S_SIGNER, SENDER),
                member(SUB_RECEIVER, SUB),
                new Actor(new UserId("U10000009"), SENDER, Role.ADMIN, UserStatus.ACTIVE, CompanyStatus.ACTIVE,
                        false))) {
            for (Option o : ContractOptions.of(who, p, CREATOR, true, NOW)) {
                if (!o.allowed()) {
                    assertThat(o.reasonJa()).as(o.toString()).isNotBlank();
                    continue;
                }
                Transition t = switch (o.command()) {
                    case RETURN -> ContractLifecycle.returnToSender(p, "コメント");
                    case SET_PARTY_ROUTE -> null;
                    default -> ContractLifecycle.apply(p, o.command(), NOW);
                };
                if (t != null) {
                    assertThat(t.allowed()).as(who + " " + o).isTrue();
                }
            }
        }
    }
}
