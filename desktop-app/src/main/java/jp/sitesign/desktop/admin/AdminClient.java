package jp.sitesign.desktop.admin;

import com.fasterxml.jackson.databind.JsonNode;
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
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/**
 * The server's admin REST resources (users, signing authority, certificates and applications,
 * partnerships, audit log) as typed calls, over the session's {@link ServerApi} (its one Jersey client and
 * JSON rules). Every
 * call needs the session's current server token; without one (offline) it throws
 * {@link OnlineOnlyException} before touching the network.
 */
public final class AdminClient {
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

    // ---- signing authority, certificates and applications ----

    /** Binds the user to the company certificate {@code number}: with a valid one, they may sign. */
    public UserView grantSigningAuthority(String userId, String certificateNumber) {
        return read(call("PUT", "/api/v1/users/" + path(userId) + "/signing-authority",
                new AuthorityChange(true, certificateNumber)), UserView.class);
    }

    /** Unbinds the user from every certificate of the company: they can no longer sign. */
    public UserView withdrawSigningAuthority(String userId) {
        return read(call("PUT", "/api/v1/users/" + path(userId) + "/signing-authority",
                new AuthorityChange(false, null)), UserView.class);
    }

    private record AuthorityChange(Boolean granted, String certificateNumber) {
    }

    /** Where a certificate stands now, as the server decides it. */
    public enum CertificateState {
        VALID, NOT_YET_VALID, EXPIRED, REVOKED
    }

    /** A user bound to a certificate: who bound them and when. */
    public record Binding(String userId, String boundBy, java.time.Instant boundAt) {
    }

    /** A company certificate as the server's API shows it ({@code pem} only in a single certificate's details). */
    public record Certificate(String number, String companyId, String organization, String department, String title,
            String commonName, String issuer, String serialNumber, java.time.Instant notBefore,
            java.time.Instant notAfter, String sha256, CertificateState state, String stateLabel,
            java.time.Instant revokedAt, String registeredBy, java.time.Instant registeredAt, List<Binding> bindings,
            String pem) {
    }

    public List<Certificate> certificates() {
        return items(call("GET", "/api/v1/certificates", null), Certificate.class);
    }

    /** Registers a certificate file's bytes (PEM or DER); the server checks it is the company's signing certificate. */
    public Certificate registerCertificate(byte[] pemOrDer) {
        return read(api.upload("/api/v1/certificates", requireToken(), "application/octet-stream", pemOrDer),
                Certificate.class);
    }

    public Certificate bind(String certificateNumber, String userId) {
        return read(call("POST", "/api/v1/certificates/" + path(certificateNumber) + "/bindings",
                Map.of("userId", userId)), Certificate.class);
    }

    public Certificate unbind(String certificateNumber, String userId) {
        return read(call("DELETE", "/api/v1/certificates/" + path(certificateNumber) + "/bindings/" + path(userId),
                null), Certificate.class);
    }

    /** The application's holder: the subject's department and title to be, and whom to contact. */
    public record Holder(String name, String department, String title, String email) {
    }

    /** Where an application stands: waiting for the operator, or fulfilled with a certificate. */
    public enum ApplicationStatus {
        PENDING, FULFILLED
    }

    /** An application for an additional certificate, which the service operator fulfils. */
    public record Application(long id, String companyId, String appliedBy, java.time.Instant appliedAt,
            Holder holder, String reason, String csrPem, ApplicationStatus status, String certificateNumber,
            java.time.Instant fulfilledAt) {
    }

    /** What an admin fills in to apply; {@code csr} is an optional PEM PKCS#10 request. */
    public record ApplicationForm(String holderName, String department, String title, String email, String reason,
            String csr) {
    }

    public List<Application> applications() {
        return items(call("GET", "/api/v1/certificate-applications", null), Application.class);
    }

    public Application apply(ApplicationForm form) {
        return read(call("POST", "/api/v1/certificate-applications", form), Application.class);
    }

    // ---- partnerships ----

    public List<Partnership> partnerships() {
        return items(call("GET", "/api/v1/partnerships", null), Partnership.class);
    }

    /** Gives the company's 承諾 to exactly the method text shown (named by its SHA-256). */
    public Partnership consent(long partnershipId, String methodSha256) {
        return read(call("POST", "/api/v1/partnerships/" + partnershipId + "/consent",
                Map.of("methodSha256", methodSha256)), Partnership.class);
    }

    public Partnership withdrawConsent(long partnershipId) {
        return read(call("POST", "/api/v1/partnerships/" + partnershipId + "/withdraw-consent", null),
                Partnership.class);
    }

    /** A new invitation code of the company (shown once), for the company that is to propose (ADR 22). */
    public Invitation invite() {
        return read(call("POST", "/api/v1/partnerships/invitations", Map.of()), Invitation.class);
    }

    /** Proposes a partnership with the code and 法人番号 (blank for a company without one) the other side gave. */
    public Partnership propose(String corporateNumber, String invitationCode, String methodDescription) {
        Map<String, String> body = new java.util.HashMap<>();
        if (corporateNumber != null && !corporateNumber.isBlank()) {
            body.put("corporateNumber", corporateNumber.strip());
        }
        body.put("invitationCode", invitationCode == null ? "" : invitationCode.strip());
        body.put("methodDescription", methodDescription);
        return read(call("POST", "/api/v1/partnerships", body), Partnership.class);
    }

    /** An invitation code and until when it may be used. */
    public record Invitation(String code, java.time.Instant expiresAt) {
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

    /** One call with the session's token; also for the admin calls kept in classes of their own. */
    JsonNode call(String method, String path, Object body) {
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

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j == null ? null : j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    <T> List<T> items(JsonNode j, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode item : j.get("items")) {
            out.add(read(item, type));
        }
        return out;
    }

    <T> T read(JsonNode j, Class<T> type) {
        return api.convert(j, type);
    }
}
