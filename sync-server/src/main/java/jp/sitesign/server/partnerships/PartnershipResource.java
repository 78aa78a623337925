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
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
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

    @POST
    public Response propose(Proposal body, @Context SecurityContext security) {
        if (body == null || !CompanyId.isValid(body.counterpartyId())) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "取引先の企業 ID（C + 8 桁の数字）を指定してください。",
                    "counterpartyId must be a company id (C followed by 8 digits).");
        }
        Partnership p = partnerships.propose(AuthFilter.caller(security), new CompanyId(body.counterpartyId()),
                body.methodDescription());
        return Response.status(Response.Status.CREATED).entity(p).build();
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
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "承諾する説明文の methodSha256 を指定してください。",
                    "methodSha256 of the description being consented to is required.");
        }
        return partnerships.consent(AuthFilter.caller(security), Params.number("id", id, -1, 1, Integer.MAX_VALUE),
                body.methodSha256());
    }

    @POST
    @Path("{id}/withdraw-consent")
    public Partnership withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        return partnerships.withdraw(AuthFilter.caller(security), Params.number("id", id, -1, 1, Integer.MAX_VALUE));
    }

    /** A proposal: the counterparty's company id and the method description shown to it. */
    public record Proposal(String counterpartyId, String methodDescription) {
    }

    /** 承諾 to the description whose SHA-256 the client showed. */
    public record ConsentRequest(String methodSha256) {
    }

    /** The caller's company's partnerships. */
    public record PartnershipList(List<Partnership> items) {
    }
}
