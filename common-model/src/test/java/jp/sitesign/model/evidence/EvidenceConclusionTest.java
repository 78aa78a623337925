package jp.sitesign.model.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A certificate says how the contract was concluded, from the events it states (ADR 24, ADR 34). */
class EvidenceConclusionTest {

    private static EvidenceStatement with(String... actions) {
        List<EvidenceStatement.StatedEvent> events = java.util.Arrays.stream(actions)
                .map(a -> new EvidenceStatement.StatedEvent(1, "2026-12-01T10:00:00+09:00", "U10000001", "C10000001",
                        a, a, a, "SUCCESS", null))
                .toList();
        return new EvidenceStatement(EvidenceStatement.FORMAT, "k", "PO-1", "注文書", List.of(), "00", 1, List.of(),
                events, Map.of(), "2026-12-01T10:00:00+09:00", "C10000001");
    }

    @Test
    void sealedSendOnly_signedSendOnly_andSignedByAllAreToldApart() {
        assertThat(with("CONTRACT_SUBMITTED", "CONTRACT_SEALED", "RECEIPT_ACKNOWLEDGED").conclusion())
                .isEqualTo(EvidenceStatement.Conclusion.SEALED_AND_ACKNOWLEDGED);
        assertThat(with("CONTRACT_SIGNED", "RECEIPT_ACKNOWLEDGED").conclusion())
                .isEqualTo(EvidenceStatement.Conclusion.SIGNED_AND_ACKNOWLEDGED);
        assertThat(with("CONTRACT_SIGNED", "CONTRACT_SIGNED").conclusion())
                .isEqualTo(EvidenceStatement.Conclusion.SIGNED_BY_ALL);
    }

    @Test
    void theConclusionIsNotWrittenIntoTheJson_soOldStatementsStillRead() throws Exception {
        EvidenceStatement s = with("CONTRACT_SEALED");
        assertThat(new String(s.toJson(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("conclusion");
        assertThat(EvidenceStatement.fromJson(s.toJson())).isEqualTo(s);
    }
}
