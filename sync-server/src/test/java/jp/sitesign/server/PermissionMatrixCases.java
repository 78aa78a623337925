package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.server.MatrixFixture.ActorKind;
import jp.sitesign.server.MatrixFixture.Session;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;

/**
 * The rows of the permission matrix: every endpoint of the API with, for each kind of caller, the answer
 * DESIGN §3 calls for. Another company's admin gets 404 for A's users because the server looks users up
 * within the caller's company only, so it does not even reveal that the id exists. Every caller without a
 * working session (none, suspended, terminated company, locked) gets 401 UNAUTHENTICATED.
 */
final class PermissionMatrixCases {
    static final Expected OK = new Expected(200, null);
    static final Expected CREATED = new Expected(201, null);
    static final Expected NO_CONTENT = new Expected(204, null);
    static final Expected FORBIDDEN = new Expected(403, "FORBIDDEN");
    static final Expected NOT_FOUND = new Expected(404, "NOT_FOUND");
    static final Expected UNAUTHENTICATED = new Expected(401, "UNAUTHENTICATED");

    private static final Map<ActorKind, Expected> EVERYONE = answers(OK, OK, OK, OK);
    private static final Map<ActorKind, Expected> OWN_COMPANY_ADMINS = answers(OK, OK, FORBIDDEN, OK);
    private static final Map<ActorKind, Expected> MANAGES_A_USER = answers(OK, OK, FORBIDDEN, NOT_FOUND);
    private static final Map<ActorKind, Expected> OPERATOR_ONLY = answers(FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND);
    /** A's draft, created by A's member: its creator and A's owner and admins; B does not even see it. */
    private static final Map<ActorKind, Expected> EDITS_A_DRAFT = answers(CREATED, CREATED, CREATED, NOT_FOUND);
    private static final Map<ActorKind, Expected> SEES_A_DRAFT = answers(OK, OK, OK, NOT_FOUND);
    /** A completed contract A sent to B: A's users who see it amend it; B, a party but not the sender, may not. */
    private static final Map<ActorKind, Expected> AMENDS_A_CONTRACT = answers(CREATED, CREATED, CREATED, FORBIDDEN);

    private PermissionMatrixCases() {
    }

    /** An expected answer: status, and the error code where there is one. */
    record Expected(int status, String code) {
        boolean success() {
            return status < 300;
        }

        @Override
        public String toString() {
            return code == null ? Integer.toString(status) : status + " " + code;
        }
    }

    /**
     * Whom a case acts on; the NEW_ ones are users of A made for this one request. The contract targets are
     * A's: a new draft made by A's member (DRAFT), a new draft with one attachment (ATTACHMENT, and with the
     * revision for removing it), and one completed contract A sent to B (COMPLETED).
     */
    enum Target {
        NONE, NOTICE, OWNER, MEMBER, ADMIN, NEW_MEMBER, NEW_ADMIN, NEW_SUSPENDED, DRAFT, ATTACHMENT,
        ATTACHMENT_TO_REMOVE, COMPLETED;

        boolean isUser() {
            return ordinal() >= OWNER.ordinal() && ordinal() <= NEW_SUSPENDED.ordinal();
        }

        boolean isContract() {
            return ordinal() >= DRAFT.ordinal();
        }
    }

    /** One request of a case: the caller, the token sent, and the target as A's admin saw it before. */
    record Call(MatrixFixture f, ActorKind kind, Session session, String token, String targetId, JsonNode before,
            int usersOfABefore) {
        CompanyId own() {
            return session.companyId();
        }
    }

    /** What a successful answer must have done. */
    interface Check {
        void verify(Call call, ApiClient.Response r);
    }

