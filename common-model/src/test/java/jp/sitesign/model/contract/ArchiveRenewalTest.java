package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The archive-timestamp renewal: the one write a completed contract takes, and nothing else's. */
class ArchiveRenewalTest {

    @Test
    void aCompletedContractIsRenewedAsItIs_andStillAcceptsNoUserCommand() {
        ContractProgress completed = LifecycleFixtures.completed();

        Transition t = ContractLifecycle.archiveRenewal(completed);

        assertThat(t.allowed()).isTrue();
        assertThat(t.next()).isEqualTo(completed);
        assertThat(ContractLifecycle.available(completed, LifecycleFixtures.NOW)).as("no user action").isEmpty();
        for (LifecycleCommand command : LifecycleCommand.values()) {
            if (command != LifecycleCommand.SET_PARTY_ROUTE) {
                assertThat(ContractLifecycle.apply(completed, command, LifecycleFixtures.NOW).allowed())
                        .as(command.name()).isFalse();
            }
        }
    }

    static Stream<Arguments> notCompleted() {
        return Stream.of(
                Arguments.of("DRAFT", (Supplier<ContractProgress>) LifecycleFixtures::twoParty),
                Arguments.of("AWAITING_SIGNATURE",
                        (Supplier<ContractProgress>) LifecycleFixtures::awaitingCounterpartySignature),
                Arguments.of("WITHDRAWN", (Supplier<ContractProgress>) LifecycleFixtures::withdrawn),
                Arguments.of("DECLINED", (Supplier<ContractProgress>) LifecycleFixtures::declined),
                Arguments.of("EXPIRED", (Supplier<ContractProgress>) LifecycleFixtures::expired));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCompleted")
    void onlyACompletedContractHasItsArchiveTimestampRenewed(String state, Supplier<ContractProgress> progress) {
        ContractProgress p = progress.get();
        assertThat(p.status().name()).isEqualTo(state);

        Transition t = ContractLifecycle.archiveRenewal(p);

        assertThat(t.allowed()).isFalse();
        assertThat(t.denial()).isEqualTo(LifecycleDenial.NOT_ARCHIVED);
    }
}
