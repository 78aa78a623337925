package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.model.user.Role;
import jp.sitesign.server.MatrixFixture.ActorKind;
import jp.sitesign.server.MatrixFixture.Session;
import jp.sitesign.server.PermissionMatrixCases.Call;
import jp.sitesign.server.PermissionMatrixCases.Case;
import jp.sitesign.server.PermissionMatrixCases.Expected;
import jp.sitesign.server.PermissionMatrixCases.Target;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint × every kind of caller through the real HTTPS API, against DESIGN §3: owners and admins
 * manage the ADMIN and MEMBER users of their own company, nobody changes the OWNER through the API,
 * members neither list nor manage users nor read the audit log, everyone logged in reads notices and
 * their own account, and nothing of another company can be read or changed. A refused request must
 * leave its target exactly as it was.
 */
class PermissionMatrixIT {
    static TestSigners signers;
    static TestServer server;
    static MatrixFixture f;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        f = new MatrixFixture(server, signers);
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @TestFactory
    Stream<DynamicNode> matrix() {
        return PermissionMatrixCases.all().stream().map(c -> dynamicContainer(c.label(),
                Arrays.stream(ActorKind.values()).map(kind -> dynamicTest(
                        String.format("%-10s %s -> %s", kind.label, c.label(), c.expected().get(kind)),
                        () -> run(c, kind)))));
    }

    private static void run(Case c, ActorKind kind) {
        Session session = f.session(kind);
        String targetId = target(c.target());
        JsonNode before = c.target().isUser() ? f.userAsAdminOfA(targetId)
                : c.target().isContract() ? f.contractAsAdminOfA(contractId(targetId)) : null;
        String token = c.freshSession() && kind.live() ? f.api.login(session.userId().value(), TestServer.PASSWORD)
                : session.token();
        Call call = new Call(f, kind, session, token, targetId, before, f.usersOfA());

        ApiClient.Response r = send(c.method(), c.path(call), c.anonymous() ? null : token, c.body().apply(call));

        Expected expected = c.expected().get(kind);
        assertThat(r.status()).as("%s %s as %s: %s", c.method(), c.path(call), kind, r).isEqualTo(expected.status());
        if (expected.code() != null) {
            assertThat(r.code()).isEqualTo(expected.code());
        }
        if (expected.success()) {
            c.onSuccess().verify(call, r);
        } else {
            if (c.target().isUser()) {
                assertThat(f.userAsAdminOfA(targetId)).as("a refused request changes nothing").isEqualTo(before);
            }
            if (c.target().isContract()) {
                assertThat(f.contractAsAdminOfA(contractId(targetId))).as("a refused request changes nothing")
                        .isEqualTo(before);
            }
            assertThat(f.usersOfA()).as("a refused request adds no user").isEqualTo(call.usersOfABefore());
        }
    }

    /** A contract target is "id" or "id/rest-of-the-path". */
    private static String contractId(String targetId) {
        int slash = targetId.indexOf('/');
        return slash < 0 ? targetId : targetId.substring(0, slash);
    }

    private static String target(Target target) {
        return switch (target) {
            case DRAFT -> {
                JsonNode k = f.draftOfA();
                yield k.get("id").asText() + "/attachments?revision=" + k.get("revision").asLong() + "&name="
                        + MatrixFixture.ATTACHMENT_NAME;
            }
            case ATTACHMENT -> attachmentOfNewDraft(false);
            case ATTACHMENT_TO_REMOVE -> attachmentOfNewDraft(true);
            case COMPLETED -> f.completedOfA + "/amendments";
            case NONE -> null;
            case NOTICE -> Long.toString(f.noticeId);
            case OWNER -> f.a.owner().value();
            case MEMBER -> f.a.member2().value();
            case ADMIN -> f.a.admin().value();
            case NEW_MEMBER -> f.throwaway(Role.MEMBER);
            case NEW_ADMIN -> f.throwaway(Role.ADMIN);
            case NEW_SUSPENDED -> {
                String id = f.throwaway(Role.MEMBER);
                assertThat(f.api.post("/api/v1/users/" + id + "/suspend", f.adminToken(), Map.of()).status())
                        .isEqualTo(200);
                yield id;
            }
        };
    }

    private static String attachmentOfNewDraft(boolean withRevision) {
        JsonNode k = f.draftOfAWithAttachment();
        String path = k.get("id").asText() + "/attachments/" + k.get("documents").get(1).get("sha256").asText();
        return withRevision ? path + "?revision=" + k.get("revision").asLong() : path;
    }