    /** One endpoint (with one kind of target) and the answer for each kind of caller. */
    record Case(String method, String template, String note, Target target, boolean anonymous,
            boolean freshSession, Function<Call, Object> body, Map<ActorKind, Expected> expected, Check onSuccess) {
        String label() {
            return method + " " + template + note;
        }

        String path(Call call) {
            return template.replaceAll("\\{[a-z ]+}", call.targetId() == null ? "" : call.targetId());
        }
    }

    static List<Case> all() {
        return List.of(
                new Case("POST", "/api/v1/auth/login", "", Target.NONE, true, false, PermissionMatrixCases::credentials,
                        loginAnswers(), (call, r) -> {
                            assertThat(r.json().get("userId").asText()).isEqualTo(call.session().userId().value());
                            assertThat(r.json().get("companyId").asText()).isEqualTo(call.own().value());
                        }),
                new Case("POST", "/api/v1/auth/logout", "", Target.NONE, false, true, c -> Map.of(),
                        answers(NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT),
                        (call, r) -> assertThat(call.f().api.get("/api/v1/me", call.token()).status()).isEqualTo(401)),
                new Case("GET", "/api/v1/me", "", Target.NONE, false, false, c -> null, EVERYONE, (call, r) -> {
                    assertThat(r.json().get("id").asText()).isEqualTo(call.session().userId().value());
                    assertThat(r.json().get("companyId").asText()).isEqualTo(call.own().value());
                }),
                new Case("PUT", "/api/v1/me", "", Target.NONE, false, false, PermissionMatrixCases::ownProfile,
                        EVERYONE, (call, r) -> assertThat(call.f().api.get("/api/v1/me", call.token()).json()
                                .get("name").asText()).isEqualTo("試験 本人更新")),
                new Case("POST", "/api/v1/me/password", "", Target.NONE, false, false,
                        c -> password(TestServer.PASSWORD, MatrixFixture.OTHER_PASSWORD),
                        answers(NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT), (call, r) -> {
                            ApiClient.Response back = call.f().api.post("/api/v1/me/password", call.token(),
                                    password(MatrixFixture.OTHER_PASSWORD, TestServer.PASSWORD));
                            assertThat(back.status()).as("the new password is in force: " + back).isEqualTo(204);
                        }),
                new Case("GET", "/api/v1/users?limit=200", "", Target.NONE, false, false, c -> null,
                        OWN_COMPANY_ADMINS, (call, r) -> {
                            assertThat(r.json().get("items")).isNotEmpty();
                            onlyOwnCompanyListed(call, r);
                        }),
                new Case("GET", "/api/v1/users?id={member}", "", Target.MEMBER, false, false, c -> null,
                        OWN_COMPANY_ADMINS, (call, r) -> {
                            onlyOwnCompanyListed(call, r);
                            int found = call.own().equals(call.f().a.id()) ? 1 : 0;
                            assertThat(r.json().get("total").asInt()).isEqualTo(found);
                        }),
                new Case("POST", "/api/v1/users", "", Target.NONE, false, false, c -> registration("MEMBER"),
                        answers(CREATED, CREATED, FORBIDDEN, CREATED), PermissionMatrixCases::registeredInOwnCompany),
                new Case("POST", "/api/v1/users", " (role ADMIN)", Target.NONE, false, false,
                        c -> registration("ADMIN"), answers(CREATED, CREATED, FORBIDDEN, CREATED),
                        PermissionMatrixCases::registeredInOwnCompany),
                new Case("POST", "/api/v1/users", " (role OWNER)", Target.NONE, false, false,
                        c -> registration("OWNER"), answers(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN), none()),
                read(Target.MEMBER), read(Target.ADMIN), read(Target.OWNER),
                edit(Target.NEW_MEMBER, "", null, MANAGES_A_USER),
                edit(Target.NEW_ADMIN, "", null, MANAGES_A_USER),
                edit(Target.NEW_MEMBER, " (role ADMIN)", "ADMIN", MANAGES_A_USER),
                edit(Target.NEW_MEMBER, " (role OWNER)", "OWNER", OPERATOR_ONLY),
                edit(Target.OWNER, "", null, OPERATOR_ONLY),
                userAction("POST", "/suspend", Target.NEW_MEMBER, MANAGES_A_USER, "status", "SUSPENDED"),
                userAction("POST", "/suspend", Target.NEW_ADMIN, MANAGES_A_USER, "status", "SUSPENDED"),
                userAction("POST", "/suspend", Target.OWNER, OPERATOR_ONLY, "status", "SUSPENDED"),
                userAction("POST", "/resume", Target.NEW_SUSPENDED, MANAGES_A_USER, "status", "ACTIVE"),
                userAction("POST", "/resume", Target.OWNER, OPERATOR_ONLY, "status", "ACTIVE"),
                userAction("DELETE", "", Target.NEW_MEMBER, MANAGES_A_USER, "status", "DELETED"),
                userAction("DELETE", "", Target.NEW_ADMIN, MANAGES_A_USER, "status", "DELETED"),
                userAction("DELETE", "", Target.OWNER, OPERATOR_ONLY, "status", "DELETED"),
                userAction("PUT", "/signing-authority", Target.NEW_MEMBER, MANAGES_A_USER, "signingAuthority", "true"),
                userAction("PUT", "/signing-authority", Target.NEW_ADMIN, MANAGES_A_USER, "signingAuthority", "true"),
                userAction("PUT", "/signing-authority", Target.OWNER, MANAGES_A_USER, "signingAuthority", "true"),
                new Case("GET", "/api/v1/notices", "", Target.NONE, false, false, c -> null, EVERYONE,
                        (call, r) -> assertThat(r.json().get("items").findValuesAsText("id"))
                                .contains(Long.toString(call.f().noticeId))),
                new Case("POST", "/api/v1/notices/{notice}/read", "", Target.NOTICE, false, false, c -> Map.of(),
                        answers(NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT), PermissionMatrixCases::noticeIsRead),
                new Case("GET", "/api/v1/audit?limit=200", "", Target.NONE, false, false, c -> null,
                        OWN_COMPANY_ADMINS, (call, r) -> {
                            assertThat(r.json().get("items")).as("own company's log").isNotEmpty();
                            nothingOfTheOtherCompany(call, r);
                        }),
                new Case("GET", "/api/v1/audit?user={admin}", "", Target.ADMIN, false, false, c -> null,
                        OWN_COMPANY_ADMINS, (call, r) -> {
                            List<String> actors = r.json().get("items").findValuesAsText("actor");
                            if (call.own().equals(call.f().a.id())) {
                                assertThat(actors).isNotEmpty().containsOnly(call.targetId());
                            } else {
                                assertThat(actors).as("another company's user's events").isEmpty();
                            }
                        }),
                new Case("GET", "/api/v1/audit/export", "", Target.NONE, false, false, c -> null,
                        OWN_COMPANY_ADMINS, (call, r) -> {
                            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
                            nothingOfTheOtherCompany(call, r);
                        }),
                new Case("POST", "/api/v1/contracts/{draft}", " (attachments?revision=…&name=…)", Target.DRAFT,
                        false, false, c -> MatrixFixture.ATTACHMENT, EDITS_A_DRAFT, (call, r) -> {
                            JsonNode documents = r.json().get("documents");
                            assertThat(documents).hasSize(2);
                            assertThat(documents.get(1).get("kind").asText()).isEqualTo("ATTACHMENT");
                            assertThat(documents.get(1).get("name").asText()).isEqualTo(MatrixFixture.ATTACHMENT_NAME);
                        }),
                new Case("GET", "/api/v1/contracts/{attachment}", " (attachments/{sha256})", Target.ATTACHMENT,
                        false, false, c -> null, SEES_A_DRAFT,
                        (call, r) -> assertThat(r.bytes()).isEqualTo(MatrixFixture.ATTACHMENT)),
                new Case("DELETE", "/api/v1/contracts/{attachment}", " (attachments/{sha256}?revision=…)",
                        Target.ATTACHMENT_TO_REMOVE, false, false, c -> null, SEES_A_DRAFT,
                        (call, r) -> assertThat(r.json().get("documents")).extracting(d -> d.get("kind").asText())
                                .containsExactly("MAIN")),
                new Case("POST", "/api/v1/contracts/{completed}", " (amendments)", Target.COMPLETED, false, false,
                        c -> Map.of(), AMENDS_A_CONTRACT, (call, r) -> {
                            assertThat(r.json().get("originalId").asText()).isEqualTo(call.f().completedOfA);
                            assertThat(r.json().get("senderId").asText()).isEqualTo(call.own().value());
                            assertThat(r.json().get("status").asText()).isEqualTo("DRAFT");
                        }));
    }

