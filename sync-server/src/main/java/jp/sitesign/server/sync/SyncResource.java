package jp.sitesign.server.sync;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.model.error.ErrorBody;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.contracts.ContractService;
import jp.sitesign.server.http.Params;
import jp.sitesign.server.metrics.Metrics;

/**
 * The sync endpoints (DESIGN §4): the change feed, the command push, resumable uploads and ranged
 * downloads of PDFs by SHA-256.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
public final class SyncResource {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,15})-(\\d{0,15})");

    private final SyncService sync;
    private final Uploads uploads;
    private final ContractService contracts;
    private final Metrics metrics;

    public SyncResource(SyncService sync, Uploads uploads, ContractService contracts, Metrics metrics) {
        this.metrics = metrics;
        this.sync = sync;
        this.uploads = uploads;
        this.contracts = contracts;
    }

    @GET
    @Path("changes")
    public ChangePage changes(@QueryParam("since") String since, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        SyncService.Pulled pulled = sync.pullMeasured(AuthFilter.caller(security), checkpoint(since),
                Params.number("limit", limit, 500, 1, SyncService.MAX_PAGE));
        metrics.feedPage(pulled.page().changes().size(), pulled.page().more(), pulled.lag());
        return pulled.page();
    }

    @POST
    @Path("commands")
    @Consumes(MediaType.APPLICATION_JSON)
    public PushResponse push(PushRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw SyncMessage.COMMANDS_REQUIRED.exception();
        }
        var results = sync.push(AuthFilter.caller(security), body.commands());
        metrics.syncCommands(body.commands(), results);
        return new PushResponse(results);
    }

    @GET
    @Path("uploads/{sha256}")
    public Uploads.Status upload(@PathParam("sha256") String sha256, @Context SecurityContext security) {
        return uploads.status(Uploads.Owner.of(AuthFilter.caller(security)), sha256);
    }

    /** Appends a chunk at {@code offset}; {@code last=true} completes the upload (checked by its SHA-256). */
    @PUT
    @Path("uploads/{sha256}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uploads.Status append(@PathParam("sha256") String sha256, @QueryParam("offset") String offset,
            @QueryParam("last") String last, byte[] chunk, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        if (last != null && !last.equals("true") && !last.equals("false")) {
            throw SyncMessage.LAST_NOT_BOOLEAN.exception();
        }
        return uploads.append(Uploads.Owner.of(caller), sha256, position(offset),
                chunk == null ? new byte[0] : chunk, "true".equals(last));
    }

    /**
     * One document version of a contract the caller may see, whole or from a byte range ({@code Range:
     * bytes=N-} or {@code bytes=N-M}), so a cut download resumes; the client checks the whole by its hash.
     */
    @GET
    @Path("documents/{contractId}/{sha256}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response document(@PathParam("contractId") String contractId, @PathParam("sha256") String sha256,
            @HeaderParam("Range") String range, @Context SecurityContext security) {
        Uploads.requireSha(sha256);
        byte[] pdf = contracts.queries().document(AuthFilter.caller(security), contractId, sha256);
        if (range == null) {
            return Response.ok(pdf, MediaType.APPLICATION_OCTET_STREAM).header("Accept-Ranges", "bytes").build();
        }
        Matcher m = RANGE.matcher(range.strip());
        long start = m.matches() ? Long.parseLong(m.group(1)) : -1;
        long end = m.matches() && !m.group(2).isEmpty() ? Long.parseLong(m.group(2)) : pdf.length - 1L;
        if (start < 0 || start >= pdf.length || end < start) {
            return Response.status(416).header("Content-Range", "bytes */" + pdf.length)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(SyncMessage.RANGE_NOT_SATISFIABLE.code().name(),
                            SyncMessage.RANGE_NOT_SATISFIABLE.ja(range, pdf.length),
                            SyncMessage.RANGE_NOT_SATISFIABLE.en(range, pdf.length), "Range"))
                    .build();
        }
        int to = (int) Math.min(end, pdf.length - 1L);
        return Response.status(206).entity(Arrays.copyOfRange(pdf, (int) start, to + 1))
                .type(MediaType.APPLICATION_OCTET_STREAM).header("Accept-Ranges", "bytes")
                .header("Content-Range", "bytes " + start + "-" + to + "/" + pdf.length).build();
    }

    private static long checkpoint(String since) {
        return parseLong("since", since);
    }

    private static long position(String offset) {
        return parseLong("offset", offset);
    }

    private static long parseLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SyncMessage.PARAMETER_NOT_COUNT.exception(name);
    }
}
