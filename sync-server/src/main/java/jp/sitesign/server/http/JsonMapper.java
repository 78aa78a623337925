package jp.sitesign.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jp.sitesign.model.sync.WireJson;

/** Gives Jersey the wire's JSON rules ({@link WireJson}, shared with the desktop app). */
public final class JsonMapper implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper = WireJson.create();

    public static ObjectMapper create() {
        return WireJson.create();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