    /** The answers of the four callers with a session; every other caller gets 401. */
    static Map<ActorKind, Expected> answers(Expected owner, Expected admin, Expected member, Expected otherAdmin) {
        Map<ActorKind, Expected> m = new EnumMap<>(ActorKind.class);
        m.put(ActorKind.OWNER, owner);
        m.put(ActorKind.ADMIN, admin);
        m.put(ActorKind.MEMBER, member);
        m.put(ActorKind.OTHER_ADMIN, otherAdmin);
        for (ActorKind k : ActorKind.values()) {
            m.putIfAbsent(k, UNAUTHENTICATED);
        }
        return m;
    }

    private static Map<ActorKind, Expected> loginAnswers() {
        Map<ActorKind, Expected> m = answers(OK, OK, OK, OK);
        m.put(ActorKind.NO_SESSION, new Expected(401, "LOGIN_FAILED"));
        m.put(ActorKind.SUSPENDED, new Expected(403, "ACCOUNT_UNAVAILABLE"));
        m.put(ActorKind.TERMINATED, new Expected(403, "ACCOUNT_UNAVAILABLE"));
        m.put(ActorKind.LOCKED, new Expected(403, "ACCOUNT_LOCKED"));
        return m;
    }

    private static Case read(Target target) {
        return new Case("GET", "/api/v1/users/" + placeholder(target), "", target, false, false, c -> null,
                MANAGES_A_USER, (call, r) -> assertThat(r.json()).isEqualTo(call.before()));
    }

