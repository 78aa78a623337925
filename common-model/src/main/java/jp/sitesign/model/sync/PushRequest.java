package jp.sitesign.model.sync;

import java.util.List;
import java.util.Objects;

/**
 * Commands in the order the user gave them; the server applies them in that order. Each command was checked
 * as it was read (its id, its type and what that type needs), so a bare {@code null} in the list is all that
 * is left to refuse here.
 */
public record PushRequest(List<Command> commands) {
    public PushRequest {
        if (commands != null && commands.stream().anyMatch(Objects::isNull)) {
            throw CommandError.ID_AND_TYPE_REQUIRED.exception();
        }
    }
}
