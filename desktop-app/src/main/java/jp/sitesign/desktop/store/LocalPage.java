package jp.sitesign.desktop.store;

import java.util.List;

/** One page of a local search, with the number of all matches. */
public record LocalPage(List<LocalContract> items, int total, int offset, int limit) {
    public LocalPage {
        items = List.copyOf(items);
    }
}
