package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import jp.sitesign.server.testing.TestServer.TestCompany;

/**
 * The people of the permission matrix, set up once through the real API: company A (owner, admin,
 * member), company B (whose admin is "another company's admin"), a member of A suspended after logging
 * in, an admin of company C logged in before C was terminated, and a member of A locked by failed logins
 * after logging in. Also makes throwaway users of A for cases that change their target.
 */
final class MatrixFixture {
    static final String OTHER_PASSWORD = "Another-Horse-77";
    private static final String LOGIN = "/api/v1/auth/login";

    /** The eight kinds of caller; the first four hold a working session. */
    enum ActorKind {
        OWNER("owner"), ADMIN("admin"), MEMBER("member"), OTHER_ADMIN("B admin"), NO_SESSION("no session"),
        SUSPENDED("suspended"), TERMINATED("terminated"), LOCKED("locked");

        final String label;

        ActorKind(String label) {
            this.label = label;
        }

        boolean live() {
            return ordinal() <= OTHER_ADMIN.ordinal();
        }
    }

    /** Who a caller is: user and company (both null without a session) and the bearer token they send. */
    record Session(UserId userId, CompanyId companyId, String token) {
    }

    final TestServer server;
    final ApiClient api;
    final TestCompany a;
    final TestCompany b;
    final long noticeId;
    /** A valid certificate of company A, for the signing-authority rows. */
    final String certificateOfA;
    /** A contract A's member sent to B and both signed, for the 変更契約 rows. */
    final String completedOfA;
    private final Map<ActorKind, Session> sessions = new EnumMap<>(ActorKind.class);
    private final List<String> idsOfA = new ArrayList<>();
    private final List<String> idsOfB = new ArrayList<>();
    private int throwaways;

    MatrixFixture(TestServer server, TestSigners signers) {
        this.server = server;
        this.api = server.api();
        a = server.createCompany("甲建設株式会社");
        b = server.createCompany("乙工務店株式会社");
        TestCompany c = server.createCompany("丙建設株式会社");
        for (UserId u : new UserId[] {a.owner(), a.admin(), a.member(), a.member2()}) {
            idsOfA.add(u.value());
        }
        for (UserId u : new UserId[] {b.owner(), b.admin(), b.member(), b.member2()}) {
            idsOfB.add(u.value());
        }
        live(ActorKind.OWNER, a.owner(), a.id());
        live(ActorKind.ADMIN, a.admin(), a.id());
        live(ActorKind.MEMBER, a.member(), a.id());
        live(ActorKind.OTHER_ADMIN, b.admin(), b.id());
        sessions.put(ActorKind.NO_SESSION, new Session(null, null, null));
        sessions.put(ActorKind.SUSPENDED, suspendedMember());
        sessions.put(ActorKind.TERMINATED, terminatedMember(c));
        sessions.put(ActorKind.LOCKED, lockedMember());
        certificateOfA = TestCertificates.register(api, adminToken(), TestCertificates.company(server, "甲建設株式会社"));
        noticeId = server.context().notices().publish(NoticeCategory.MAINTENANCE, "メンテナンスのお知らせ",
                "権限試験用のお知らせです。").id();
        completedOfA = completedContract(signers);
    }

