package jp.sitesign.model.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.user.UserId;

/**
 * Which status transitions exist (DESIGN §2) and where each leads, decided here only. Who may trigger
 * each is the access policy's decision: every {@link LifecycleCommand} names its policy
 * {@link LifecycleCommand#action() action}, and {@link ContractProgress#toResource} gives the policy
 * its view of the contract. A caller asks the policy first (403 when it says no), then this class
 * (409 when the command does not apply to the contract's state).
 *
 * <p>Pure and stateless: no clock, storage or network; the caller passes "now" where a deadline matters.
 *
 * <pre>
 * DRAFT/RETURNED ─submit→ party 0: IN_APPROVAL (its route, skipped when empty) → AWAITING_SIGNATURE
 *   ─sign→ party 1: (sets its route and signer) IN_APPROVAL → AWAITING_SIGNATURE ─sign→ … → COMPLETED
 * any party's current approver ─return→ RETURNED (back to the sender; counterparties set up again)
 * sent or returned ─withdraw→ WITHDRAWN · counterparty on turn ─decline→ DECLINED
 * sent and past the deadline ─expire→ EXPIRED
 * 送付のみ: the sender signs, the recipient acknowledges → COMPLETED
 * 送付のみ sent by an integration application (sender's signer = {@link UserId#SERVER_SEAL}, ADR 34): the sender's
 *   route approves, the server seals in that same step (SEAL) instead of a signature, the recipient acknowledges
 * DRAFT/RETURNED ─edit→ itself · ─delete→ gone
 * COMPLETED ─amendment→ a new DRAFT (変更契約) of the same form and parties; the original does not change
 * COMPLETED ─archive renewal (the server's job only)→ itself, with a new main PDF version
 * </pre>
 *
 * <p>A completed contract is otherwise immutable: {@link #archiveRenewal} is the one write it takes.
 */
public final class ContractLifecycle {
    private static final Set<ContractStatus> FINAL = EnumSet.of(ContractStatus.COMPLETED, ContractStatus.WITHDRAWN,
            ContractStatus.DECLINED, ContractStatus.EXPIRED);

    private ContractLifecycle() {
    }

    /** True for the states that accept no command at all: 締結済, 取消, 辞退, 期限切れ. */
    public static boolean isFinal(ContractStatus status) {
        return FINAL.contains(status);
    }

    /**
     * Applies a command that carries no data of its own. {@link LifecycleCommand#RETURN} needs a comment
     * and {@link LifecycleCommand#SET_PARTY_ROUTE} a route and signer: use {@link #returnToSender} and
     * {@link #setPartyRoute} for them (RETURN here is refused for want of a comment once its state allows it).
     *
     * @param now the current time, for the deadline checks of SUBMIT and EXPIRE
     * @throws IllegalArgumentException for SET_PARTY_ROUTE, which cannot be applied without its data
     */
    public static Transition apply(ContractProgress p, LifecycleCommand command, Instant now) {
        Objects.requireNonNull(p, "progress");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (command == LifecycleCommand.SET_PARTY_ROUTE) {
            throw new IllegalArgumentException("use setPartyRoute(progress, route, signer)");
        }
        if (isFinal(p.status())) {
            return Transition.refused(LifecycleDenial.FINAL);
        }
        return switch (command) {
            case EDIT -> p.status().isDraft() ? Transition.to(p) : Transition.refused(LifecycleDenial.NOT_A_DRAFT);
            case DELETE -> p.status().isDraft() ? Transition.gone() : Transition.refused(LifecycleDenial.NOT_A_DRAFT);
            case SUBMIT -> submit(p, now);
            case APPROVE -> approve(p);
            case RETURN -> returnToSender(p, null);
            case SIGN -> sign(p);
            case ACKNOWLEDGE -> acknowledge(p);
            case WITHDRAW -> withdraw(p);
            case DECLINE -> decline(p);
            case EXPIRE -> expire(p, now);
            case SEAL -> seal(p);
            case SET_PARTY_ROUTE -> throw new AssertionError("handled above");
        };
    }

