package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.AFTER_DEADLINE;
import static jp.sitesign.model.contract.LifecycleFixtures.NOW;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command in every state: the next status when the transition exists, GONE for a deletion, or
 * the exact refusal. One row per state a contract can be in (with the party on turn where it matters).
 * EXPIRE is tried after the deadline and the others before it, so that a refusal shown here is the
 * state's, not the clock's; the deadline rules have their own tests.
 */
class ContractLifecycleTableTest {
    private static final LifecycleCommand[] COLUMNS = {
        LifecycleCommand.EDIT, LifecycleCommand.DELETE, LifecycleCommand.SUBMIT, LifecycleCommand.SET_PARTY_ROUTE,
        LifecycleCommand.APPROVE, LifecycleCommand.RETURN, LifecycleCommand.SIGN, LifecycleCommand.ACKNOWLEDGE,
        LifecycleCommand.WITHDRAW, LifecycleCommand.DECLINE, LifecycleCommand.EXPIRE};

    private static final String F = "FINAL";

    /** Columns in the order of {@link #COLUMNS}. */
    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static {
        row("DRAFT", LifecycleFixtures::twoParty,
                "DRAFT", "GONE", "IN_APPROVAL", "NOT_SENT", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL", "NOT_SENT",
                "NOT_SEND_ONLY", "NEVER_SENT", "NOT_SENT", "NOT_SENT");
        row("RETURNED by the counterparty's approver", LifecycleFixtures::returnedByCounterparty,
                "RETURNED", "GONE", "IN_APPROVAL", "NOT_SENT", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL", "NOT_SENT",
                "NOT_SEND_ONLY", "WITHDRAWN", "NOT_SENT", "NOT_SENT");
        row("IN_APPROVAL on the sender's route", LifecycleFixtures::inSenderApproval,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "AWAITING_SIGNATURE", "RETURNED",
                "NOT_AWAITING_SIGNATURE", "NOT_SEND_ONLY", "WITHDRAWN", "SENDER_CANNOT_DECLINE", "EXPIRED");
        row("IN_APPROVAL waiting for the counterparty's set-up", LifecycleFixtures::awaitingCounterpartySetUp,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "IN_APPROVAL", "PARTY_NOT_SET_UP", "PARTY_NOT_SET_UP",
                "NOT_AWAITING_SIGNATURE", "NOT_SEND_ONLY", "WITHDRAWN", "DECLINED", "EXPIRED");
        row("IN_APPROVAL on the counterparty's route", LifecycleFixtures::inCounterpartyApproval,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "AWAITING_SIGNATURE", "RETURNED",
                "NOT_AWAITING_SIGNATURE", "NOT_SEND_ONLY", "WITHDRAWN", "DECLINED", "EXPIRED");
        row("AWAITING_SIGNATURE of the sender", LifecycleFixtures::awaitingSenderSignature,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL",
                "IN_APPROVAL", "NOT_SEND_ONLY", "WITHDRAWN", "SENDER_CANNOT_DECLINE", "EXPIRED");
        row("AWAITING_SIGNATURE of the last party", LifecycleFixtures::awaitingCounterpartySignature,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL",
                "COMPLETED", "NOT_SEND_ONLY", "WITHDRAWN", "DECLINED", "EXPIRED");
        row("AWAITING_SIGNATURE of the send-only sender", LifecycleFixtures::awaitingSendOnlySenderSignature,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL",
                "AWAITING_SIGNATURE", "NOT_AWAITING_RECEIPT", "WITHDRAWN", "SENDER_CANNOT_DECLINE", "EXPIRED");
        row("AWAITING_SIGNATURE as the send-only recipient's receipt", LifecycleFixtures::awaitingReceipt,
                "NOT_A_DRAFT", "NOT_A_DRAFT", "NOT_A_DRAFT", "ALREADY_SET_UP", "NOT_IN_APPROVAL", "NOT_IN_APPROVAL",
                "ACKNOWLEDGE_INSTEAD", "COMPLETED", "WITHDRAWN", "DECLINED", "EXPIRED");
        row("COMPLETED", LifecycleFixtures::completed, F, F, F, F, F, F, F, F, F, F, F);
        row("COMPLETED send-only", () -> LifecycleFixtures.ok(LifecycleFixtures.awaitingReceipt(),
                LifecycleCommand.ACKNOWLEDGE), F, F, F, F, F, F, F, F, F, F, F);
        row("WITHDRAWN", LifecycleFixtures::withdrawn, F, F, F, F, F, F, F, F, F, F, F);
        row("DECLINED", LifecycleFixtures::declined, F, F, F, F, F, F, F, F, F, F, F);
        row("EXPIRED", LifecycleFixtures::expired, F, F, F, F, F, F, F, F, F, F, F);
    }

    private record Row(Supplier<ContractProgress> progress, Map<LifecycleCommand, String> expected) {
    }

    private static void row(String name, Supplier<ContractProgress> progress, String... expected) {
        assertThat(expected).as(name).hasSize(COLUMNS.length);
        Map<LifecycleCommand, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            cells.put(COLUMNS[i], expected[i]);
        }
        TABLE.put(name, new Row(progress, cells));
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        TABLE.forEach((name, row) -> row.expected().forEach((command, expected) ->
                out.add(Arguments.of(name, command, expected))));
        return out.stream();
    }

    static Stream<String> rows() {
        return TABLE.keySet().stream();
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("cells")
    void eachCommandInEachStateLeadsWhereTheDiagramSays(String state, LifecycleCommand command, String expected) {
        ContractProgress before = TABLE.get(state).progress().get();
        assertThat(outcome(before, command)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theAvailableCommandsAreExactlyTheOnesTheTableAllows(String state) {
        Row row = TABLE.get(state);
        Set<LifecycleCommand> allowed = EnumSet.noneOf(LifecycleCommand.class);
        row.expected().forEach((command, expected) -> {
            if (isStatusOrGone(expected)) {
                allowed.add(command);
            }
        });
        Set<LifecycleCommand> beforeDeadline = EnumSet.copyOf(allowed);
        beforeDeadline.remove(LifecycleCommand.EXPIRE);
        assertThat(ContractLifecycle.available(row.progress().get(), NOW)).isEqualTo(beforeDeadline);
        Set<LifecycleCommand> afterDeadline = EnumSet.copyOf(allowed);
        // A draft past its deadline has to have the deadline changed before it is submitted.
        afterDeadline.remove(LifecycleCommand.SUBMIT);
        assertThat(ContractLifecycle.available(row.progress().get(), AFTER_DEADLINE)).isEqualTo(afterDeadline);
    }

    /** The state after the command, GONE, or the refusal's code. */
    private static String outcome(ContractProgress p, LifecycleCommand command) {
        Transition t = switch (command) {
            case RETURN -> ContractLifecycle.returnToSender(p, "見直してください");
            case SET_PARTY_ROUTE -> ContractLifecycle.setPartyRoute(p, List.of(SUB_APPROVER), SUB_SIGNER);
            case EXPIRE -> ContractLifecycle.apply(p, command, AFTER_DEADLINE);
            default -> ContractLifecycle.apply(p, command, NOW);
        };
        if (t.deleted()) {
            return "GONE";
        }
        return t.allowed() ? t.next().status().name() : t.denial().code();
    }

    private static boolean isStatusOrGone(String cell) {
        return "GONE".equals(cell) || Arrays.stream(ContractStatus.values()).anyMatch(s -> s.name().equals(cell));
    }
}
