package jp.sitesign.model.contract;

import java.util.Objects;
import java.util.Optional;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;

/**
 * Whose turn a contract is: what it waits for, from which company, and from whom — the one answer to "who is this
 * contract waiting on" that the desktop's 要対応 list, its status words ({@link ContractStatusWord#describe}) and
 * the server's demo printout all use.
 *
 * <ul>
 * <li>下書き（差戻し）: the creator, to revise and send again ({@link Task#REVISE}).
 * <li>承認待ち, the contract just reached a counterparty: its receiving user (担当者), to name its approval route and
 * signer ({@link Task#SET_ROUTE}).
 * <li>承認待ち: the current approver ({@link Task#APPROVE}); another company's approver, whom its progress does not
 * name ({@link UserId#WITHHELD}), is a turn of that company with no person.
 * <li>署名待ち: the signer on turn ({@link Task#SIGN}); the recipient of 送付のみ, to acknowledge receipt
 * ({@link Task#ACKNOWLEDGE}).
 * <li>Nobody: a first draft (not yet anybody's turn but its creator's own work), a final state, and the moment the
 * server seals a 送付のみ contract (it does so in the same step).
 * </ul>
 *
 * @param task    what the contract waits for
 * @param company the company whose turn it is
 * @param person  the user it waits for, or null where the caller may not know (another company's approver)
 */
public record ContractTurn(Task task, CompanyId company, UserId person) {

    /** What a contract waits for. */
    public enum Task {
        /** Revise the returned draft and submit it again. */
        REVISE,
        /** Name the own company's approval route and signer (the counterparty's 担当者). */
        SET_ROUTE,
        /** Approve or return. */
        APPROVE,
        /** Sign. */
        SIGN,
        /** Acknowledge receipt of a 送付のみ contract. */
        ACKNOWLEDGE
    }

    public ContractTurn {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(company, "company");
    }

    /**
     * Whose turn {@code p} is, or empty when it waits for nobody.
     *
     * @param creator who created the contract (a returned draft waits for them)
     */
    public static Optional<ContractTurn> of(ContractProgress p, UserId creator) {
        Objects.requireNonNull(p, "progress");
        PartyStep current = p.current();
        return switch (p.status()) {
            case RETURNED -> Optional.of(new ContractTurn(Task.REVISE, p.sender().company(), creator));
            case IN_APPROVAL -> p.awaitingSetup()
                    ? Optional.of(new ContractTurn(Task.SET_ROUTE, current.company(), current.receiver()))
                    : Optional.of(new ContractTurn(Task.APPROVE, current.company(), named(p.currentApprover())));
            case AWAITING_SIGNATURE -> {
                if (p.awaitsSeal()) {
                    yield Optional.empty();
                }
                Task task = p.form() == ContractForm.SEND_ONLY && p.currentParty() > 0 ? Task.ACKNOWLEDGE : Task.SIGN;
                yield Optional.of(new ContractTurn(task, current.company(), named(p.currentSigner())));
            }
            case DRAFT, COMPLETED, WITHDRAWN, DECLINED, EXPIRED -> Optional.empty();
        };
    }

    /**
     * What {@code p} waits for from {@code user}, or empty when it is not their turn: the test of the 要対応 list.
     *
     * @param creator who created the contract
     */
    public static Optional<Task> waitingOn(ContractProgress p, UserId creator, UserId user) {
        Objects.requireNonNull(user, "user");
        return of(p, creator).filter(t -> t.waitsOn(user)).map(ContractTurn::task);
    }

    /** Whether the turn is {@code user}'s own. */
    public boolean waitsOn(UserId user) {
        return person != null && person.equals(user);
    }

    /** Whether the turn is on {@code viewer}'s side (自社) rather than the other's (相手方). */
    public boolean isOwnSide(CompanyId viewer) {
        return company.equals(viewer);
    }

    private static UserId named(UserId user) {
        return user == null || user.equals(UserId.WITHHELD) ? null : user;
    }
}
