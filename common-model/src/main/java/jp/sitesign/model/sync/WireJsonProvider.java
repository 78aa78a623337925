package jp.sitesign.model.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * Gives Jersey's Jackson provider the wire's JSON rules ({@link WireJson}), on both ends: the server's
 * resources and the desktop app's client register this one class, so a body is written and read by the
 * same mapper settings and a rule changed for one side is changed for the other.
 */
public final class WireJsonProvider implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper = WireJson.create();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The mapper handed to Jersey, for the few places that read or write JSON by hand beside it. */
    public ObjectMapper mapper() {
        return mapper;
    }
}