    /** PUT /users/{id}: a new name, and the role unchanged unless {@code role} is given. */
    private static Case edit(Target target, String note, String role, Map<ActorKind, Expected> expected) {
        Function<Call, Object> body = call -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", call.before().get("revision").asLong());
            m.put("name", "試験 変更後");
            m.put("nameKana", "シケン");
            m.put("email", "changed@example.invalid");
            m.put("department", "工務部");
            m.put("title", "所長");
            m.put("role", role != null ? role : call.before().get("role").asText());
            return m;
        };
        Check changed = role == null ? changed("name", "試験 変更後") : changed("role", role);
        return new Case("PUT", "/api/v1/users/" + placeholder(target), note, target, false, false, body, expected,
                changed);
    }

    private static Case userAction(String method, String suffix, Target target, Map<ActorKind, Expected> expected,
            String field, String value) {
        Function<Call, Object> body = suffix.equals("/signing-authority")
                ? c -> Map.of("granted", true, "certificateNumber", c.f().certificateOfA)
                : c -> Map.of();
        return new Case(method, "/api/v1/users/" + placeholder(target) + suffix, "", target, false, false, body,
                expected, changed(field, value));
    }

    private static String placeholder(Target target) {
        return switch (target) {
            case OWNER -> "{owner}";
            case MEMBER, NEW_MEMBER -> "{member}";
            case ADMIN, NEW_ADMIN -> "{admin}";
            case NEW_SUSPENDED -> "{suspended member}";
            default -> throw new IllegalArgumentException(target.name());
        };
    }

    /** The target, re-read by A's admin, shows the change the answer reported, one revision on. */
    private static Check changed(String field, String value) {
        return (call, r) -> {
            JsonNode after = call.f().userAsAdminOfA(call.targetId());
            assertThat(withoutSetAt(after)).as("what the answer said is what was stored")
                    .isEqualTo(withoutSetAt(r.json()));
            sameMomentAsStored(after.get("signingAuthoritySetAt"), r.json().get("signingAuthoritySetAt"));
            assertThat(after.get(field).asText()).isEqualTo(value);
            assertThat(after.get("revision").asLong()).isEqualTo(call.before().get("revision").asLong() + 1);
        };
    }

    /**
     * The answer shows signingAuthoritySetAt with the clock's nanoseconds while the database keeps
     * microseconds (H2 truncates, PostgreSQL rounds), so that one field is compared at the stored precision.
     */
    private static JsonNode withoutSetAt(JsonNode user) {
        return ((ObjectNode) user.deepCopy()).without("signingAuthoritySetAt");
    }

    private static void sameMomentAsStored(JsonNode stored, JsonNode answered) {
        assertThat(stored.isNull()).isEqualTo(answered.isNull());
        if (!stored.isNull()) {
            assertThat(Instant.parse(stored.asText()))
                    .isCloseTo(Instant.parse(answered.asText()), within(1, ChronoUnit.MICROS));
        }
    }

    private static Check none() {
        return (call, r) -> {
        };
    }

    private static Object credentials(Call call) {
        String id = call.session().userId() == null ? "U99999999" : call.session().userId().value();
        return Map.of("userId", id, "password", TestServer.PASSWORD);
    }

    private static Object ownProfile(Call call) {
        ApiClient.Response me = call.f().api.get("/api/v1/me", call.token());
        long revision = me.status() == 200 ? me.json().get("revision").asLong() : 1;
        return Map.of("revision", revision, "name", "試験 本人更新", "nameKana", "シケン", "email",
                "self@example.invalid");
    }

    private static Object password(String current, String next) {
        return Map.of("currentPassword", current, "newPassword", next);
    }

    private static Object registration(String role) {
        return Map.of("name", "新規 利用者", "nameKana", "シンキ", "email", "new@example.invalid", "department",
                "工事部", "title", "担当", "role", role);
    }

    private static void registeredInOwnCompany(Call call, ApiClient.Response r) {
        JsonNode user = r.json().get("user");
        assertThat(user.get("companyId").asText()).isEqualTo(call.own().value());
        assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(r.json().get("oneTimePassword").asText()).isNotBlank();
        int addedToA = call.own().equals(call.f().a.id()) ? 1 : 0;
        assertThat(call.f().usersOfA()).isEqualTo(call.usersOfABefore() + addedToA);
    }

    private static void onlyOwnCompanyListed(Call call, ApiClient.Response r) {
        assertThat(r.json().get("items").findValuesAsText("companyId")).allSatisfy(
                company -> assertThat(company).isEqualTo(call.own().value()));
        nothingOfTheOtherCompany(call, r);
    }

    private static void nothingOfTheOtherCompany(Call call, ApiClient.Response r) {
        String body = r.body();
        assertThat(body).doesNotContain(call.f().otherCompany(call.own()).value());
        for (String id : call.f().idsOfOtherCompany(call.own())) {
            assertThat(body).as("answer to %s", call.kind()).doesNotContain(id);
        }
    }

    private static void noticeIsRead(Call call, ApiClient.Response r) {
        JsonNode items = call.f().api.get("/api/v1/notices?limit=200", call.token()).json().get("items");
        boolean read = false;
        for (JsonNode n : items) {
            if (n.get("id").asLong() == call.f().noticeId) {
                read = n.get("read").asBoolean();
            }
        }
        assertThat(read).as("notice read for " + call.kind()).isTrue();
    }
}
