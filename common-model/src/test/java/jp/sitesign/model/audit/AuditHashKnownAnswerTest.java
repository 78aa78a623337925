package jp.sitesign.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer vectors for the audit hash format ({@code sitesign-audit-v1}). The expected values were computed
 * outside Java, with Python's hashlib over the bytes spelled out below:
 * <pre>
 * field(v) = b'\xff' if v is None else len(utf8(v)).to_bytes(4, 'big') + utf8(v)
 * hash     = sha256(field("sitesign-audit-v1") + field(previousHash) + field(str(sequence)) + field(ISO-8601 time)
 *                   + field(actor) + field(company) + field(action) + field(target) + field(outcome)
 *                   + field(clientIp) + field(details)).hexdigest()
 * </pre>
 * Logs already written, exports and the timestamps over the chain head all depend on this format: a change to
 * it (field order, a prefix, the length encoding, the time's text, the character set) must fail here instead
 * of making every stored chain look tampered with.
 */
class AuditHashKnownAnswerTest {
    private static final String FIRST_CANONICAL = "00000011736974657369676e2d61756469742d7631"
            + "00000040" + "30".repeat(64)
            + "0000000131"
            + "0000001b323032362d31322d30375430353a31353a30302e3132333435365a"
            + "00000009553030303030303031"
            + "00000009433030303030303031"
            + "000000054c4f47494e"
            + "00000009553030303030303031"
            + "0000000753554343455353"
            + "0000000a3139322e302e322e3130"
            + "ff";
    private static final String FIRST_HASH = "c98b0e5c40c0a9d867190b5209a9322975ef5bb309bab225016117fa58ac7b0b";
    private static final String SECOND_HASH = "f4a7d1b00183d5e8937c77a0a51b339676119de3d8f27d17686570d1e89f84a2";

    private static AuditEvent first() {
        return AuditChain.link(AuditChain.GENESIS, 1, Instant.parse("2026-12-07T05:15:00.123456789Z"), "U00000001",
                "C00000001", AuditAction.LOGIN, "U00000001", AuditOutcome.SUCCESS, "192.0.2.10", null);
    }

    private static AuditEvent second(String previous) {
        return AuditChain.link(previous, 2, Instant.parse("2026-12-07T05:16:00Z"), "U00000002", "C00000001",
                AuditAction.PASSWORD_CHANGED, null, AuditOutcome.FAILURE, null, "理由=期限切れ");
    }

    @Test
    void theCanonicalBytesAreLengthPrefixedUtf8FieldsWithNullAsOneFfByte() {
        AuditEvent e = first();

        byte[] canonical = AuditChain.canonical("sitesign-audit-v1", e.previousHash(), Long.toString(e.sequence()),
                e.time().toString(), e.actor(), e.companyId(), e.action().name(), e.target(), e.outcome().name(),
                e.clientIp(), e.details());

        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(FIRST_CANONICAL);
    }

    @Test
    void theFirstEventOfAChainHashesToTheKnownValueWithTheTimeCutToMicroseconds() {
        AuditEvent e = first();

        assertThat(e.time()).isEqualTo(Instant.parse("2026-12-07T05:15:00.123456Z"));
        assertThat(e.previousHash()).isEqualTo("0".repeat(64));
        assertThat(e.hash()).isEqualTo(FIRST_HASH);
        assertThat(AuditChain.hash(e)).isEqualTo(FIRST_HASH);
    }

    @Test
    void aLinkedEventWithJapaneseDetailsAndNullFieldsHashesToTheKnownValue() {
        AuditEvent e = second(FIRST_HASH);

        assertThat(e.hash()).isEqualTo(SECOND_HASH);
        assertThat(AuditChain.verify(List.of(first(), e).iterator(), 2, SECOND_HASH)).isEmpty();
    }

    @Test
    void aFieldLongerThan65535BytesWritesAllFourLengthBytes() {
        // 90,000 bytes of UTF-8: the length is 00 01 5f 90, so the second length byte is not zero.
        AuditEvent e = AuditChain.link(AuditChain.GENESIS, 7, Instant.parse("2026-12-07T05:15:00Z"), "U00000001",
                "C00000001", AuditAction.LOGIN, null, AuditOutcome.SUCCESS, null, "詳細".repeat(15_000));

        assertThat(e.hash()).isEqualTo("05982e61ea8167f52fa94b698436be5a18106981d6c70030bcd1cbfd801780d7");
    }

    @Test
    void aCheckpointMayStartFromNothingCutButNotBeforeIt() {
        assertThat(new AuditCheckpoint(0, AuditChain.GENESIS)).isEqualTo(AuditCheckpoint.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditCheckpoint(-1, AuditChain.GENESIS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loginEventsGoToTheLoginLogAndEveryActionAndOutcomeHasItsWords() {
        assertThat(AuditAction.LOGIN.isLogin()).isTrue();
        assertThat(AuditAction.LOGIN_FAILED.isLogin()).isTrue();
        assertThat(AuditAction.PASSWORD_CHANGED.isLogin()).isFalse();
        assertThat(AuditAction.LOGIN.labelJa()).isEqualTo("ログイン");
        assertThat(AuditAction.LOGIN.labelEn()).isEqualTo("Login");
        assertThat(AuditOutcome.FAILURE.labelJa()).isEqualTo("失敗");
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.labelJa()).as(action.name()).isNotBlank();
            assertThat(action.labelEn()).as(action.name()).isNotBlank();
        }
    }
}
