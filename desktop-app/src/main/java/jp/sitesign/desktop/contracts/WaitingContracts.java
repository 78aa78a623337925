package jp.sitesign.desktop.contracts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.ContractTurn;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.user.UserId;

/**
 * The contracts on this computer waiting on the logged-in user, the longest-waiting first: the same question the
 * server's lifecycle asks ({@link ContractTurn#waitingOn}), on what the user sees now. A contract on which the
 * user already queued their step is left out: it is no longer waiting on them. The 要対応 tab lists all of them;
 * 一括署名 those waiting for a signature.
 */
final class WaitingContracts {
    /** The statuses in which a contract can wait on a user (a sent one, or a returned draft). */
    private static final List<ContractStatus> WAITING = List.of(ContractStatus.IN_APPROVAL,
            ContractStatus.AWAITING_SIGNATURE, ContractStatus.RETURNED);
    /** The user's own steps: one queued and not yet answered means they have taken their turn. */
    private static final Set<CommandType> STEPS = EnumSet.of(CommandType.SUBMIT, CommandType.APPROVE,
            CommandType.RETURN, CommandType.SIGN, CommandType.ACKNOWLEDGE, CommandType.SET_PARTY_ROUTE,
            CommandType.WITHDRAW, CommandType.DECLINE, CommandType.DELETE_DRAFT);

    /** A contract and what it waits for from the user. */
    record Waiting(LocalContract contract, ContractTurn.Task task) {
    }

    private WaitingContracts() {
    }

    static List<Waiting> of(StoreSession store) {
        UserId me = store.user();
        List<LocalContract> found = new ArrayList<>(store.contracts().search(new ContractQuery(null, null,
                Set.copyOf(WAITING), null, null, null, null, null, ContractQuery.Sort.UPDATED_DESC, 0,
                Integer.MAX_VALUE)).items());
        found.sort(Comparator.comparing((LocalContract lk) -> lk.current().updatedAt()));
        List<Waiting> out = new ArrayList<>();
        for (LocalContract lk : found) {
            boolean acted = lk.pending().stream()
                    .anyMatch(e -> e.state() == OutboxState.PENDING && STEPS.contains(e.command().type()));
            if (acted || lk.current().creatorId() == null) {
                continue;
            }
            ContractTurn.waitingOn(lk.current().progress(), new UserId(lk.current().creatorId()), me)
                    .ifPresent(task -> out.add(new Waiting(lk, task)));
        }
        return out;
    }

    /** Only those waiting for the user's signature. */
    static List<LocalContract> toSign(StoreSession store) {
        return of(store).stream().filter(w -> w.task() == ContractTurn.Task.SIGN).map(Waiting::contract).toList();
    }
}