    /**
     * Applies a command with the comment the user gave with it. RETURN needs one ({@link #returnToSender}); WITHDRAW
     * (取消) and DECLINE (辞退) keep it as the contract's comment, the reason the parties read beside the final
     * status (blank: none — clients before issue 14 sent a withdrawal without one, and it is still accepted, ADR
     * 0040); every other command ignores it.
     */
    public static Transition apply(ContractProgress p, LifecycleCommand command, Instant now, String comment) {
        if (command == LifecycleCommand.RETURN) {
            return returnToSender(p, comment);
        }
        Transition t = apply(p, command, now);
        if (!t.allowed() || t.deleted() || command != LifecycleCommand.WITHDRAW && command != LifecycleCommand.DECLINE) {
            return t;
        }
        ContractProgress n = t.next();
        String reason = comment == null || comment.isBlank() ? null : comment.strip();
        return Transition.to(n.moved(n.status(), n.parties(), n.currentParty(), n.routePosition(), reason));
    }

    /**
     * 差戻し by the current approver of any party: the contract goes back to the sender as RETURNED
     * (下書き（差戻し）) with the comment the sender will read, which is required.
     */
    public static Transition returnToSender(ContractProgress p, String comment) {
        LifecycleDenial refusal = returnRefusal(p);
        if (refusal != null) {
            return Transition.refused(refusal);
        }
        if (comment == null || comment.isBlank()) {
            return Transition.refused(LifecycleDenial.COMMENT_REQUIRED);
        }
        List<PartyStep> reset = new ArrayList<>();
        reset.add(p.sender().withSigned(false));
        for (PartyStep party : p.parties().subList(1, p.parties().size())) {
            reset.add(PartyStep.counterparty(party.company(), party.receiver()));
        }
        return Transition.to(p.moved(ContractStatus.RETURNED, reset, 0, 0, comment.strip()));
    }

    /** The counterparty whose turn it is names its approval route (possibly empty) and its signer. */
    public static Transition setPartyRoute(ContractProgress p, List<UserId> route, UserId signer) {
        Objects.requireNonNull(p, "progress");
        Objects.requireNonNull(route, "route");
        if (isFinal(p.status())) {
            return Transition.refused(LifecycleDenial.FINAL);
        }
        if (!p.awaitingSetup()) {
            return Transition.refused(isSent(p) ? LifecycleDenial.ALREADY_SET_UP : LifecycleDenial.NOT_SENT);
        }
        if (signer == null) {
            return Transition.refused(LifecycleDenial.SIGNER_MISSING);
        }
        if (route.stream().anyMatch(Objects::isNull) || new HashSet<>(route).size() != route.size()) {
            return Transition.refused(LifecycleDenial.INVALID_ROUTE);
        }
        List<PartyStep> parties = replace(p.parties(), p.currentParty(), p.current().withRoute(route, signer));
        return Transition.to(reach(p, parties, p.currentParty()));
    }

    /**
     * A 変更契約 starts from a completed contract and nothing else: a sent one is still returned or
     * withdrawn, a withdrawn, declined or expired one was never concluded, a draft is simply edited. The
     * outcome's {@link Transition#next() next} is the amendment's first progress, not the original's: a
     * DRAFT of the same form and parties in the same order (the sender's route and signer, each
     * counterparty's receiving user; counterparties name their route and signer again when it reaches
     * them), with no deadline. The original stays as it is: completed contracts are immutable.
     */
    public static Transition amendment(ContractProgress original) {
        Objects.requireNonNull(original, "original");
        if (original.status() != ContractStatus.COMPLETED) {
            return Transition.refused(LifecycleDenial.NOT_COMPLETED);
        }
        List<PartyStep> parties = new ArrayList<>();
        PartyStep sender = original.sender();
        parties.add(PartyStep.sender(sender.company(), sender.route(), sender.signer()));
        for (PartyStep party : original.parties().subList(1, original.parties().size())) {
            parties.add(PartyStep.counterparty(party.company(), party.receiver()));
        }
        return Transition.to(ContractProgress.draft(original.form(), parties, null));
    }

