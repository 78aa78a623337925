package jp.sitesign.model.contract;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a construction contract states for each {@link ConstructionItem}, as free text. Shared so the
 * desktop app's checklist and the server's refusal to submit name the same missing items.
 */
public final class ConstructionTerms {
    public static final int MAX_ITEM_LENGTH = 4000;

    private final Map<ConstructionItem, String> items;

    public ConstructionTerms(Map<ConstructionItem, String> items) {
        EnumMap<ConstructionItem, String> copy = new EnumMap<>(ConstructionItem.class);
        items.forEach((item, text) -> {
            if (text != null && !text.isBlank()) {
                if (text.length() > MAX_ITEM_LENGTH) {
                    throw new IllegalArgumentException(item.labelEn() + " is longer than " + MAX_ITEM_LENGTH);
                }
                copy.put(item, text.strip());
            }
        });
        this.items = Collections.unmodifiableMap(copy);
    }

    public static ConstructionTerms empty() {
        return new ConstructionTerms(Map.of());
    }

    public Map<ConstructionItem, String> items() {
        return items;
    }

    public String get(ConstructionItem item) {
        return items.get(item);
    }

    /** The required items that are still empty, in the law's order. */
    public List<ConstructionItem> missing() {
        return java.util.Arrays.stream(ConstructionItem.values())
                .filter(ConstructionItem::required)
                .filter(item -> !items.containsKey(item))
                .toList();
    }

    public boolean isComplete() {
        return missing().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstructionTerms other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }
}
