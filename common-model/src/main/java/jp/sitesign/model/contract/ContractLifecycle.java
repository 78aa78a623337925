package jp.sitesign.model.contract;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.sitesign.model.user.UserId;

/**
 * Which status transitions exist (DESIGN §2), decided here only; who may trigger each is the access
 * policy's decision ({@link LifecycleCommand#action()}). Pure: the caller passes the time where a
 * deadline matters.
 *
 * <pre>
 * DRAFT/RETURNED ─submit→ party 0: IN_APPROVAL (route) → AWAITING_SIGNATURE → signed
 *   → party 1: (sets its route and signer) IN_APPROVAL → AWAITING_SIGNATURE → signed → … → COMPLETED
 * any approver ─return→ RETURNED (back to the sender, counterparties set up again on resubmission)
 * sent ─withdraw→ WITHDRAWN · counterparty ─decline→ DECLINED · deadline passed ─expire→ EXPIRED
 * 送付のみ: the sender signs, the recipient acknowledges → COMPLETED
 * </pre>
 */
public final class ContractLifecycle {
    private static final Set<ContractStatus> FINAL = EnumSet.of(ContractStatus.COMPLETED, ContractStatus.WITHDRAWN,
            ContractStatus.DECLINED, ContractStatus.EXPIRED);

    private ContractLifecycle() {
    }

    public static boolean isFinal(ContractStatus status) {
        return FINAL.contains(status);
    }

    /** Applies a command that carries no data of its own ({@link #setPartyRoute} and returns do). */
    public static Transition apply(ContractProgress p, LifecycleCommand command, Instant now) {
        if (isFinal(p.status())) {
            return Transition.refused(LifecycleDenial.FINAL);
        }
        return switch (command) {
            case EDIT -> p.status().isDraft() ? Transition.to(p) : Transition.refused(LifecycleDenial.NOT_A_DRAFT);
            case DELETE -> p.status().isDraft() ? Transition.gone() : Transition.refused(LifecycleDenial.NOT_A_DRAFT);
            case SUBMIT -> submit(p);
            case APPROVE -> approve(p);
            case RETURN -> returnToSender(p, null);
            case SIGN -> sign(p);
            case ACKNOWLEDGE -> acknowledge(p);
            case WITHDRAW -> isSent(p) ? Transition.to(p.with(ContractStatus.WITHDRAWN, p.currentParty(),
                    p.routePosition())) : Transition.refused(LifecycleDenial.NOT_SENT);
            case DECLINE -> decline(p);
            case EXPIRE -> expire(p, now);
            case SET_PARTY_ROUTE -> throw new IllegalArgumentException("use setPartyRoute(progress, route, signer)");
        };
    }

    /** 差戻し by the current approver, with the comment the sender will read. */
    public static Transition returnToSender(ContractProgress p, String comment) {
        if (isFinal(p.status())) {
            return Transition.refused(LifecycleDenial.FINAL);
        }
        if (p.status() != ContractStatus.IN_APPROVAL || p.awaitingSetup()) {
            return Transition.refused(p.awaitingSetup() ? LifecycleDenial.PARTY_NOT_SET_UP
                    : LifecycleDenial.NOT_IN_APPROVAL);
        }
        return Transition.to(p.returned(comment));
    }

    /** The party whose turn it is names its approval route (possibly empty) and its signer. */
    public static Transition setPartyRoute(ContractProgress p, List<UserId> route, UserId signer) {
        if (isFinal(p.status())) {
            return Transition.refused(LifecycleDenial.FINAL);
        }
        if (!p.awaitingSetup()) {
            return Transition.refused(p.status() == ContractStatus.IN_APPROVAL
                    || p.status() == ContractStatus.AWAITING_SIGNATURE ? LifecycleDenial.ALREADY_SET_UP
                    : LifecycleDenial.NOT_SENT);
        }
        if (signer == null) {
            return Transition.refused(LifecycleDenial.SIGNER_MISSING);
        }
        ContractProgress setUp = p.withParty(p.currentParty(), p.current().withRoute(route, signer));
        return Transition.to(enter(setUp, p.currentParty()));
    }