    /**
     * The renewal of a completed contract's archive timestamp (DESIGN §6): a new document timestamp over the
     * signed PDF before the previous one's TSA certificate expires, stored as a new version of the main PDF.
     * This is the only write a COMPLETED contract takes, and no user makes it: the server's renewal job
     * does, as the system, so there is no {@link LifecycleCommand} and no policy action for it. Status,
     * parties and content stay as they are ({@link Transition#next() next} is {@code p} itself).
     */
    public static Transition archiveRenewal(ContractProgress p) {
        Objects.requireNonNull(p, "progress");
        return p.status() == ContractStatus.COMPLETED ? Transition.to(p)
                : Transition.refused(LifecycleDenial.NOT_ARCHIVED);
    }

    /** Whether {@link #amendment} would start a 変更契約 from this contract, for enabling controls. */
    public static boolean canAmend(ContractProgress p) {
        return amendment(p).allowed();
    }

    /**
     * Every command that would be accepted now, for enabling controls; who may issue each is the
     * policy's part. RETURN is listed when its state allows it (the comment comes with the command).
     */
    public static Set<LifecycleCommand> available(ContractProgress p, Instant now) {
        Set<LifecycleCommand> out = EnumSet.noneOf(LifecycleCommand.class);
        for (LifecycleCommand c : LifecycleCommand.values()) {
            boolean ok = switch (c) {
                case SET_PARTY_ROUTE -> !isFinal(p.status()) && p.awaitingSetup();
                case RETURN -> returnRefusal(p) == null;
                default -> apply(p, c, now).allowed();
            };
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    private static LifecycleDenial returnRefusal(ContractProgress p) {
        if (isFinal(p.status())) {
            return LifecycleDenial.FINAL;
        }
        if (p.status() != ContractStatus.IN_APPROVAL) {
            return LifecycleDenial.NOT_IN_APPROVAL;
        }
        return p.awaitingSetup() ? LifecycleDenial.PARTY_NOT_SET_UP : null;
    }

    private static Transition submit(ContractProgress p, Instant now) {
        if (!p.status().isDraft()) {
            return Transition.refused(LifecycleDenial.NOT_A_DRAFT);
        }
        if (p.parties().size() < ContractForm.MIN_PARTIES) {
            return Transition.refused(LifecycleDenial.TOO_FEW_PARTIES);
        }
        if (!p.sender().isSetUp()) {
            return Transition.refused(LifecycleDenial.SIGNER_MISSING);
        }
        if (p.deadline() != null && !p.deadline().isAfter(now)) {
            return Transition.refused(LifecycleDenial.DEADLINE_PASSED);
        }
        return Transition.to(reach(p.moved(p.status(), p.parties(), 0, 0, null), p.parties(), 0));
    }

    private static Transition approve(ContractProgress p) {
        LifecycleDenial refusal = returnRefusal(p);
        if (refusal != null) {
            return Transition.refused(refusal);
        }
        int next = p.routePosition() + 1;
        ContractStatus status = next == p.current().route().size() ? ContractStatus.AWAITING_SIGNATURE
                : ContractStatus.IN_APPROVAL;
        return Transition.to(p.moved(status, p.parties(), p.currentParty(), next, p.returnComment()));
    }

    private static Transition sign(ContractProgress p) {
        if (p.status() != ContractStatus.AWAITING_SIGNATURE) {
            return Transition.refused(p.status().isDraft() ? LifecycleDenial.NOT_SENT
                    : LifecycleDenial.NOT_AWAITING_SIGNATURE);
        }
        if (p.form() == ContractForm.SEND_ONLY && p.currentParty() > 0) {
            return Transition.refused(LifecycleDenial.ACKNOWLEDGE_INSTEAD);
        }
        if (p.awaitsSeal()) {
            return Transition.refused(LifecycleDenial.SEALED_NOT_SIGNED);
        }
        return signed(p);
    }

    /**
     * The organisation seal stands for the sender's signature: the sender counts as signed and the contract
     * reaches its recipient, who acknowledges receipt as for any 送付のみ contract.
     */
    private static Transition seal(ContractProgress p) {
        if (!p.awaitsSeal()) {
            return Transition.refused(LifecycleDenial.NOT_AWAITING_SEAL);
        }
        return signed(p);
    }

    private static Transition signed(ContractProgress p) {
        List<PartyStep> signed = replace(p.parties(), p.currentParty(), p.current().withSigned(true));
        int next = p.currentParty() + 1;
        if (next == p.parties().size()) {
            return Transition.to(p.moved(ContractStatus.COMPLETED, signed, p.currentParty(), p.routePosition(),
                    p.returnComment()));
        }
        return Transition.to(reach(p, signed, next));
    }

    private static Transition acknowledge(ContractProgress p) {
        if (p.form() != ContractForm.SEND_ONLY) {
            return Transition.refused(LifecycleDenial.NOT_SEND_ONLY);
        }
        if (p.status() != ContractStatus.AWAITING_SIGNATURE || p.currentParty() == 0) {
            return Transition.refused(LifecycleDenial.NOT_AWAITING_RECEIPT);
        }
        return Transition.to(p.moved(ContractStatus.COMPLETED));
    }

    /** A returned contract was sent once, so it may be closed as 取消; a first draft is deleted instead. */
    private static Transition withdraw(ContractProgress p) {
        if (p.status() == ContractStatus.DRAFT) {
            return Transition.refused(LifecycleDenial.NEVER_SENT);
        }
        return Transition.to(p.moved(ContractStatus.WITHDRAWN));
    }

    private static Transition decline(ContractProgress p) {
        if (!isSent(p)) {
            return Transition.refused(LifecycleDenial.NOT_SENT);
        }
        if (p.currentParty() == 0) {
            return Transition.refused(LifecycleDenial.SENDER_CANNOT_DECLINE);
        }
        return Transition.to(p.moved(ContractStatus.DECLINED));
    }

    /** Only a contract out of the sender's hands expires: a draft or returned one has no one to wait for. */
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
        return Transition.to(p.moved(ContractStatus.EXPIRED));
    }

    /**
     * The contract reaches party {@code index}: its route if it has one, else its signer; a counterparty
     * that has not named them yet starts in approval, awaiting its set-up. The recipient of 送付のみ has no
     * route and acknowledges as its receiving user.
     */
    private static ContractProgress reach(ContractProgress p, List<PartyStep> parties, int index) {
        PartyStep step = parties.get(index);
        if (p.form() == ContractForm.SEND_ONLY && index > 0) {
            List<PartyStep> named = replace(parties, index, step.withRoute(List.of(), step.receiver()));
            return p.moved(ContractStatus.AWAITING_SIGNATURE, named, index, 0, null);
        }
        ContractStatus status = step.isSetUp() && step.route().isEmpty() ? ContractStatus.AWAITING_SIGNATURE
                : ContractStatus.IN_APPROVAL;
        return p.moved(status, parties, index, 0, null);
    }

    private static List<PartyStep> replace(List<PartyStep> parties, int index, PartyStep step) {
        List<PartyStep> copy = new ArrayList<>(parties);
        copy.set(index, step);
        return copy;
    }

    private static boolean isSent(ContractProgress p) {
        return p.status() == ContractStatus.IN_APPROVAL || p.status() == ContractStatus.AWAITING_SIGNATURE;
    }
}
