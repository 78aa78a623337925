package jp.sitesign.server.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import jp.sitesign.model.user.Role;
import jp.sitesign.server.http.ClientAddress;

/** Login and logout. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("login")
    @Public
    public CompletionStage<LoginResponse> login(LoginRequest body, @Context ContainerRequestContext request) {
        if (body == null || body.userId() == null || body.password() == null) {
            throw AuthMessage.CREDENTIALS_REQUIRED.exception();
        }
        // The answer comes from the password threads; this request holds no HTTP worker meanwhile.
        return auth.login(body.userId(), body.password().toCharArray(),
                (String) request.getProperty(ClientAddress.REQUEST_PROPERTY))
                .thenApply(r -> new LoginResponse(r.token(),
                        r.user().id().value(), r.user().companyId().value(), r.user().role(),
                        r.user().mustChangePassword(), r.idleExpiry(), r.companyName()));
    }

    @POST
    @Path("logout")
    @AllowedBeforePasswordChange
    public Response logout(@Context SecurityContext security) {
        auth.logout(AuthFilter.caller(security));
        return Response.noContent().build();
    }

    /** The login form. */
    public record LoginRequest(String userId, String password) {
    }

    /**
     * A new session: the token goes in {@code Authorization: Bearer …} from now on. The company's name lets the
     * desktop write it in the seal, also when it later starts offline.
     */
    public record LoginResponse(String token, String userId, String companyId, Role role, boolean mustChangePassword,
            Instant idleExpiry, String companyName) {
    }
}
