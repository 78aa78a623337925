package jp.sitesign.model.sync;

import java.util.List;

/** Commands in the order the user gave them; the server applies them in that order. */
public record PushRequest(List<Command> commands) {
}
