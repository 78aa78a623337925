package jp.sitesign.server.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.sitesign.server.auth.Public;

/**
 * Serves the generated OpenAPI description; public, like any API's documentation. It is generated on the first
 * request, not at start-up: reading every resource takes seconds that no start (or test server) should wait for.
 */
@Path("/api")
@Hidden
public final class OpenApiResource {
    private final List<Class<?>> resources;
    private volatile OpenApiDescription description;

    private OpenApiResource(List<Class<?>> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * The description of {@code resources}. A factory, not a public constructor: Jersey inspects a resource's
     * public constructors for injection and warned at every start that a list of classes is not injectable.
     */
    public static OpenApiResource of(List<Class<?>> resources) {
        return new OpenApiResource(resources);
    }

    private OpenApiDescription description() {
        OpenApiDescription d = description;
        if (d == null) {
            synchronized (this) {
                d = description;
                if (d == null) {
                    d = OpenApiDescription.of(resources);
                    description = d;
                }
            }
        }
        return d;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @Public
    public String json() {
        return description().json();
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml;charset=UTF-8")
    @Public
    public String yaml() {
        return description().yaml();
    }
}
