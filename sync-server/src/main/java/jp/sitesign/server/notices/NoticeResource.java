package jp.sitesign.server.notices;

import jp.sitesign.model.notice.NoticeView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Resource;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.http.Params;

/** お知らせ for every logged-in user, newest first, with read/unread. */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
public final class NoticeResource {
    private final NoticeService notices;
    private final Guard guard;

    public NoticeResource(NoticeService notices, Guard guard) {
        this.notices = notices;
        this.guard = guard;
    }

    @GET
    public NoticeList list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        guard.require(caller, Action.READ_NOTICES, Resource.none());
        List<NoticeView> items = notices.list(caller.user().id(), Params.offset(offset), Params.limit(limit)).stream()
                .map(n -> NoticeView.of(n.notice(), n.read())).toList();
        return new NoticeList(items, notices.unreadCount(caller.user().id()));
    }

    @POST
    @Path("{id}/read")
    public Response markRead(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        guard.require(caller, Action.READ_NOTICES, Resource.none());
        notices.markRead(caller.user().id(), Params.number("id", id, -1, 1, Integer.MAX_VALUE));
        return Response.noContent().build();
    }

    /** The caller's notices and how many are unread. */
    public record NoticeList(List<NoticeView> items, int unread) {
    }
}
