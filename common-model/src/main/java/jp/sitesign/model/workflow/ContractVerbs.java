package jp.sitesign.model.workflow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.sync.CommandType;

/**
 * One workflow verb under its four names: the lifecycle's {@link LifecycleCommand}, the policy's
 * {@link Action} that decides who may give it, the sync protocol's {@link CommandType} that carries it, and
 * the {@link AuditAction} that records it. The desktop, the sync service and the contract service all
 * translate through this one table, so a new verb, or a renamed one, is mapped in one place.
 */
public final class ContractVerbs {
    private record Names(Action action, CommandType commandType, AuditAction audit) {
    }

    private static final Map<LifecycleCommand, Names> NAMES = new EnumMap<>(LifecycleCommand.class);

    static {
        name(LifecycleCommand.EDIT, Action.EDIT_DRAFT, CommandType.EDIT_DRAFT, AuditAction.CONTRACT_UPDATED);
        name(LifecycleCommand.DELETE, Action.DELETE_DRAFT, CommandType.DELETE_DRAFT, AuditAction.CONTRACT_DELETED);
        name(LifecycleCommand.SUBMIT, Action.EDIT_DRAFT, CommandType.SUBMIT, AuditAction.CONTRACT_SUBMITTED);
        name(LifecycleCommand.SET_PARTY_ROUTE, Action.SET_PARTY_ROUTE, CommandType.SET_PARTY_ROUTE,
                AuditAction.PARTY_ROUTE_SET);
        name(LifecycleCommand.APPROVE, Action.APPROVE_OR_RETURN, CommandType.APPROVE, AuditAction.CONTRACT_APPROVED);
        name(LifecycleCommand.RETURN, Action.APPROVE_OR_RETURN, CommandType.RETURN, AuditAction.CONTRACT_RETURNED);
        name(LifecycleCommand.SIGN, Action.SIGN, CommandType.SIGN, AuditAction.CONTRACT_SIGNED);
        name(LifecycleCommand.ACKNOWLEDGE, Action.ACKNOWLEDGE_RECEIPT, CommandType.ACKNOWLEDGE,
                AuditAction.RECEIPT_ACKNOWLEDGED);
        name(LifecycleCommand.WITHDRAW, Action.WITHDRAW, CommandType.WITHDRAW, AuditAction.CONTRACT_WITHDRAWN);
        name(LifecycleCommand.DECLINE, Action.DECLINE, CommandType.DECLINE, AuditAction.CONTRACT_DECLINED);
        // The server's deadline job expires contracts: no user may ask for it and no client sends it.
        name(LifecycleCommand.EXPIRE, null, null, AuditAction.CONTRACT_EXPIRED);
        // The server seals in the step that made the seal due (ADR 34): nobody asks for it either.
        name(LifecycleCommand.SEAL, null, null, AuditAction.CONTRACT_SEALED);
    }

    private ContractVerbs() {
    }

    private static void name(LifecycleCommand command, Action action, CommandType type, AuditAction audit) {
        NAMES.put(command, new Names(action, type, Objects.requireNonNull(audit)));
    }

    /** The access-policy action to check before applying, or null for the system's own command. */
    public static Action action(LifecycleCommand command) {
        return NAMES.get(command).action();
    }

    /** The sync command a client pushes for it; empty for the system's own command. */
    public static Optional<CommandType> commandType(LifecycleCommand command) {
        return Optional.ofNullable(NAMES.get(command).commandType());
    }

    /** The lifecycle command a pushed command gives, if it is one (creating a draft or attaching is not). */
    public static Optional<LifecycleCommand> lifecycle(CommandType type) {
        return NAMES.entrySet().stream().filter(e -> e.getValue().commandType() == type).map(Map.Entry::getKey)
                .findFirst();
    }

    /** What the audit log records when the command has been applied. */
    public static AuditAction auditAction(LifecycleCommand command) {
        return NAMES.get(command).audit();
    }
}
