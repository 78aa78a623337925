package jp.sitesign.server.users;

import jp.sitesign.model.user.UserView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import jp.sitesign.model.user.User;
import jp.sitesign.server.auth.AllowedBeforePasswordChange;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.AuthService;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.certificates.SigningAuthority;

/** The logged-in user's own account: who am I, own profile, own password. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MeResource {
    private final UserService users;
    private final AuthService auth;
    private final SigningAuthority authority;
    private final Clock clock;

    public MeResource(UserService users, AuthService auth, SigningAuthority authority, Clock clock) {
        this.users = users;
        this.auth = auth;
        this.authority = authority;
        this.clock = clock;
    }

    @GET
    @AllowedBeforePasswordChange
    public UserView me(@Context SecurityContext security) {
        return view(AuthFilter.caller(security).user());
    }

    @PUT
    public UserView updateProfile(ProfileUpdate body, @Context SecurityContext security) {
        if (body == null || body.revision() == null) {
            throw UserMessage.REVISION_REQUIRED.exception();
        }
        Caller caller = AuthFilter.caller(security);
        return view(users.updateOwnProfile(caller, body.revision(), body.name(), body.nameKana(), body.email()));
    }

    private UserView view(User u) {
        return UserView.of(u, clock.instant(), authority.holds(u.companyId(), u.id()));
    }

    @POST
    @Path("password")
    @AllowedBeforePasswordChange
    public CompletionStage<Response> changePassword(PasswordChange body, @Context SecurityContext security) {
        if (body == null || body.currentPassword() == null || body.newPassword() == null) {
            throw UserMessage.PASSWORDS_REQUIRED.exception();
        }
        return auth.changePassword(AuthFilter.caller(security), body.currentPassword().toCharArray(),
                body.newPassword()).thenApply(done -> Response.noContent().build());
    }

    /** Own name, kana and email, with the revision they were edited from. */
    public record ProfileUpdate(Long revision, String name, String nameKana, String email) {
    }

    /** A password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }
}
