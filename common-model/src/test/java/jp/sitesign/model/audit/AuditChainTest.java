package jp.sitesign.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.sitesign.model.audit.AuditChain.Break;
import jp.sitesign.model.audit.AuditChain.Kind;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditChainTest {
    private static final int LENGTH = 5;
    private static final Instant T0 = Instant.parse("2026-11-25T12:05:09.123456Z");

    /** One chain with every nullable field both null and set somewhere. */
    private static List<AuditEvent> chain() {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= LENGTH; i++) {
            boolean odd = i % 2 == 1;
            AuditEvent e = AuditChain.link(previous, i, T0.plusSeconds(i * 61L), "U0000000" + i,
                    odd ? "C00000001" : null,
                    AuditAction.values()[i],
                    odd ? null : "U00000009",
                    i == 3 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS,
                    odd ? "192.0.2." + i : null,
                    odd ? "code=" + i : null);
            events.add(e);
            previous = e.hash();
        }
        return events;
    }

    private static Optional<Break> verify(List<AuditEvent> events) {
        return verify(events, LENGTH, chain().get(LENGTH - 1).hash());
    }

    private static Optional<Break> verify(List<AuditEvent> events, long headSequence, String headHash) {
        return AuditChain.verify(events.iterator(), headSequence, headHash);
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditEvent> events = chain();
        assertThat(events.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < LENGTH; i++) {
            assertThat(events.get(i).previousHash()).isEqualTo(events.get(i - 1).hash());
        }
        assertThat(verify(events)).isEmpty();
    }

    @Test
    void anEmptyLogVerifiesAgainstAnEmptyHead() {
        assertThat(verify(List.of(), 0, null)).isEmpty();
        assertThat(verify(List.of(), 0, "")).isEmpty();
    }

    @Test
    void anEmptyLogWithARecordedHeadIsMissingEverything() {
        assertThat(verify(List.of(), 3, "ab")).satisfies(breakAt(1, Kind.MISSING));
    }

    static Stream<Arguments> alterations() {
        List<Arguments> cases = new ArrayList<>();
        for (int seq = 1; seq <= LENGTH; seq++) {
            cases.add(Arguments.of(seq, "time + 1 µs", (UnaryOperator<AuditEvent>) e -> with(e, Field.TIME,
                    e.time().plusNanos(1_000))));
            cases.add(Arguments.of(seq, "actor", (UnaryOperator<AuditEvent>) e -> with(e, Field.ACTOR, "U99999999")));
            cases.add(Arguments.of(seq, "company id", (UnaryOperator<AuditEvent>) e -> with(e, Field.COMPANY,
                    e.companyId() == null ? "C00000002" : null)));
            cases.add(Arguments.of(seq, "action", (UnaryOperator<AuditEvent>) e -> with(e, Field.ACTION,
                    e.action() == AuditAction.LOGIN ? AuditAction.LOGOUT : AuditAction.LOGIN)));
            cases.add(Arguments.of(seq, "target", (UnaryOperator<AuditEvent>) e -> with(e, Field.TARGET,
                    e.target() == null ? "" : e.target() + "0")));
            cases.add(Arguments.of(seq, "outcome", (UnaryOperator<AuditEvent>) e -> with(e, Field.OUTCOME,
                    e.outcome() == AuditOutcome.SUCCESS ? AuditOutcome.DENIED : AuditOutcome.SUCCESS)));
            cases.add(Arguments.of(seq, "client ip", (UnaryOperator<AuditEvent>) e -> with(e, Field.IP,
                    e.clientIp() == null ? "198.51.100.7" : "192.0.2.200")));
            cases.add(Arguments.of(seq, "details", (UnaryOperator<AuditEvent>) e -> with(e, Field.DETAILS,
                    e.details() == null ? "" : e.details() + " ")));
            cases.add(Arguments.of(seq, "stored hash", (UnaryOperator<AuditEvent>) e -> with(e, Field.HASH,
                    flipLastHexDigit(e.hash()))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "event #{0}: {1}")
    @MethodSource("alterations")
    void anyAlteredFieldOfAnyEventIsReportedAsAlteredAtThatEvent(int seq, String field, UnaryOperator<AuditEvent> change) {
        List<AuditEvent> events = chain();
        events.set(seq - 1, change.apply(events.get(seq - 1)));
        assertThat(verify(events)).satisfies(breakAt(seq, Kind.ALTERED));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void aChangedPreviousHashIsReportedAsOutOfPlace(int seq) {
        List<AuditEvent> events = chain();
        AuditEvent e = events.get(seq - 1);
        events.set(seq - 1, with(e, Field.PREVIOUS, flipLastHexDigit(e.previousHash())));
        assertThat(verify(events)).satisfies(breakAt(seq, Kind.OUT_OF_PLACE));
    }

    @Test
    void anAlteredEventWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditEvent> events = chain();
        AuditEvent e = events.get(1);
        events.set(1, AuditChain.link(e.previousHash(), e.sequence(), e.time(), "U99999999", e.companyId(),
                e.action(), e.target(), e.outcome(), e.clientIp(), e.details()));
        assertThat(verify(events)).satisfies(breakAt(3, Kind.OUT_OF_PLACE));
    }

    @Test
    void theLastEventRewrittenWithARecomputedHashIsCaughtByTheHead() {
        List<AuditEvent> events = chain();
        AuditEvent e = events.get(LENGTH - 1);
        events.set(LENGTH - 1, AuditChain.link(e.previousHash(), e.sequence(), e.time(), "U99999999", e.companyId(),
                e.action(), e.target(), e.outcome(), e.clientIp(), e.details()));
        assertThat(verify(events)).satisfies(breakAt(LENGTH, Kind.ALTERED));
    }

    @ParameterizedTest(name = "deleting event #{0}")
    @ValueSource(ints = {1, 3, LENGTH})
    void aDeletedEventIsReportedAsMissing(int seq) {
        List<AuditEvent> events = chain();
        events.remove(seq - 1);
        assertThat(verify(events)).satisfies(breakAt(seq, Kind.MISSING));
    }

    @Test
    void anInsertedEventIsReportedAsOutOfPlace() {
        List<AuditEvent> events = chain();
        AuditEvent second = events.get(1);
        AuditEvent forged = AuditChain.link(second.hash(), 3, second.time().plusSeconds(1), "U00000008", null,
                AuditAction.LOGIN, null, AuditOutcome.SUCCESS, null, null);
        events.add(2, forged);
        // the forged #3 links correctly; the original #3 then appears a second time
        assertThat(verify(events)).satisfies(breakAt(3, Kind.OUT_OF_PLACE));
    }

    @Test
    void anEventAppendedAfterTheRecordedHeadIsReportedAsOutOfPlace() {
        List<AuditEvent> events = chain();
        AuditEvent last = events.get(LENGTH - 1);
        events.add(AuditChain.link(last.hash(), LENGTH + 1, last.time().plusSeconds(1), "U00000008", null,
                AuditAction.LOGIN, null, AuditOutcome.SUCCESS, null, null));
        assertThat(verify(events)).satisfies(breakAt(LENGTH + 1, Kind.OUT_OF_PLACE));
    }

    @Test
    void anInsertionWithTheRestOfTheChainRebuiltIsCaughtByTheHead() {
        List<AuditEvent> original = chain();
        List<AuditEvent> forged = new ArrayList<>(original.subList(0, 2));
        forged.add(AuditChain.link(forged.get(1).hash(), 3, T0, "U00000008", null, AuditAction.LOGIN, null,
                AuditOutcome.SUCCESS, null, null));
        for (AuditEvent e : original.subList(2, LENGTH)) {
            AuditEvent prev = forged.get(forged.size() - 1);
            forged.add(AuditChain.link(prev.hash(), prev.sequence() + 1, e.time(), e.actor(), e.companyId(),
                    e.action(), e.target(), e.outcome(), e.clientIp(), e.details()));
        }
        assertThat(verify(forged)).satisfies(breakAt(LENGTH + 1, Kind.OUT_OF_PLACE));
    }

    @Test
    void twoEventsSwappedInTheLogAreReportedAsOutOfPlace() {
        // The server reads the log ORDER BY seq, so a swap is an exchange of sequence numbers.
        List<AuditEvent> events = chain();
        AuditEvent second = events.get(1);
        AuditEvent fourth = events.get(3);
        events.set(1, with(fourth, Field.SEQUENCE, 2L));
        events.set(3, with(second, Field.SEQUENCE, 4L));
        assertThat(verify(events)).satisfies(breakAt(2, Kind.OUT_OF_PLACE));
    }

    @Test
    void aChangedSequenceNumberIsDetected() {
        List<AuditEvent> events = chain();
        events.set(2, with(events.get(2), Field.SEQUENCE, 4L));
        assertThat(verify(events)).satisfies(breakAt(3, Kind.MISSING));

        List<AuditEvent> again = chain();
        again.set(2, with(again.get(2), Field.SEQUENCE, 2L));
        assertThat(verify(again)).satisfies(breakAt(2, Kind.OUT_OF_PLACE));
    }

    @Test
    void aHeadHashThatDoesNotMatchTheLastEventIsReportedAsAltered() {
        List<AuditEvent> events = chain();
        assertThat(verify(events, LENGTH, flipLastHexDigit(events.get(LENGTH - 1).hash())))
                .satisfies(breakAt(LENGTH, Kind.ALTERED));
        assertThat(verify(events, LENGTH, events.get(LENGTH - 2).hash())).satisfies(breakAt(LENGTH, Kind.ALTERED));
    }

    @Test
    void aHeadSequenceBeyondTheLastEventIsReportedAsMissing() {
        List<AuditEvent> events = chain();
        assertThat(verify(events, LENGTH + 2, events.get(LENGTH - 1).hash())).satisfies(breakAt(LENGTH + 1, Kind.MISSING));
    }

    @Test
    void aHeadSequenceBeforeTheLastEventIsReportedAsOutOfPlace() {
        List<AuditEvent> events = chain();
        assertThat(verify(events, LENGTH - 1, events.get(LENGTH - 2).hash()))
                .satisfies(breakAt(LENGTH, Kind.OUT_OF_PLACE));
    }

    @Test
    void theBreakDescriptionNamesTheEvent() {
        List<AuditEvent> events = chain();
        events.remove(2);
        assertThat(verify(events)).get().extracting(Break::description).asString().contains("#3");
    }

    /**
     * The canonical form is a stored format: changing it would make every existing log fail verification.
     * The value was computed once from the documented form (length-prefixed UTF-8 fields, 0xFF for null).
     */
    @Test
    void theHashOfAKnownEventIsPinned() {
        AuditEvent e = AuditChain.link(AuditChain.GENESIS, 1, Instant.parse("2026-11-25T12:05:09.123456789Z"),
                "U01234567", "C01234567", AuditAction.LOGIN, null, AuditOutcome.SUCCESS, "192.0.2.1", "利用者");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T12:05:09.123456Z"));
        assertThat(e.hash()).isEqualTo(PINNED_HASH);
    }

    private static final String PINNED_HASH = "374074e1936e4d3651234a446e68ab2800bd05fa9301202819cef26664155605";

    @Test
    void theHashDependsOnlyOnContent() {
        AuditEvent a = chain().get(2);
        AuditEvent b = chain().get(2);
        assertThat(a).isNotSameAs(b);
        assertThat(AuditChain.hash(a)).isEqualTo(a.hash()).isEqualTo(b.hash()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void timesAreKeptToTheMicrosecondSoDatabaseRoundTripsDoNotBreakTheChain() {
        AuditEvent e = chain().get(0);
        AuditEvent fromDb = with(e, Field.TIME, e.time().plusNanos(999));
        assertThat(AuditChain.hash(fromDb)).isEqualTo(e.hash());
        assertThat(AuditChain.truncate(Instant.parse("2026-01-01T00:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void lengthPrefixesKeepAdjacentFieldsApart() {
        assertThat(hashWithTargetAndIp("ab", "c")).isNotEqualTo(hashWithTargetAndIp("a", "bc"));
        assertThat(hashWithTargetAndIp("", "abc")).isNotEqualTo(hashWithTargetAndIp("abc", ""));
    }

    @Test
    void nullAndEmptyFieldsHashDifferently() {
        assertThat(hashWithTargetAndIp(null, "x")).isNotEqualTo(hashWithTargetAndIp("", "x"));
        assertThat(hashWithTargetAndIp(null, null)).isNotEqualTo(hashWithTargetAndIp("", ""));
    }

    private static String hashWithTargetAndIp(String target, String ip) {
        return AuditChain.link(AuditChain.GENESIS, 1, T0, "U01234567", "C01234567", AuditAction.USER_UPDATED, target,
                AuditOutcome.SUCCESS, ip, "x").hash();
    }

    @Test
    void whatARetentionCutKeepsVerifiesFromItsCheckpoint() {
        List<AuditEvent> all = chain();
        List<AuditEvent> kept = all.subList(2, LENGTH);
        AuditCheckpoint cut = new AuditCheckpoint(2, all.get(1).hash());
        String head = all.get(LENGTH - 1).hash();

        assertThat(AuditChain.verify(kept.iterator(), cut, LENGTH, head)).isEmpty();
        assertThat(AuditChain.verify(List.<AuditEvent>of().iterator(), cut, 2, cut.hash())).as("everything cut")
                .isEmpty();
        assertThat(verify(kept)).as("without the checkpoint the cut events are missing").satisfies(breakAt(1, Kind.MISSING));
    }

    @Test
    void anAlteredCheckpointOrOneMovedPastACutEventIsReported() {
        List<AuditEvent> all = chain();
        List<AuditEvent> kept = all.subList(2, LENGTH);
        String head = all.get(LENGTH - 1).hash();

        assertThat(AuditChain.verify(kept.iterator(), new AuditCheckpoint(2, flipLastHexDigit(all.get(1).hash())),
                LENGTH, head)).satisfies(breakAt(3, Kind.ALTERED));
        assertThat(AuditChain.verify(kept.iterator(), new AuditCheckpoint(1, all.get(0).hash()), LENGTH, head))
                .as("event #2 was cut but the checkpoint says only #1 was").satisfies(breakAt(2, Kind.MISSING));
        assertThat(AuditChain.verify(all.iterator(), new AuditCheckpoint(2, all.get(1).hash()), LENGTH, head))
                .as("events before the checkpoint are still there").satisfies(breakAt(1, Kind.OUT_OF_PLACE));
    }

    /** A check on what matters in a break, its place and kind; the wording of the description may change. */
    private static ThrowingConsumer<Optional<Break>> breakAt(long sequence, Kind kind) {
        return actual -> assertThat(actual).get()
                .extracting(Break::sequence, Break::kind)
                .containsExactly(sequence, kind);
    }

    private enum Field { SEQUENCE, TIME, ACTOR, COMPANY, ACTION, TARGET, OUTCOME, IP, DETAILS, PREVIOUS, HASH }

    /** A copy of {@code e} with one field replaced and the stored hash kept, as a database edit would leave it. */
    private static AuditEvent with(AuditEvent e, Field field, Object v) {
        return new AuditEvent(
                field == Field.SEQUENCE ? (Long) v : e.sequence(),
                field == Field.TIME ? (Instant) v : e.time(),
                field == Field.ACTOR ? (String) v : e.actor(),
                field == Field.COMPANY ? (String) v : e.companyId(),
                field == Field.ACTION ? (AuditAction) v : e.action(),
                field == Field.TARGET ? (String) v : e.target(),
                field == Field.OUTCOME ? (AuditOutcome) v : e.outcome(),
                field == Field.IP ? (String) v : e.clientIp(),
                field == Field.DETAILS ? (String) v : e.details(),
                field == Field.PREVIOUS ? (String) v : e.previousHash(),
                field == Field.HASH ? (String) v : e.hash());
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    @Test
    void eachBreakNamesTheRightEventsInItsDescription() {
        List<AuditEvent> events = chain();
        AuditEvent third = events.get(2);
        events.set(2, AuditChain.link("f".repeat(64), 3, third.time(), third.actor(), third.companyId(), third.action(),
                third.target(), third.outcome(), third.clientIp(), third.details()));
        assertThat(verify(events)).contains(new Break(3, Kind.OUT_OF_PLACE,
                "event #3 does not follow event #2 (inserted or reordered)"));

        List<AuditEvent> cutShort = chain().subList(0, 3);
        assertThat(verify(cutShort)).contains(new Break(4, Kind.MISSING, "events from #4 to #5 are missing (deleted)"));

        assertThat(verify(chain(), 4, chain().get(3).hash())).contains(new Break(5, Kind.OUT_OF_PLACE,
                "event #5 was added after the recorded end of the log (inserted)"));
    }
}
