package jp.sitesign.server.contracts;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.sitesign.server.auth.AcceptsApiKey;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.http.Params;
import jp.sitesign.server.users.Page;

/** 案件: drafts, documents, the workflow commands and the 電子帳簿保存法 search. */
@Tag(name = "案件", description = "契約案件・文書・ワークフロー")
@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ContractResource {
    private final ContractDrafts drafts;
    private final ContractRetention retention;
    private final ContractWorkflow workflow;
    private final ContractQueries queries;

    public ContractResource(ContractService contracts) {
        this.drafts = contracts.drafts();
        this.retention = contracts.retention();
        this.workflow = contracts.workflow();
        this.queries = contracts.queries();
    }

    @AcceptsApiKey
    @Operation(summary = "案件（下書き）を作成する",
            description = "受注データなどから下書きを作成します。作成者は利用申請した管理者として記録され、操作ログにはアプリケーション ID が残ります。"
                    + "API キーで form=SEND_ONLY（送付のみ）を signer なしで作成すると、送付元の承認ルートの承認後にサーバーの組織の電子印で封印して送付されます（ADR 34）。"
                    + "API キーのスコープ: contracts:write")
    @POST
    public Response create(ContractDraft body, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        ContractDraft d = required(body);
        StoredContract k = drafts.create(caller, d.progress(caller.user().companyId(), caller.isApplication()),
                d.data());
        return Response.status(Response.Status.CREATED).entity(view(caller, k)).build();
    }

    @AcceptsApiKey
    @Operation(summary = "案件を検索する（電子帳簿保存法の検索条件）",
            description = "取引年月日・取引金額・取引先などで自社の案件を検索します。status はカンマ区切りで複数指定できます"
                    + "（例: status=DRAFT,RETURNED）。API キーのスコープ: contracts:read")
    @GET
    public ContractPage search(@QueryParam("number") String number, @QueryParam("title") String title,
            @QueryParam("status") String status, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo, @QueryParam("amountMin") String amountMin,
            @QueryParam("amountMax") String amountMax, @QueryParam("counterparty") String counterparty,
            @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        ContractQuery q = query(number, title, status, dateFrom, dateTo, amountMin, amountMax, counterparty, sort,
                offset, limit);
        Page<StoredContract> page = queries.search(caller, q);
        return new ContractPage(page.items().stream().map(k -> summary(caller, k)).toList(), page.total(),
                page.offset(), page.limit());
    }

    /** The same search as a download: {@code format=csv} (default) or {@code zip} (CSV and PDFs). */
    @AcceptsApiKey
    @Operation(summary = "検索結果を出力する（CSV / ZIP）",
            description = "format=csv（既定）または zip（PDF を含む）。API キーのスコープ: export と contracts:read（zip は documents:read も）")
    @GET
    @Path("export")
    @Produces({"text/csv", "application/zip"})
    public Response export(@QueryParam("number") String number, @QueryParam("title") String title,
            @QueryParam("status") String status, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo, @QueryParam("amountMin") String amountMin,
            @QueryParam("amountMax") String amountMax, @QueryParam("counterparty") String counterparty,
            @QueryParam("sort") String sort, @QueryParam("format") String format,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        boolean zip = "zip".equalsIgnoreCase(format);
        if (format != null && !format.isBlank() && !zip && !"csv".equalsIgnoreCase(format)) {
            throw ContractMessage.EXPORT_FORMAT.exception();
        }
        ContractQuery q = query(number, title, status, dateFrom, dateTo, amountMin, amountMax, counterparty, sort,
                null, null);
        queries.requireExport(caller, zip);
        StreamingOutput body = out -> queries.export(caller, q, zip, out);
        return Response.ok(body, zip ? "application/zip" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contracts." + (zip ? "zip" : "csv") + "\"")
                .build();
    }

    private static ContractQuery query(String number, String title, String status, String dateFrom, String dateTo,
            String amountMin, String amountMax, String counterparty, String sort, String offset, String limit) {
        if (counterparty != null && !counterparty.isBlank() && !CompanyId.isValid(counterparty.strip())) {
            throw ContractMessage.COUNTERPARTY_NOT_COMPANY_ID.exception();
        }
        return new ContractQuery(number, title, Params.enumValues("status", status, ContractStatus.class),
                Params.date("dateFrom", dateFrom), Params.date("dateTo", dateTo), amount("amountMin", amountMin),
                amount("amountMax", amountMax),
                counterparty == null || counterparty.isBlank() ? null : new CompanyId(counterparty.strip()),
                Params.enumValue("sort", sort, ContractQuery.Sort.class), Params.offset(offset), Params.limit(limit));
    }

    @AcceptsApiKey
    @Operation(summary = "案件を取得する",
            description = "ステータス・当事者・文書の SHA-256 など。API キーのスコープ: contracts:read")
    @GET
    @Path("{id}")
    public ContractView get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return view(caller, queries.get(caller, id));
    }

    @Operation(summary = "案件に名前の出る相手先の担当者・署名者",
            description = "閲覧できる案件について、相手先企業の担当者と署名者の氏名・役職を返します（相手先の承認者は含みません。ADR 43）。")
    @GET
    @Path("{id}/people")
    public List<jp.sitesign.model.user.PersonName> people(@PathParam("id") String id,
            @Context SecurityContext security) {
        return queries.people(AuthFilter.caller(security), id);
    }

    @AcceptsApiKey
    @Operation(summary = "下書きを編集する",
            description = "下書き・差戻しの案件のみ。revision が必要です。API キーのスコープ: contracts:write")
    @PUT
    @Path("{id}")
    public ContractView edit(@PathParam("id") String id, ContractDraft body, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        ContractDraft d = required(body);
        if (d.revision() == null) {
            throw ContractMessage.REVISION_REQUIRED.exception();
        }
        return view(caller, drafts.edit(caller, id, d.revision(),
                d.progress(caller.user().companyId(), caller.isApplication()), d.data()));
    }

    @AcceptsApiKey
    @Operation(summary = "本文の PDF を添付する",
            description = "application/pdf で送ります。API キーのスコープ: contracts:write")
    @PUT
    @Path("{id}/document")
    @Consumes("application/pdf")
    public ContractView attach(@PathParam("id") String id, @QueryParam("revision") String revision, byte[] pdf,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return view(caller, drafts.attachMain(caller, id, revision(revision), pdf));
    }

    /** Adds an attachment (添付書類) to a draft; {@code name} is its display name (URL-encoded UTF-8). */
    @AcceptsApiKey
    @Operation(summary = "添付書類の PDF を追加する",
            description = "最大 5 件。name は表示名（URL エンコードした UTF-8）。API キーのスコープ: contracts:write")
    @POST
    @Path("{id}/attachments")
    @Consumes("application/pdf")
    public Response addAttachment(@PathParam("id") String id, @QueryParam("revision") String revision,
            @QueryParam("name") String name, byte[] pdf, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        StoredContract k = drafts.attach(caller, id, revision(revision), name, pdf);
        return Response.status(Response.Status.CREATED).entity(view(caller, k)).build();
    }

    @AcceptsApiKey
    @Operation(summary = "添付書類の PDF を取得する",
            description = "取得は操作ログに記録されます。API キーのスコープ: contracts:read と documents:read")
    @GET
    @Path("{id}/attachments/{sha256}")
    @Produces("application/pdf")
    public Response attachment(@PathParam("id") String id, @PathParam("sha256") String sha256,
            @Context SecurityContext security) {
        ContractQueries.Download d = queries.attachment(AuthFilter.caller(security), id, sha(sha256));
        String ascii = d.document().name().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(d.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(d.document().name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @AcceptsApiKey
    @Operation(summary = "添付書類を削除する",
            description = "下書きのみ。API キーのスコープ: contracts:write")
    @DELETE
    @Path("{id}/attachments/{sha256}")
    public ContractView removeAttachment(@PathParam("id") String id, @PathParam("sha256") String sha256,
            @QueryParam("revision") String revision, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return view(caller, drafts.removeAttachment(caller, id, revision(revision), sha(sha256)));
    }

    /** Starts a 変更契約 from a completed contract: a new draft that names it as its original. */
    @POST
    @Path("{id}/amendments")
    public Response amend(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        StoredContract k = drafts.amend(caller, id);
        return Response.status(Response.Status.CREATED).entity(view(caller, k)).build();
    }

    @PUT
    @Path("{id}/signed-document")
    @Consumes("application/pdf")
    public ContractView sign(@PathParam("id") String id, @QueryParam("revision") String revision,
            @QueryParam("base") String base, @QueryParam("keySource") String keySource, byte[] pdf,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        if (base == null || !base.matches("[0-9a-f]{64}")) {
            throw ContractMessage.BASE_REQUIRED.exception();
        }
        return view(caller, workflow.sign(caller, id, revision(revision), base, pdf, keySource));
    }

    @AcceptsApiKey
    @Operation(summary = "本文の PDF を取得する",
            description = "締結済の契約は署名・タイムスタンプ付きの PDF です。取得は操作ログに記録されます。API キーのスコープ: contracts:read と documents:read")
    @GET
    @Path("{id}/document")
    @Produces("application/pdf")
    public byte[] document(@PathParam("id") String id, @Context SecurityContext security) {
        return queries.mainDocument(AuthFilter.caller(security), id);
    }

    @AcceptsApiKey
    @Operation(summary = "ワークフローを進める（申請・承認・差戻し・取消・辞退・受領確認）",
            description = "API キーで行えるのは submit（申請）のみで、承認・差戻し・取消・辞退・受領確認は利用者が行います。API キーのスコープ: contracts:write（submit）")
    @POST
    @Path("{id}/{command: submit|approve|return|withdraw|decline|acknowledge}")
    public ContractView command(@PathParam("id") String id, @PathParam("command") String command, Step body,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        if (body == null || body.revision() == null) {
            throw ContractMessage.REVISION_REQUIRED.exception();
        }
        LifecycleCommand cmd = LifecycleCommand.valueOf(command.toUpperCase(Locale.ROOT));
        return view(caller, workflow.act(caller, id, body.revision(), cmd, body.comment()));
    }

    /** A legal hold keeps the contract from every retention purge (owners and admins of a party). */
    @PUT
    @Path("{id}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    public LegalHold setLegalHold(@PathParam("id") String id, LegalHold body, @Context SecurityContext security) {
        if (body == null || body.hold() == null) {
            throw ContractMessage.HOLD_NOT_BOOLEAN.exception();
        }
        workflow.setLegalHold(AuthFilter.caller(security), id, body.hold());
        return new LegalHold(body.hold());
    }

    @GET
    @Path("{id}/legal-hold")
    public LegalHold legalHold(@PathParam("id") String id, @Context SecurityContext security) {
        queries.get(AuthFilter.caller(security), id);
        return new LegalHold(retention.held(id));
    }

    /** Whether a contract is under a legal hold. */
    public record LegalHold(Boolean hold) {
    }

    @POST
    @Path("{id}/party-route")
    public ContractView partyRoute(@PathParam("id") String id, PartyRoute body, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        if (body == null || body.revision() == null || body.signer() == null) {
            throw ContractMessage.REVISION_AND_SIGNER_REQUIRED.exception();
        }
        return view(caller, workflow.setPartyRoute(caller, id, body.revision(), users(body.route(), "route"),
                Params.userId("signer", body.signer())));
    }

    @AcceptsApiKey
    @Operation(summary = "下書きを削除する",
            description = "下書き・差戻しの案件のみ。API キーのスコープ: contracts:write")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("revision") String revision,
            @Context SecurityContext security) {
        workflow.act(AuthFilter.caller(security), id, revision(revision), LifecycleCommand.DELETE, null);
        return Response.noContent().build();
    }

    private ContractView view(Caller caller, StoredContract k) {
        return ContractView.of(k, caller.user().companyId(), workflow.available(caller, k), drafts.canAmend(caller, k),
                queries.documents(k), queries.amendments(caller, k));
    }

    private ContractView summary(Caller caller, StoredContract k) {
        return ContractView.summary(k, caller.user().companyId(), workflow.available(caller, k),
                drafts.canAmend(caller, k));
    }

    private static String sha(String value) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw ContractMessage.ATTACHMENT_NOT_SHA256.exception();
        }
        return value;
    }

    private static ContractDraft required(ContractDraft body) {
        if (body == null || body.form() == null) {
            throw ContractMessage.FORM_REQUIRED.exception();
        }
        return body;
    }

    private static long revision(String value) {
        if (value == null || value.isBlank()) {
            throw ContractMessage.REVISION_REQUIRED.exception();
        }
        return Params.number("revision", value, 0, 1, Integer.MAX_VALUE);
    }

    private static Long amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ContractMessage.AMOUNT_NOT_YEN.exception(name);
        }
    }

    private static List<UserId> users(List<String> ids, String field) {
        List<UserId> out = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            out.add(Params.userId(field, id));
        }
        return out;
    }

    /** A workflow step: the revision it is based on and, for a return, withdrawal or decline, the comment (the reason). */
    public record Step(Long revision, String comment) {
    }

    /** The current party's route and signer. */
    public record PartyRoute(Long revision, List<String> route, String signer) {
    }

    /** A page of contracts. */
    public record ContractPage(List<ContractView> items, int total, int offset, int limit) {
    }
}
