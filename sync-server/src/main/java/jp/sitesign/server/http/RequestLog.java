package jp.sitesign.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.BiConsumer;
import jp.sitesign.server.logging.ServerLogging;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request in the request log: method, the route's template (never the query, the body or
 * a header: tokens, passwords, PINs and content stay out), status, duration, the user and the client
 * address. Each finished request is also handed to {@code observers} (the metrics) with its route.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLogging.REQUESTS);
    private static final String STARTED = "sitesign.started";
    /** Requests no resource matched: their paths are whatever a client sent, so they are not logged as routes. */
    static final String UNMATCHED = "(unmatched)";

    private final BiConsumer<Finished, ContainerRequestContext> observer;

    /** What the log and the metrics know of a finished request. */
    public record Finished(String method, String route, int status, long nanos) {
    }

    public RequestLog(BiConsumer<Finished, ContainerRequestContext> observer) {
        this.observer = observer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long nanos = started instanceof Long t ? System.nanoTime() - t : 0;
        Finished done = new Finished(request.getMethod(), route(request.getUriInfo()), response.getStatus(), nanos);
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        LOG.atInfo().addKeyValue("method", done.method()).addKeyValue("route", done.route())
                .addKeyValue("status", done.status()).addKeyValue("durationMs", nanos / 1_000_000)
                .addKeyValue("user", principal == null ? "-" : principal.getName())
                .addKeyValue("client", String.valueOf(request.getProperty(ClientAddress.REQUEST_PROPERTY)))
                .log("request");
        observer.accept(done, request);
    }

    /** The matched resource's path template, e.g. {@code /api/v1/contracts/{id}/document}. */
    static String route(UriInfo info) {
        if (!(info instanceof ExtendedUriInfo extended)) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = extended.getMatchedTemplates();
        if (templates.isEmpty()) {
            return UNMATCHED;
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.startsWith("/")) {
                route.append('/');
            }
            route.append(part);
        }
        return route.toString().replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}
