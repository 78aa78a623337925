package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.evidence.EvidenceRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EvidenceRules} over the lifecycle's states (here, beside their fixtures): a package exists for a
 * completed contract only, and another company's internal steps never reach a party's certificate.
 */
class EvidenceAvailabilityTest {

    @Test
    void aCompletedContractHasAPackage() {
        assertThat(EvidenceRules.availability(LifecycleFixtures.completed())).isEmpty();
    }

    static Stream<Arguments> unfinished() {
        return Stream.<Supplier<ContractProgress>>of(LifecycleFixtures::twoParty, LifecycleFixtures::inSenderApproval,
                LifecycleFixtures::awaitingSenderSignature, LifecycleFixtures::awaitingCounterpartySignature,
                LifecycleFixtures::awaitingReceipt, LifecycleFixtures::withdrawn, LifecycleFixtures::declined,
                LifecycleFixtures::expired).map(s -> Arguments.of(s.get()));
    }

    @ParameterizedTest
    @MethodSource("unfinished")
    void anythingElseHasNone_sayingWhyInJapaneseAndEnglish(ContractProgress p) {
        EvidenceRules.Refusal refusal = EvidenceRules.availability(p).orElseThrow();

        assertThat(refusal.reasonJa()).contains("締結済", p.status().name());
        assertThat(refusal.reasonEn()).contains("completed", p.status().name());
    }

    @Test
    void aPartySeesAllItsOwnEventsButOnlyTheSharedStepsOfAnother() {
        String own = LifecycleFixtures.SUB.value();
        String other = LifecycleFixtures.SENDER.value();

        for (AuditAction a : AuditAction.values()) {
            assertThat(EvidenceRules.shows(LifecycleFixtures.SUB, own, a)).as(a.name()).isTrue();
        }
        assertThat(EvidenceRules.shows(LifecycleFixtures.SUB, other, AuditAction.CONTRACT_SIGNED)).isTrue();
        assertThat(EvidenceRules.shows(LifecycleFixtures.SUB, other, AuditAction.ARCHIVE_TIMESTAMP_RENEWED)).isTrue();
        assertThat(EvidenceRules.shows(LifecycleFixtures.SUB, other, AuditAction.CONTRACT_WITHDRAWN)).isTrue();
        for (AuditAction internal : new AuditAction[] {AuditAction.CONTRACT_APPROVED, AuditAction.CONTRACT_SUBMITTED,
            AuditAction.CONTRACT_RETURNED, AuditAction.PARTY_ROUTE_SET, AuditAction.DOCUMENT_OPENED,
            AuditAction.CONTRACT_UPDATED, AuditAction.CONTRACT_CREATED}) {
            assertThat(EvidenceRules.shows(LifecycleFixtures.SUB, other, internal)).as(internal.name()).isFalse();
        }
    }
}
