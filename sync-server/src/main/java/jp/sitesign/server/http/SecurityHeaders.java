package jp.sitesign.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Answers carry customer data: never cached, never sniffed, HTTPS only. Jersey's answers get the headers
 * here; the few answers Grizzly gives itself (see {@link RawAnswers}) get the same ones through {@link #apply}.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    private static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Strict-Transport-Security", "max-age=31536000");

    /** Sets every header through {@code setter} (name, value). */
    static void apply(BiConsumer<String, String> setter) {
        HEADERS.forEach(setter);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        apply(response.getHeaders()::putSingle);
    }
}
