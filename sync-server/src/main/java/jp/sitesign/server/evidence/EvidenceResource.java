package jp.sitesign.server.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jp.sitesign.server.auth.AcceptsApiKey;
import jp.sitesign.server.auth.AuthFilter;

/** The evidence package of a completed contract, as a ZIP, for each of its parties. */
@Tag(name = "案件", description = "契約案件・文書・ワークフロー")
@Path("/api/v1/contracts/{id}/evidence")
public final class EvidenceResource {
    private final EvidenceService evidence;

    public EvidenceResource(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @AcceptsApiKey
    @Operation(summary = "証拠一式（締結証明書など）を取得する",
            description = "締結済の契約の ZIP: 長期署名（B-LTA）の PDF、サーバーが封印した締結証明書（日本語・英語）、検証結果"
                    + "（JSON とテキスト）と目録。デスクトップの verify-evidence でオフラインで検証できます。"
                    + "締結前の契約は 409。取得は操作ログに記録されます。API キーのスコープ: contracts:read と documents:read")
    @GET
    @Produces("application/zip")
    public Response download(@PathParam("id") String id, @Context SecurityContext security) {
        EvidenceService.Download d = evidence.download(AuthFilter.caller(security), id);
        return Response.ok(d.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build();
    }
}