    private static ApiClient.Response send(String method, String path, String token, Object body) {
        if (body instanceof byte[] pdf) {
            return f.api.raw(method, path, token, pdf, Map.of("Content-Type", "application/pdf"));
        }
        return switch (method) {
            case "GET" -> f.api.get(path, token);
            case "DELETE" -> f.api.delete(path, token);
            case "POST" -> f.api.post(path, token, body);
            case "PUT" -> f.api.put(path, token, body);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void memberCannotRaiseTheirOwnRole() {
        Session member = f.session(ActorKind.MEMBER);
        JsonNode me = f.api.get("/api/v1/me", member.token()).json();
        Map<String, Object> promoted = Map.of("revision", me.get("revision").asLong(), "name", me.get("name").asText(),
                "nameKana", me.get("nameKana").asText(), "email", me.get("email").asText(), "department",
                me.get("department").asText(), "title", me.get("title").asText(), "role", "ADMIN");

        ApiClient.Response viaUsers = f.api.put("/api/v1/users/" + member.userId(), member.token(), promoted);
        ApiClient.Response viaMe = f.api.put("/api/v1/me", member.token(), Map.of("revision",
                me.get("revision").asLong(), "name", me.get("name").asText(), "role", "ADMIN"));

        assertThat(viaUsers.status()).as(viaUsers.toString()).isEqualTo(403);
        assertThat(viaUsers.code()).isEqualTo("FORBIDDEN");
        assertThat(viaMe.status()).as(viaMe.toString()).isEqualTo(400);
        assertThat(viaMe.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(f.userAsAdminOfA(member.userId().value())).isEqualTo(me);
    }

    @Test
    void neitherAdminNorOwnerCanMakeAnyoneOwner() {
        for (ActorKind kind : new ActorKind[] {ActorKind.ADMIN, ActorKind.OWNER}) {
            Session actor = f.session(kind);
            String member = f.throwaway(Role.MEMBER);
            JsonNode before = f.userAsAdminOfA(member);
            JsonNode self = f.userAsAdminOfA(actor.userId().value());
            int users = f.usersOfA();

            ApiClient.Response promote = f.api.put("/api/v1/users/" + member, actor.token(), withRole(before, "OWNER"));
            ApiClient.Response promoteSelf = f.api.put("/api/v1/users/" + actor.userId(), actor.token(),
                    withRole(self, "OWNER"));
            ApiClient.Response register = f.api.post("/api/v1/users", actor.token(), Map.of("name", "新 責任者",
                    "nameKana", "シン", "email", "owner@example.invalid", "department", "本社", "title", "社長",
                    "role", "OWNER"));

            for (ApiClient.Response r : new ApiClient.Response[] {promote, promoteSelf, register}) {
                assertThat(r.status()).as("%s: %s", kind, r).isEqualTo(403);
                assertThat(r.code()).isEqualTo("FORBIDDEN");
            }
            assertThat(f.userAsAdminOfA(member)).isEqualTo(before);
            assertThat(f.userAsAdminOfA(actor.userId().value())).isEqualTo(self);
            assertThat(f.usersOfA()).isEqualTo(users);
        }
    }

    @Test
    void anotherCompanysAdminFindsNoneOfItsUsers() {
        String bToken = f.session(ActorKind.OTHER_ADMIN).token();
        for (String id : f.idsOfOtherCompany(f.b.id())) {
            ApiClient.Response search = f.api.get("/api/v1/users?id=" + id, bToken);
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.json().get("total").asInt()).as("search for A's %s", id).isZero();
            assertThat(search.json().get("items")).isEmpty();
            assertThat(f.api.get("/api/v1/users/" + id, bToken).code()).isEqualTo("NOT_FOUND");
        }
        ApiClient.Response all = f.api.get("/api/v1/users?limit=500", bToken);
        assertThat(all.json().get("items").findValuesAsText("companyId")).containsOnly(f.b.id().value());
        assertThat(all.json().get("items").findValuesAsText("id")).containsAll(f.idsOfOtherCompany(f.a.id()));
    }

    private static Map<String, Object> withRole(JsonNode user, String role) {
        return Map.of("revision", user.get("revision").asLong(), "name", user.get("name").asText(), "nameKana",
                user.get("nameKana").asText(), "email", user.get("email").asText(), "department",
                user.get("department").asText(), "title", user.get("title").asText(), "role", role);
    }
}
