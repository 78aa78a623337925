package jp.sitesign.desktop.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import jp.sitesign.model.sync.WireJson;

/**
 * The server's admin REST resources (users, audit log so far) as typed calls. Every
 * call needs the session's current server token; without one (offline) it throws
 * {@link OnlineOnlyException} before touching the network.
 */
public final class AdminClient {
    private static final ObjectMapper JSON = WireJson.create();

    private final ServerApi api;
    private final Supplier<String> token;

    public AdminClient(ServerApi api, Supplier<String> token) {
        this.api = api;
        this.token = token;
    }

    /** The admin calls of a logged-in desktop session, with whatever token its sync engine holds now. */
    public static AdminClient of(DesktopSession session) {
        return new AdminClient(session.api(), () -> session.engine().token());
    }

    /** The logged-in user's own account, from which the policy's actor is built. */
    public UserView me() {
        return read(call("GET", "/api/v1/me", null), UserView.class);
    }

    // ---- users ----

    /** What the user list is searched by; null or blank fields do not filter. */
    public record UserSearch(String id, String name, String department, String title, Role role,
            UserStatus status) {
        public static final UserSearch ALL = new UserSearch(null, null, null, null, null, null);
    }

    /** A page of users and how many match in all. */
    public record UserPage(List<UserView> items, int total, int offset, int limit) {
    }

    /** The attributes an admin registers or edits. */
    public record UserForm(String name, String nameKana, String email, String department, String title, Role role) {
    }

    /** A registered user with the one-time password, which the server never shows again. */
    public record Registered(UserView user, String oneTimePassword) {
    }

    public UserPage users(UserSearch s, int offset, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", s.id());
        q.put("name", s.name());
        q.put("department", s.department());
        q.put("title", s.title());
        q.put("role", s.role());
        q.put("status", s.status());
        q.put("offset", offset);
        q.put("limit", limit);
        JsonNode j = call("GET", "/api/v1/users" + query(q), null);
        List<UserView> items = new ArrayList<>();
        for (JsonNode u : j.get("items")) {
            items.add(read(u, UserView.class));
        }
        return new UserPage(items, j.get("total").asInt(), j.get("offset").asInt(), j.get("limit").asInt());
    }

    public Registered register(UserForm form) {
        JsonNode j = call("POST", "/api/v1/users", form);
        return new Registered(read(j.get("user"), UserView.class), j.get("oneTimePassword").asText());
    }

    public UserView update(String userId, long revision, UserForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", revision);
        body.put("name", form.name());
        body.put("nameKana", form.nameKana());
        body.put("email", form.email());
        body.put("department", form.department());
        body.put("title", form.title());
        body.put("role", form.role());
        return read(call("PUT", "/api/v1/users/" + path(userId), body), UserView.class);
    }

    public UserView suspend(String userId) {
        return read(call("POST", "/api/v1/users/" + path(userId) + "/suspend", null), UserView.class);
    }

    public UserView resume(String userId) {
        return read(call("POST", "/api/v1/users/" + path(userId) + "/resume", null), UserView.class);
    }

    public UserView delete(String userId) {
        return read(call("DELETE", "/api/v1/users/" + path(userId), null), UserView.class);
    }

    // ---- audit log ----

    /** The audit filters: JST calendar days (inclusive), the acting user's id, the action. */
    public record AuditSearch(LocalDate from, LocalDate to, String user, AuditAction action) {
        public static final AuditSearch ALL = new AuditSearch(null, null, null, null);
    }

    /** One audit event as the admin screen shows it. */
    public record AuditEntry(long sequence, java.time.Instant time, String actor, AuditAction action, String target,
            String outcome, String clientIp, String details) {
    }

    /** Newest first; the server gives no total, so a full page means there may be more. */
    public List<AuditEntry> audit(AuditSearch s, int offset, int limit) {
        Map<String, Object> q = auditQuery(s);
        q.put("offset", offset);
        q.put("limit", limit);
        JsonNode j = call("GET", "/api/v1/audit" + query(q), null);
        List<AuditEntry> out = new ArrayList<>();
        for (JsonNode e : j.get("items")) {
            out.add(new AuditEntry(e.get("sequence").asLong(), read(e.get("time"), java.time.Instant.class),
                    text(e, "actor"), AuditAction.valueOf(e.get("action").asText()), text(e, "target"),
                    text(e, "outcome"), text(e, "clientIp"), text(e, "details")));
        }
        return out;
    }

    /** The matching events as the server's CSV (UTF-8 with BOM, JST times), every page. */
    public byte[] auditCsv(AuditSearch s) {
        return api.download("/api/v1/audit/export" + query(auditQuery(s)), requireToken());
    }

    // ---- plumbing ----

    private JsonNode call(String method, String path, Object body) {
        return api.call(method, path, requireToken(), body);
    }

    private String requireToken() {
        String t = token.get();
        if (t == null) {
            throw new OnlineOnlyException();
        }
        return t;
    }

    private static Map<String, Object> auditQuery(AuditSearch s) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("from", s.from());
        q.put("to", s.to());
        q.put("user", s.user());
        q.put("action", s.action());
        return q;
    }

    static String query(Map<String, Object> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            Object v = p.getValue();
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            b.append(b.length() == 0 ? '?' : '&').append(p.getKey()).append('=')
                    .append(URLEncoder.encode(v.toString().strip(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j == null ? null : j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T read(JsonNode j, Class<T> type) {
        try {
            return JSON.treeToValue(j, type);
        } catch (IOException e) {
            throw new SiteSignException(ErrorCode.INTERNAL, "サーバーの応答を読み取れませんでした。",
                    "The server's answer could not be read: " + e.getMessage());
        }
    }
}
