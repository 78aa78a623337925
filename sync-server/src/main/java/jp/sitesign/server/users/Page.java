package jp.sitesign.server.users;

import java.util.List;

/** One page of a result and the size of the whole result. */
public record Page<T>(List<T> items, int total, int offset, int limit) {
}