    /** A new draft of A, created by A's member (the MEMBER caller), with a main PDF; as A's admin sees it. */
    JsonNode draftOfA() {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "権限試験 注文書");
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        ApiClient.Response created = api.post("/api/v1/contracts", memberToken(), d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode k = created.json();
        return ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), memberToken(), TestPdfs.multiPage(2),
                Map.of("Content-Type", "application/pdf")));
    }

    /** A new draft of A with one attachment ({@link #ATTACHMENT}); as its member sees it after the upload. */
    JsonNode draftOfAWithAttachment() {
        JsonNode k = draftOfA();
        return ok(api.raw("POST", "/api/v1/contracts/" + k.get("id").asText() + "/attachments?revision="
                + k.get("revision").asLong() + "&name=" + ATTACHMENT_NAME, memberToken(), ATTACHMENT,
                Map.of("Content-Type", "application/pdf")));
    }

    static final byte[] ATTACHMENT = TestPdfs.multiPage(1);
    static final String ATTACHMENT_NAME = "matrix-attachment";

    /** A contract of A as A's admin sees it (the reference for "nothing changed"). */
    JsonNode contractAsAdminOfA(String id) {
        return ok(api.get("/api/v1/contracts/" + id, adminToken()));
    }

    private String memberToken() {
        return sessions.get(ActorKind.MEMBER).token();
    }

    private String completedContract(TestSigners signers) {
        String bAdmin = sessions.get(ActorKind.OTHER_ADMIN).token();
        signers.grant(api, adminToken(), "甲建設株式会社", a.member2());
        signers.grant(api, bAdmin, "乙工務店株式会社", b.member2());
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "権限試験 締結済");
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        ApiClient.Response created = api.post("/api/v1/contracts", memberToken(), d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode k = created.json();
        k = ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), memberToken(), TestPdfs.multiPage(3),
                Map.of("Content-Type", "application/pdf")));
        k = ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", memberToken(),
                Map.of("revision", k.get("revision").asLong())));
        return signers.complete(api, k, a.member2(), api.login(a.member2().value(), TestServer.PASSWORD), bAdmin,
                b.member2(), api.login(b.member2().value(), TestServer.PASSWORD)).get("id").asText();
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    Session session(ActorKind kind) {
        return sessions.get(kind);
    }

    String adminToken() {
        return sessions.get(ActorKind.ADMIN).token();
    }

    /** A user of company A as A's admin sees it (the reference for "nothing changed"). */
    JsonNode userAsAdminOfA(String id) {
        ApiClient.Response r = api.get("/api/v1/users/" + id, adminToken());
        assertThat(r.status()).as("A's admin reads %s: %s", id, r).isEqualTo(200);
        return r.json();
    }

    /** How many users company A has, as its admin sees it. */
    int usersOfA() {
        ApiClient.Response r = api.get("/api/v1/users?limit=1", adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("total").asInt();
    }

    /** The fixed user ids of the company that is not {@code own}: none may appear in {@code own}'s answers. */
    List<String> idsOfOtherCompany(CompanyId own) {
        return own.equals(a.id()) ? idsOfB : idsOfA;
    }

    CompanyId otherCompany(CompanyId own) {
        return own.equals(a.id()) ? b.id() : a.id();
    }

    /** A new user of company A that no other case touches. */
    String throwaway(Role role) {
        throwaways++;
        UserProfile profile = new UserProfile("使い捨て " + throwaways, "ツカイステ", "tmp@example.invalid", "工事部",
                "担当");
        return server.context().companies().addUser(a.id(), role, profile).value();
    }

    private void live(ActorKind kind, UserId user, CompanyId company) {
        sessions.put(kind, new Session(user, company, api.login(user.value(), TestServer.PASSWORD)));
    }

    /** A member of A who logged in and was then suspended by A's admin through the API. */
    private Session suspendedMember() {
        UserId id = userOfA(Role.MEMBER, "停止");
        String token = api.login(id.value(), TestServer.PASSWORD);
        ApiClient.Response r = api.post("/api/v1/users/" + id + "/suspend", adminToken(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Session(id, a.id(), token);
    }

    /** An admin of company C who logged in before the operator terminated C. */
    /** A member of a terminated company: shut out entirely (its owner and admins may still read, ADR 13). */
    private Session terminatedMember(TestCompany c) {
        String token = api.login(c.member().value(), TestServer.PASSWORD);
        server.context().companies().terminate(c.id());
        return new Session(c.member(), c.id(), token);
    }

    /** A member of A who logged in, after which someone failed their login until the account locked. */
    private Session lockedMember() {
        UserId id = userOfA(Role.MEMBER, "施錠");
        String token = api.login(id.value(), TestServer.PASSWORD);
        int maxFailures = server.context().authSettings().maxFailures();
        ApiClient.Response last = null;
        for (int i = 0; i < maxFailures; i++) {
            last = api.post(LOGIN, null, Map.of("userId", id.value(), "password", "wrong-password-" + i));
        }
        assertThat(last.code()).as("the last failure locks").isEqualTo("ACCOUNT_LOCKED");
        return new Session(id, a.id(), token);
    }

    private UserId userOfA(Role role, String name) {
        UserId id = server.context().companies().addUser(a.id(), role,
                new UserProfile("試験 " + name, "シケン", "test@example.invalid", "工事部", "主任"));
        server.context().auth().setPassword(id, TestServer.PASSWORD, false);
        idsOfA.add(id.value());
        return id;
    }
}
