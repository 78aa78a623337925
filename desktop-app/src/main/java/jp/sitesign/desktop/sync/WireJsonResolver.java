package jp.sitesign.desktop.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * Hands the client's Jackson provider the one mapper of a {@link ServerApi}, made by the wire rules the server
 * registers too ({@code WireJson}). The rules live in common-model; this adapter cannot, as common-model
 * stays free of JAX-RS (its ArchitectureTest).
 */
final class WireJsonResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper wire;

    WireJsonResolver(ObjectMapper wire) {
        this.wire = wire;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return wire;
    }
}
