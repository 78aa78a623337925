package jp.sitesign.server.partnerships;

import jp.sitesign.model.partnership.Partnership;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.sitesign.server.auth.AcceptsApiKey;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.http.Params;

/** 取引先 and the counterparty's 承諾 to electronic contracting. */
@Tag(name = "取引先", description = "取引先と承諾")
@Path("/api/v1/partnerships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PartnershipResource {
    private final PartnershipService partnerships;

    public PartnershipResource(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @AcceptsApiKey
    @Operation(summary = "取引先の一覧を取得する",
            description = "自社の取引先と電子契約の承諾の状況。API キーのスコープ: contracts:read")
    @GET
    public PartnershipList list(@Context SecurityContext security) {
        return new PartnershipList(partnerships.list(AuthFilter.caller(security)));
    }

    /** Proposes a partnership with the invitation code and 法人番号 the other company's admin handed over. */
    @POST
    public Response propose(Proposal body, @Context SecurityContext security) {
        if (body == null || body.invitationCode() == null || body.invitationCode().isBlank()) {
            throw PartnershipMessage.INVITATION_REQUIRED.exception();
        }
        Partnership p = partnerships.propose(AuthFilter.caller(security), body.corporateNumber(),
                body.invitationCode(), body.methodDescription());
        return Response.status(Response.Status.CREATED).entity(p).build();
    }

    /** A new invitation code of the caller's company (shown once), to hand to a company that is to propose. */
    @POST
    @Path("invitations")
    public Response invite(@Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(partnerships.invite(AuthFilter.caller(security)))
                .build();
    }

    @GET
    @Path("{id}")
    public Partnership get(@PathParam("id") String id, @Context SecurityContext security) {
        return partnerships.get(AuthFilter.caller(security), Params.number("id", id, -1, 1, Integer.MAX_VALUE));
    }

    @POST
    @Path("{id}/consent")
    public Partnership consent(@PathParam("id") String id, ConsentRequest body, @Context SecurityContext security) {
        if (body == null || body.methodSha256() == null) {
            throw PartnershipMessage.METHOD_SHA_REQUIRED.exception();
        }
        return partnerships.consent(AuthFilter.caller(security), Params.number("id", id, -1, 1, Integer.MAX_VALUE),
                body.methodSha256());
    }

    @POST
    @Path("{id}/withdraw-consent")
    public Partnership withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        return partnerships.withdraw(AuthFilter.caller(security), Params.number("id", id, -1, 1, Integer.MAX_VALUE));
    }

    /**
     * A proposal: the other company's 法人番号 (absent when it is registered without one) and the invitation code
     * it issued, and the method description shown to it.
     */
    public record Proposal(String corporateNumber, String invitationCode, String methodDescription) {
    }

    /** 承諾 to the description whose SHA-256 the client showed. */
    public record ConsentRequest(String methodSha256) {
    }

    /** The caller's company's partnerships. */
    public record PartnershipList(List<Partnership> items) {
    }
}
