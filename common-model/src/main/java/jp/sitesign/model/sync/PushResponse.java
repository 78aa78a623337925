package jp.sitesign.model.sync;

import java.util.List;

/** One result per pushed command, in the same order. */
public record PushResponse(List<CommandResult> results) {
}