    /** Every command that would be accepted now, for enabling controls (who may is the policy's part). */
    public static Set<LifecycleCommand> available(ContractProgress p, Instant now) {
        Set<LifecycleCommand> out = EnumSet.noneOf(LifecycleCommand.class);
        for (LifecycleCommand c : LifecycleCommand.values()) {
            boolean ok = switch (c) {
                case SET_PARTY_ROUTE -> !isFinal(p.status()) && p.awaitingSetup();
                case RETURN -> returnToSender(p, null).allowed();
                default -> apply(p, c, now).allowed();
            };
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    private static Transition submit(ContractProgress p) {
        if (!p.status().isDraft()) {
            return Transition.refused(LifecycleDenial.NOT_A_DRAFT);
        }
        if (p.parties().size() < ContractForm.MIN_PARTIES) {
            return Transition.refused(LifecycleDenial.TOO_FEW_PARTIES);
        }
        if (p.parties().size() > p.form().maxParties()) {
            return Transition.refused(LifecycleDenial.TOO_MANY_PARTIES);
        }
        if (!p.sender().isSetUp()) {
            return Transition.refused(LifecycleDenial.SIGNER_MISSING);
        }
        return Transition.to(enter(p.submitted(), 0));
    }

    private static Transition approve(ContractProgress p) {
        if (p.status() != ContractStatus.IN_APPROVAL) {
            return Transition.refused(LifecycleDenial.NOT_IN_APPROVAL);
        }
        if (p.awaitingSetup()) {
            return Transition.refused(LifecycleDenial.PARTY_NOT_SET_UP);
        }
        int next = p.routePosition() + 1;
        if (next == p.current().route().size()) {
            return Transition.to(p.with(ContractStatus.AWAITING_SIGNATURE, p.currentParty(), next));
        }
        return Transition.to(p.with(ContractStatus.IN_APPROVAL, p.currentParty(), next));
    }

    private static Transition sign(ContractProgress p) {
        if (p.status() != ContractStatus.AWAITING_SIGNATURE) {
            return Transition.refused(p.status().isDraft() ? LifecycleDenial.NOT_SENT
                    : LifecycleDenial.NOT_AWAITING_SIGNATURE);
        }
        if (p.form() == ContractForm.SEND_ONLY && p.currentParty() > 0) {
            return Transition.refused(LifecycleDenial.ACKNOWLEDGE_INSTEAD);
        }
        ContractProgress signed = p.withParty(p.currentParty(), p.current().withSigned(true));
        int next = p.currentParty() + 1;
        if (next == p.parties().size()) {
            return Transition.to(signed.with(ContractStatus.COMPLETED, p.currentParty(), p.routePosition()));
        }
        return Transition.to(enter(signed, next));
    }

    private static Transition acknowledge(ContractProgress p) {
        if (p.form() != ContractForm.SEND_ONLY) {
            return Transition.refused(LifecycleDenial.NOT_SEND_ONLY);
        }
        if (p.status() != ContractStatus.AWAITING_SIGNATURE || p.currentParty() == 0) {
            return Transition.refused(LifecycleDenial.NOT_AWAITING_SIGNATURE);
        }
        return Transition.to(p.with(ContractStatus.COMPLETED, p.currentParty(), p.routePosition()));
    }

    private static Transition decline(ContractProgress p) {
        if (!isSent(p)) {
            return Transition.refused(LifecycleDenial.NOT_SENT);
        }
        if (p.currentParty() == 0) {
            return Transition.refused(LifecycleDenial.SENDER_CANNOT_DECLINE);
        }
        return Transition.to(p.with(ContractStatus.DECLINED, p.currentParty(), p.routePosition()));
    }

    private static Transition expire(ContractProgress p, Instant now) {
        if (!isSent(p)) {
            return Transition.refused(LifecycleDenial.NOT_SENT);
        }
        if (p.deadline() == null) {
            return Transition.refused(LifecycleDenial.NO_DEADLINE);
        }
        if (!now.isAfter(p.deadline())) {
            return Transition.refused(LifecycleDenial.DEADLINE_NOT_PASSED);
        }
        return Transition.to(p.with(ContractStatus.EXPIRED, p.currentParty(), p.routePosition()));
    }

    /** The contract reaches party {@code index}: its route if it has one, else its signer; set-up first if needed. */
    private static ContractProgress enter(ContractProgress p, int index) {
        PartyStep step = p.parties().get(index);
        if (p.form() == ContractForm.SEND_ONLY && index > 0) {
            ContractProgress recipient = p.withParty(index, step.withRoute(List.of(), step.receiver()));
            return recipient.with(ContractStatus.AWAITING_SIGNATURE, index, 0);
        }
        if (!step.isSetUp() || !step.route().isEmpty()) {
            return p.with(ContractStatus.IN_APPROVAL, index, 0);
        }
        return p.with(ContractStatus.AWAITING_SIGNATURE, index, 0);
    }

    private static boolean isSent(ContractProgress p) {
        return p.status() == ContractStatus.IN_APPROVAL || p.status() == ContractStatus.AWAITING_SIGNATURE;
    }
}
