package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing added or changed after a signature.
 *
 * @param kind what it is; {@link ChangeKind#allowed()} says whether it is allowed
 * @param page the page it concerns (1-based), or {@code null}
 * @param what names the object: a field name, a catalog key, "/Contents (object 12 0)"
 */
public record Change(ChangeKind kind, Integer page, String what) {

    @JsonProperty("allowed")
    public boolean allowed() {
        return kind.allowed();
    }
}
