package jp.sitesign.server.audit.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.audit.AuditCsv;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.audit.AuditQuery;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.http.Params;

/**
 * The company's login and operation log for its owner and admins: paged and filtered by period (JST
 * calendar days), user and action, and exported as CSV.
 */
@Path("/api/v1/audit")
public final class AuditResource {
    private final AuditLog audit;
    private final Guard guard;

    public AuditResource(AuditLog audit, Guard guard) {
        this.audit = audit;
        this.guard = guard;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EventPage list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("user") String user, @QueryParam("action") String action,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        guard.require(caller, Action.VIEW_AUDIT_LOG, new CompanyResource(caller.user().companyId()));
        AuditQuery q = query(caller, from, to, user, action, Params.offset(offset), Params.limit(limit));
        return new EventPage(audit.find(q).stream().map(EventView::of).toList(), q.offset(), q.limit());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("user") String user, @QueryParam("action") String action,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        guard.requireForChange(caller, Action.EXPORT_AUDIT_LOG, new CompanyResource(caller.user().companyId()),
                null);
        AuditQuery q = query(caller, from, to, user, action, 0, Integer.MAX_VALUE);
        audit.append(new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.AUDIT_EXPORTED, null,
                AuditOutcome.SUCCESS, caller.clientIp(), q.describe()));
        StreamingOutput body = out -> {
            AuditCsv csv = new AuditCsv(out);
            audit.forEach(q, csv::write);
            csv.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + caller.companyId() + ".csv\"")
                .build();
    }

    private static AuditQuery query(Caller caller, String from, String to, String user, String action, int offset,
            int limit) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        UserId actor = user == null || user.isBlank() ? null : Params.userId("user", user);
        return new AuditQuery(caller.companyId(), fromDate == null ? null : JapanTime.startOfDay(fromDate),
                toDate == null ? null : JapanTime.endOfDayExclusive(toDate), actor == null ? null : actor.value(),
                Params.enumValue("action", action, AuditAction.class), offset, limit);
    }

    /** An event as the API shows it: the UTC instant and the JST display form. */
    public record EventView(long sequence, Instant time, String timeJst, String actor, AuditAction action,
            String actionLabel, boolean loginLog, String target, AuditOutcome outcome, String clientIp, String details,
            String hash) {
        static EventView of(AuditEvent e) {
            return new EventView(e.sequence(), e.time(), JapanTime.display(e.time()), e.actor(), e.action(),
                    e.action().labelJa(), e.action().isLogin(), e.target(), e.outcome(), e.clientIp(), e.details(),
                    e.hash());
        }
    }

    /** A page of events, newest first. */
    public record EventPage(List<EventView> items, int offset, int limit) {
    }
}
