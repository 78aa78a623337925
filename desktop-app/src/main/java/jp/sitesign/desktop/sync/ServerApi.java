package jp.sitesign.desktop.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.client.ClientVersions;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorBody;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.UserId;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The sync server as the desktop app talks to it: one Jersey client per server session (ADR 32), HTTPS
 * pinned to the server certificate the user confirmed, JSON by the wire rules the server uses too
 * ({@link WireJson}). A network failure is {@link OfflineException} (try again later); an answer
 * with an error is a {@link SiteSignException} carrying the server's code and its Japanese and English
 * message. Close it when the session ends.
 */
public final class ServerApi implements AutoCloseable {
    /** Upload chunk size: under the server's 1 MiB body limit for non-PDF bodies. */
    static final int CHUNK = 512 * 1024;
    /** Pieces a download is handed on in, so a document never has to be in memory whole. */
    private static final int PIECE = 64 * 1024;

    /**
     * Jersey's client runs without an injection framework and says so at every client it makes; the desktop
     * ships without HK2 on purpose (ADR 32). Held here: the JDK keeps only weak references to loggers.
     */
    private static final java.util.logging.Logger NO_HK2 =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.client.innate.inject.NonInjectionManager");

    static {
        NO_HK2.setLevel(java.util.logging.Level.SEVERE);
        // Jersey's default connector is HttpURLConnection, which by default sends a POST a second time when
        // a kept-alive connection turns out closed. The JDK HttpClient used before never did; an admin's
        // "register user" must not run twice (ADR 32). Read once by the JDK, so set before the first request.
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
    }

    private final URI base;
    private final Client http;
    private final ObjectMapper json;
    private final ObjectReader errors;

    public ServerApi(URI base, X509Certificate pinned) {
        this.base = base;
        this.json = WireJson.create();
        // An error body is read leniently: a newer server may say more than this version knows.
        this.errors = json.readerFor(ErrorBody.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // No hostname verifier is set: as with the JDK HttpClient before, the pinned trust manager decides
        // alone, on the exact certificate (PinnedTrust). No redirects: they would leave the confirmed server.
        this.http = ClientBuilder.newBuilder()
                .sslContext(PinnedTrust.context(pinned))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new WireJsonResolver(json))
                .build();
    }

    public URI base() {
        return base;
    }

    /** Ends the client's connections; calls after this fail. */
    @Override
    public void close() {
        http.close();
    }

    /** A session on the server. */
    /** @param companyName the user's company as the server names it; null from a server that does not say */
    public record Login(String token, UserId userId, CompanyId companyId, String role, boolean mustChangePassword,
            String companyName) {
    }

    public Login login(String userId, char[] password) {
        JsonNode j = exchange(request("/api/v1/auth/login", null).buildPost(
                jsonBody(Map.of("userId", userId, "password", new String(password)))), JsonNode.class);
        return new Login(j.get("token").asText(), new UserId(j.get("userId").asText()),
                new CompanyId(j.get("companyId").asText()), j.get("role").asText(),
                j.get("mustChangePassword").asBoolean(),
                j.hasNonNull("companyName") ? j.get("companyName").asText() : null);
    }

    /**
     * Any other online call of the REST API (the admin screens: users, certificates, partnerships, the
     * audit log), answering the JSON body, or null for 204. Errors as for every call here.
     */
    public JsonNode call(String method, String path, String token, Object body) {
        Invocation.Builder b = request(path, token);
        return exchange(body == null ? b.build(method) : b.build(method, jsonBody(body)), JsonNode.class);
    }

    /** A JSON answer of {@link #call} as one of the shared types, read by the same wire rules. */
    public <T> T convert(JsonNode answer, Class<T> type) {
        try {
            return json.treeToValue(answer, type);
        } catch (IOException | IllegalArgumentException e) {
            throw DesktopMessage.SERVER_ANSWER_UNREADABLE.exception(e.getMessage());
        }
    }

    /** A POST of raw bytes (a certificate file) with their media type, answering the JSON body. */
    public JsonNode upload(String path, String token, String contentType, byte[] body) {
        return exchange(request(path, token).buildPost(Entity.entity(body, contentType)), JsonNode.class);
    }

