package jp.sitesign.server.integration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import jp.sitesign.server.auth.AuthFilter;

/** 連携アプリケーション: an admin applies for API use, follows the review and takes the key. */
@Path("/api/v1/integration/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class IntegrationResource {
    private final IntegrationService integration;

    public IntegrationResource(IntegrationService integration) {
        this.integration = integration;
    }

    @POST
    public Response apply(IntegrationService.Request body, @Context SecurityContext security) {
        IntegrationApplication a = integration.apply(AuthFilter.caller(security), body);
        return Response.status(Response.Status.CREATED).entity(a).build();
    }

    @GET
    public ApplicationList list(@Context SecurityContext security) {
        return new ApplicationList(integration.list(AuthFilter.caller(security)));
    }

    @GET
    @Path("{id}")
    public IntegrationApplication get(@PathParam("id") String id, @Context SecurityContext security) {
        return integration.get(AuthFilter.caller(security), id);
    }

    /** The key, once; calling again rotates it (the old key stops working). Only for an approved application. */
    @POST
    @Path("{id}/key")
    public IssuedKey issueKey(@PathParam("id") String id, @Context SecurityContext security) {
        return new IssuedKey(integration.issueKey(AuthFilter.caller(security), id));
    }

    public record ApplicationList(List<IntegrationApplication> items) {
    }

    /** A new API key, shown once: send it as {@code Authorization: Bearer <key>}. */
    public record IssuedKey(String key) {
    }
}
