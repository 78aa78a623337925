package jp.sitesign.server.users;

import jp.sitesign.model.user.UserView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.model.user.UserStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.sitesign.server.auth.AcceptsApiKey;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.certificates.CertificateService;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.http.Params;

/** Managing the users of the caller's own company (owners and admins, as the policy allows). */
@Tag(name = "利用者", description = "自社の利用者")
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UserResource {
    private final UserService users;
    private final CertificateService certificates;
    private final SigningAuthority authority;
    private final Clock clock;

    public UserResource(UserService users, CertificateService certificates, SigningAuthority authority, Clock clock) {
        this.users = users;
        this.certificates = certificates;
        this.authority = authority;
        this.clock = clock;
    }

    @AcceptsApiKey
    @Operation(summary = "利用者を検索する",
            description = "自社の利用者。API キーのスコープ: users:read")
    @GET
    public UserPage search(@QueryParam("id") String id, @QueryParam("name") String name,
            @QueryParam("department") String department, @QueryParam("title") String title,
            @QueryParam("role") String role, @QueryParam("status") String status,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        UserFilter filter = new UserFilter(id, name, department, title, Params.enumValue("role", role, Role.class),
                Params.enumValue("status", status, UserStatus.class));
        Page<User> page = users.search(AuthFilter.caller(security), filter,
                Params.offset(offset), Params.limit(limit));
        Instant now = clock.instant();
        Set<UserId> holders = authority.holders(AuthFilter.caller(security).user().companyId());
        return new UserPage(page.items().stream().map(u -> UserView.of(u, now, holders.contains(u.id()))).toList(),
                page.total(), page.offset(), page.limit());
    }

    @POST
    public CompletionStage<Response> register(Registration body, @Context SecurityContext security) {
        if (body == null || body.role() == null) {
            throw UserMessage.ROLE_REQUIRED.exception();
        }
        return users.register(AuthFilter.caller(security), body.profile(), body.role())
                .thenApply(r -> Response.status(Response.Status.CREATED)
                        .entity(new RegisteredView(view(r.user()), r.oneTimePassword())).build());
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") String id, @Context SecurityContext security) {
        return view(users.get(AuthFilter.caller(security), Params.userId("id", id)));
    }

    @PUT
    @Path("{id}")
    public UserView update(@PathParam("id") String id, Update body, @Context SecurityContext security) {
        if (body == null || body.revision() == null || body.role() == null) {
            throw UserMessage.REVISION_AND_ROLE_REQUIRED.exception();
        }
        return view(users.update(AuthFilter.caller(security), Params.userId("id", id), body.revision(),
                new UserProfile(body.name(), body.nameKana(), body.email(), body.department(), body.title()),
                body.role()));
    }

    @POST
    @Path("{id}/suspend")
    public UserView suspend(@PathParam("id") String id, @Context SecurityContext security) {
        return view(users.suspend(AuthFilter.caller(security), Params.userId("id", id)));
    }

    @POST
    @Path("{id}/resume")
    public UserView resume(@PathParam("id") String id, @Context SecurityContext security) {
        return view(users.resume(AuthFilter.caller(security), Params.userId("id", id)));
    }

    @DELETE
    @Path("{id}")
    public UserView delete(@PathParam("id") String id, @Context SecurityContext security) {
        return view(users.delete(AuthFilter.caller(security), Params.userId("id", id)));
    }

    /**
     * 署名権限 from the user's side: {@code granted: true} binds the user to the named certificate of the
     * company, {@code false} unbinds them from that one, or from all when none is named.
     */
    @PUT
    @Path("{id}/signing-authority")
    public UserView signingAuthority(@PathParam("id") String id, SigningAuthorityChange body,
            @Context SecurityContext security) {
        if (body == null || body.granted() == null) {
            throw UserMessage.GRANTED_REQUIRED.exception();
        }
        Caller caller = AuthFilter.caller(security);
        UserId user = Params.userId("id", id);
        if (body.granted() && body.certificateNumber() == null) {
            throw UserMessage.CERTIFICATE_NUMBER_REQUIRED.exception();
        }
        if (body.granted()) {
            return view(certificates.bind(caller, user, body.certificateNumber()));
        }
        return view(body.certificateNumber() == null ? certificates.unbindAll(caller, user)
                : certificates.unbind(caller, user, body.certificateNumber()));
    }

    private UserView view(User u) {
        return UserView.of(u, clock.instant(), authority.holds(u.companyId(), u.id()));
    }

    /** A new user of the caller's company. */
    public record Registration(String name, String nameKana, String email, String department, String title,
            Role role) {
        UserProfile profile() {
            return new UserProfile(name, nameKana, email, department, title);
        }
    }

    /** An edit of a user, based on the revision the editor saw. */
    public record Update(Long revision, String name, String nameKana, String email, String department, String title,
            Role role) {
    }

    /** Grant (bind to a certificate) or withdraw (unbind) 署名権限. */
    public record SigningAuthorityChange(Boolean granted, String certificateNumber) {
    }

    /** The new user and their one-time password, shown once. */
    public record RegisteredView(UserView user, String oneTimePassword) {
    }

    /** A page of users. */
    public record UserPage(List<UserView> items, int total, int offset, int limit) {
    }
}
