package jp.sitesign.desktop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.sitesign.model.sync.WireJson;

/** Entities are kept as the wire's JSON, so the store reads back exactly what the server sent. */
final class StoreJson {
    private static final ObjectMapper JSON = WireJson.create();

    private StoreJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the local store holds unreadable " + type.getSimpleName(), e);
        }
    }
}
