package jp.sitesign.model.sync;

import java.util.UUID;
import jp.sitesign.model.error.ErrorCode;

/**
 * The server's answer to one command. A repeat of the same command id gets the first answer again.
 *
 * @param revision the entity's revision after an applied command (null for a delete)
 * @param current  for a CONFLICT, the entity as it is now, when the caller may still see it
 */
public record CommandResult(UUID id, CommandOutcome outcome, String entityId, Long revision, ErrorCode code,
        String messageJa, String messageEn, ContractSnapshot current) {

    public static CommandResult applied(UUID id, String entityId, Long revision) {
        return new CommandResult(id, CommandOutcome.APPLIED, entityId, revision, null, null, null, null);
    }
}
