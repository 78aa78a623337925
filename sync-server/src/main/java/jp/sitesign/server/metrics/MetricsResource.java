package jp.sitesign.server.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jp.sitesign.server.auth.Public;
import jp.sitesign.server.http.Cidrs;
import jp.sitesign.server.http.ClientAddress;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * {@code GET /metrics} in Prometheus' text format, without a session but only for clients whose address
 * lies in {@code metrics.allow} (default: this machine): the figures say how busy each route is, which is
 * nobody else's business.
 */
@Path("/metrics")
public final class MetricsResource {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final Cidrs allowed;

    public MetricsResource(Metrics metrics, Cidrs allowed) {
        this.metrics = metrics;
        this.allowed = allowed;
    }

    @GET
    @Public
    @Produces({PROMETHEUS_TEXT, "text/plain"})
    public Response scrape(@Context ContainerRequest request) {
        if (!allowed.contains((String) request.getProperty(ClientAddress.REQUEST_PROPERTY))) {
            throw MetricsMessage.ADDRESS_NOT_ALLOWED.exception();
        }
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).build();
    }
}
