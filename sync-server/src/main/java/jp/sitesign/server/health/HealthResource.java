package jp.sitesign.server.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jp.sitesign.server.auth.Public;

/**
 * Health answers for load balancers and monitoring (ADR 18), without a session: {@code live} says the
 * process answers at all, {@code ready} whether it should get requests (200, or 503 when a check is DOWN).
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final Readiness readiness;

    public HealthResource(Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("live")
    @Public
    public Response live() {
        return Response.ok(Map.of("status", Readiness.Status.UP)).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("ready")
    @Public
    public Response ready() {
        Readiness.Report report = readiness.check();
        return Response.status(report.ready() ? 200 : 503).entity(report).cacheControl(NO_STORE).build();
    }
}
