package jp.sitesign.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.sync.CommandType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One verb, four names: the table the desktop, the sync service and the contract service translate through. */
class ContractVerbsTest {

    @ParameterizedTest
    @EnumSource(value = LifecycleCommand.class, names = {"EXPIRE", "SEAL"}, mode = EnumSource.Mode.EXCLUDE)
    void everyUsersCommandTravelsAsASyncCommandThatMapsBack(LifecycleCommand command) {
        CommandType type = ContractVerbs.commandType(command).orElseThrow();
        assertThat(ContractVerbs.lifecycle(type)).contains(command);
        assertThat(ContractVerbs.action(command)).isNotNull();
    }

    @Test
    void expiringIsTheServersOwnAndNoClientSendsIt() {
        assertThat(ContractVerbs.commandType(LifecycleCommand.EXPIRE)).isEmpty();
        assertThat(ContractVerbs.action(LifecycleCommand.EXPIRE)).isNull();
        assertThat(ContractVerbs.auditAction(LifecycleCommand.EXPIRE)).isEqualTo(AuditAction.CONTRACT_EXPIRED);
    }

    @Test
    void sealingIsTheServersOwnAndNoClientSendsIt() {
        assertThat(ContractVerbs.commandType(LifecycleCommand.SEAL)).isEmpty();
        assertThat(ContractVerbs.action(LifecycleCommand.SEAL)).isNull();
        assertThat(ContractVerbs.auditAction(LifecycleCommand.SEAL)).isEqualTo(AuditAction.CONTRACT_SEALED);
    }

    @Test
    void commandsThatAreNotLifecycleStepsHaveNoLifecycleCommand() {
        for (CommandType type : EnumSet.of(CommandType.CREATE_DRAFT, CommandType.ATTACH_DOCUMENT,
                CommandType.REMOVE_ATTACHMENT, CommandType.MARK_NOTICE_READ, CommandType.AMEND)) {
            assertThat(ContractVerbs.lifecycle(type)).as(type.name()).isEmpty();
        }
    }

    @Test
    void namesThatDifferAreMappedAsThePermissionTableAndTheAuditLogSayThem() {
        assertThat(ContractVerbs.commandType(LifecycleCommand.DELETE)).contains(CommandType.DELETE_DRAFT);
        assertThat(ContractVerbs.commandType(LifecycleCommand.EDIT)).contains(CommandType.EDIT_DRAFT);
        assertThat(ContractVerbs.action(LifecycleCommand.SUBMIT)).isEqualTo(Action.EDIT_DRAFT);
        assertThat(ContractVerbs.action(LifecycleCommand.RETURN)).isEqualTo(Action.APPROVE_OR_RETURN);
        assertThat(ContractVerbs.action(LifecycleCommand.ACKNOWLEDGE)).isEqualTo(Action.ACKNOWLEDGE_RECEIPT);
        assertThat(ContractVerbs.auditAction(LifecycleCommand.ACKNOWLEDGE)).isEqualTo(AuditAction.RECEIPT_ACKNOWLEDGED);
        assertThat(ContractVerbs.auditAction(LifecycleCommand.SET_PARTY_ROUTE)).isEqualTo(AuditAction.PARTY_ROUTE_SET);
        for (LifecycleCommand c : LifecycleCommand.values()) {
            assertThat(ContractVerbs.auditAction(c)).as(c.name()).isNotNull();
        }
    }
}
