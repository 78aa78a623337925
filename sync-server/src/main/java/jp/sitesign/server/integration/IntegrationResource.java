package jp.sitesign.server.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import jp.sitesign.server.auth.AuthFilter;

/** 連携アプリケーション: an admin applies for API use, follows the review and takes the key. */
@Tag(name = "連携アプリケーション", description = "API 利用申請・審査状況・API キーの発行（責任者・管理者のセッションで呼びます）")
@Path("/api/v1/integration/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class IntegrationResource {
    private static final String APPLY_EXAMPLE = "{\"name\": \"基幹システム連携\", \"purpose\": \"受注データから注文書を作成し、"
            + "締結済の契約を文書管理システムへ取り込むため\", \"scopes\": [\"contracts:read\", \"contracts:write\","
            + " \"documents:read\"], \"allowedAddresses\": [\"203.0.113.0/28\", \"2001:db8:10::/48\"],"
            + " \"contact\": \"情報システム部 api@example.co.jp\"}";

    private final IntegrationService integration;
    private final Webhooks webhooks;

    public IntegrationResource(IntegrationService integration, Webhooks webhooks) {
        this.integration = integration;
        this.webhooks = webhooks;
    }

    @POST
    @Operation(summary = "API の利用を申請する",
            description = "アプリケーション名・利用目的・スコープ・許可する接続元アドレス（IPv4 / IPv6 の CIDR）・連絡先を送ります。"
                    + "サービス運営者が承認すると API キーを発行できます。",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IntegrationService.Request.class),
                    examples = @ExampleObject(name = "基幹システム", value = APPLY_EXAMPLE))))
    public Response apply(IntegrationService.Request body, @Context SecurityContext security) {
        IntegrationApplication a = integration.apply(AuthFilter.caller(security), body);
        return Response.status(Response.Status.CREATED).entity(a).build();
    }

    @GET
    @Operation(summary = "自社の API 利用申請の一覧を取得する", description = "審査状況（PENDING 審査中 / APPROVED 承認済 /"
            + " REJECTED 却下 / SUSPENDED 一時停止 / REVOKED 取消）と運営者の理由を含みます。")
    public ApplicationList list(@Context SecurityContext security) {
        return new ApplicationList(integration.list(AuthFilter.caller(security)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "API 利用申請を取得する", description = "自社の申請のみ。他社の ID は 404 です。")
    public IntegrationApplication get(@PathParam("id") String id, @Context SecurityContext security) {
        return integration.get(AuthFilter.caller(security), id);
    }

    /** The key, once; calling again rotates it (the old key stops working). Only for an approved application. */
    @POST
    @Path("{id}/key")
    @Operation(summary = "API キーを発行する（再発行で切り替え）",
            description = "承認済のアプリケーションのみ。キーはこの応答で一度だけ表示され、サーバーにはハッシュだけが残ります。"
                    + "もう一度呼ぶと新しいキーになり、以前のキーはすぐ使えなくなります。")
    public IssuedKey issueKey(@PathParam("id") String id, @Context SecurityContext security) {
        return new IssuedKey(integration.issueKey(AuthFilter.caller(security), id));
    }

    @PUT
    @Path("{id}/webhook")
    @Operation(summary = "Webhook を登録する（再登録で署名用シークレットを切り替え）",
            description = "https:// の URL と受け取るイベント（contract.sent, contract.approved, contract.returned,"
                    + " contract.signed, contract.completed, contract.declined, contract.withdrawn, contract.expired）。"
                    + "配信には X-SiteSign-Timestamp と X-SiteSign-Signature: sha256=HMAC-SHA256(シークレット, タイムスタンプ + \".\" + 本文)"
                    + " が付きます。シークレットはこの応答で一度だけ表示されます。失敗した配信は 24 時間再送されます。")
    public Webhooks.Registered registerWebhook(@PathParam("id") String id, Webhooks.Registration body,
            @Context SecurityContext security) {
        return webhooks.register(AuthFilter.caller(security), id, body);
    }

    @GET
    @Path("{id}/webhook/deliveries")
    @Operation(summary = "Webhook の配信ログを取得する", description = "新しい順に最大 200 件。status は PENDING（送信待ち・再送待ち）"
            + " / DELIVERED / FAILED（24 時間再送しても届かなかった）。")
    public DeliveryList deliveries(@PathParam("id") String id, @Context SecurityContext security) {
        return new DeliveryList(webhooks.deliveries(AuthFilter.caller(security), id, 200));
    }

    public record DeliveryList(List<WebhookRepository.Delivery> items) {
    }

    public record ApplicationList(List<IntegrationApplication> items) {
    }

    /** A new API key, shown once: send it as {@code Authorization: Bearer <key>}. */
    public record IssuedKey(String key) {
    }
}