    /** A download (CSV, ZIP, PDF) of the REST API, as bytes. */
    public byte[] download(String path, String token) {
        byte[] answer = exchange(request(path, token).buildGet(), byte[].class);
        return answer == null ? new byte[0] : answer;
    }

    /** Changes the password on the server (the current one proves it is the user). */
    public void changePassword(String token, char[] current, char[] next) {
        exchange(request("/api/v1/me/password", token).buildPost(jsonBody(Map.of("currentPassword",
                new String(current), "newPassword", new String(next)))), JsonNode.class);
    }

    /**
     * The desktop versions the server supports and offers (asked without a session, ADR 20); nothing configured when
     * the server predates the question (404).
     */
    public ClientVersions clientVersions() {
        try {
            return exchange(request("/api/v1/client-version", null).buildGet(), ClientVersions.class);
        } catch (SiteSignException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return new ClientVersions("", "", "");
            }
            throw e;
        }
    }

    /** Ends the session on the server; a session already gone is fine. */
    public void logout(String token) {
        try {
            exchange(request("/api/v1/auth/logout", token).buildPost(jsonBody(Map.of())), JsonNode.class);
        } catch (SiteSignException e) {
            if (e.code() != ErrorCode.SESSION_EXPIRED && e.code() != ErrorCode.UNAUTHENTICATED) {
                throw e;
            }
        }
    }

    /**
     * What the server checks signatures against and timestamps with.
     *
     * @param trustAnchors the certificates the server accepts signatures from
     * @param tsaUrl       the server's timestamp server (its own in demo mode), or null when it has none
     */
    public record SignaturePolicy(List<X509Certificate> trustAnchors, URI tsaUrl) {
        public SignaturePolicy {
            trustAnchors = List.copyOf(trustAnchors);
        }
    }

    /**
     * The certificates the server accepts signatures from (to check a new signature the same way) and its
     * timestamp server, read together.
     */
    public SignaturePolicy signaturePolicy(String token) {
        JsonNode j = exchange(request("/api/v1/signature-policy", token).buildGet(), JsonNode.class);
        List<X509Certificate> out = new java.util.ArrayList<>();
        try {
            for (JsonNode pem : j.get("trustAnchors")) {
                out.addAll(jp.sitesign.model.crypto.CertificatePem.decode(pem.asText().getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (java.security.cert.CertificateException e) {
            throw DesktopMessage.SERVER_TRUST_ANCHORS_UNREADABLE.exception(e.getMessage());
        }
        JsonNode tsa = j.get("tsaUrl");
        URI tsaUrl;
        try {
            tsaUrl = tsa == null || tsa.isNull() || tsa.asText().isBlank() ? null : URI.create(tsa.asText().strip());
        } catch (IllegalArgumentException e) {
            throw DesktopMessage.SERVER_TSA_URL_UNREADABLE.exception(e.getMessage());
        }
        return new SignaturePolicy(out, tsaUrl);
    }

    public ChangePage pull(String token, long since, int limit) {
        return exchange(request("/api/v1/sync/changes?since=" + since + "&limit=" + limit, token).buildGet(),
                ChangePage.class);
    }

    /**
     * How many contracts the user may see on the server (the search's total of one row): the "m" of a first
     * sync's progress. Errors as for every call here.
     */
    public int contractCount(String token) {
        JsonNode page = exchange(request("/api/v1/contracts?limit=1", token).buildGet(), JsonNode.class);
        return page == null ? 0 : page.path("total").asInt(0);
    }

    /** The other companies' people named on contract {@code contractId}: name and title (ADR 43). */
    public List<jp.sitesign.model.user.PersonName> people(String token, String contractId) {
        jp.sitesign.model.user.PersonName[] people = exchange(request("/api/v1/contracts/"
                + java.net.URLEncoder.encode(contractId, java.nio.charset.StandardCharsets.UTF_8) + "/people", token)
                .buildGet(), jp.sitesign.model.user.PersonName[].class);
        return people == null ? List.of() : List.of(people);
    }

    public List<CommandResult> push(String token, List<Command> commands) {
        return exchange(request("/api/v1/sync/commands", token).buildPost(jsonBody(new PushRequest(commands))),
                PushResponse.class).results();
    }

    /** How much of an upload the server holds. */
    public record UploadStatus(String sha256, long size, boolean complete) {
    }

    public UploadStatus uploadStatus(String token, String sha256) {
        return exchange(request("/api/v1/sync/uploads/" + sha256, token).buildGet(), UploadStatus.class);
    }

    public UploadStatus uploadChunk(String token, String sha256, long offset, byte[] chunk, boolean last) {
        return exchange(request("/api/v1/sync/uploads/" + sha256 + "?offset=" + offset + "&last=" + last, token)
                .buildPut(Entity.entity(chunk, MediaType.APPLICATION_OCTET_STREAM_TYPE)), UploadStatus.class);
    }

    /**
     * A document's bytes from {@code offset} on, streamed to {@code sink} as they arrive, so what came
     * before a cut is kept; returns the document's total size.
     */
    public long download(String token, String contractId, String sha256, long offset, ChunkSink sink) {
        // Always a range, also from 0: the 206 answer's Content-Range names the total, which a large 200 answer
        // (sent chunked) does not, and the progress shown to the user needs it.
        Invocation get = request("/api/v1/sync/documents/" + contractId + "/" + sha256, token)
                .header("Range", "bytes=" + offset + "-").buildGet();
        try (Response r = invoke(get)) {
            if (r.getStatus() != 200 && r.getStatus() != 206) {
                throw error(r);
            }
            long total = r.getStatus() == 206 ? totalOf(r.getHeaderString("Content-Range"))
                    : lengthOf(r.getHeaderString(HttpHeaders.CONTENT_LENGTH));
            long at = offset;
            try (InputStream in = r.readEntity(InputStream.class)) {
                byte[] buffer = new byte[PIECE];
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    sink.accept(at, java.util.Arrays.copyOf(buffer, n), total);
                    at += n;
                    if (n < buffer.length) {
                        break;
                    }
                }
            }
            return total;
        } catch (IOException e) {
            throw new OfflineException(base, e);
        } catch (ProcessingException e) {
            throw failure(e);
        }
    }

    /** Receives a downloaded piece at its offset. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(long offset, byte[] piece, long total);
    }

    private static long totalOf(String contentRange) {
        int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
        return slash < 0 ? -1 : lengthOf(contentRange.substring(slash + 1));
    }

    private static long lengthOf(String number) {
        try {
            return number == null ? -1 : Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Entity<Object> jsonBody(Object body) {
        return Entity.entity(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private Invocation.Builder request(String path, String token) {
        Invocation.Builder b = http.target(base.resolve(path)).request();
        if (token != null) {
            b.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return b;
    }

    /**
     * Sends and reads the answer as {@code type} (null for an answer without a body); a non-2xx answer
     * is the server's error.
     */
    private <T> T exchange(Invocation invocation, Class<T> type) {
        try (Response r = invoke(invocation)) {
            if (r.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw error(r);
            }
            if (r.getStatus() == 204 || !r.hasEntity()) {
                return null;
            }
            return r.readEntity(type);
        } catch (ProcessingException e) {
            throw failure(e);
        }
    }

    private Response invoke(Invocation invocation) {
        try {
            return invocation.invoke();
        } catch (ProcessingException e) {
            throw failure(e);
        }
    }

    /**
     * What a failure inside Jersey means here: an answer that is not the JSON expected is the server's
     * fault; a failure of the connection (refused, cut, TLS refused by the pinned trust) is being offline.
     */
    private RuntimeException failure(ProcessingException e) {
        if (e instanceof org.glassfish.jersey.message.internal.MessageBodyProviderNotFoundException) {
            return DesktopMessage.SERVER_ANSWER_UNREADABLE.exception(e.getMessage()); // not JSON, by its type
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException) {
                return DesktopMessage.SERVER_ANSWER_UNREADABLE.exception(c.getMessage());
            }
            if (c instanceof IOException io) {
                return new OfflineException(base, io);
            }
        }
        return new IllegalStateException("the request could not be made: " + e.getMessage(), e);
    }

    /** The server's error body as an exception; a body that is not ours still gives a readable message. */
    private SiteSignException error(Response r) {
        byte[] body = r.hasEntity() ? r.readEntity(byte[].class) : new byte[0];
        try {
            return errors.<ErrorBody>readValue(body).toException();
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return DesktopMessage.SERVER_ANSWER_UNEXPECTED.exception(r.getStatus(),
                    text.substring(0, Math.min(200, text.length())));
        }
    }
}
