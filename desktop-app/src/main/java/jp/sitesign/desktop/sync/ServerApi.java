package jp.sitesign.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.UserId;

/**
 * The sync server as the desktop app talks to it: HTTPS pinned to the server certificate the user
 * confirmed, JSON by the shared {@link WireJson} rules. A network failure is {@link OfflineException}
 * (try again later); an answer with an error is a {@link SiteSignException} carrying the server's code
 * and its Japanese and English message.
 */
public final class ServerApi {
    /** Upload chunk size: under the server's 1 MiB body limit for non-PDF bodies. */
    static final int CHUNK = 512 * 1024;

    private static final ObjectMapper JSON = WireJson.create();

    private final URI base;
    private final HttpClient http;

    public ServerApi(URI base, X509Certificate pinned) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTrust.context(pinned)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /** A session on the server. */
    /** @param companyName the user's company as the server names it; null from a server that does not say */
    public record Login(String token, UserId userId, CompanyId companyId, String role, boolean mustChangePassword,
            String companyName) {
    }

    public Login login(String userId, char[] password) {
        JsonNode j = json(send(post("/api/v1/auth/login", null,
                Map.of("userId", userId, "password", new String(password)))));
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
        HttpRequest.Builder b = request(path, token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        byte[] answer = send(b.build());
        return answer.length == 0 ? null : json(answer);
    }

    /** A POST of raw bytes (a certificate file) with their media type, answering the JSON body. */
    public JsonNode upload(String path, String token, String contentType, byte[] body) {
        byte[] answer = send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        return answer.length == 0 ? null : json(answer);
    }

    /** A download (CSV, ZIP, PDF) of the REST API, as bytes. */
    public byte[] download(String path, String token) {
        return send(get(path, token));
    }

    /** Changes the password on the server (the current one proves it is the user). */
    public void changePassword(String token, char[] current, char[] next) {
        send(post("/api/v1/me/password", token, Map.of("currentPassword", new String(current),
                "newPassword", new String(next))));
    }

    /**
     * The desktop versions the server supports and offers (asked without a session, ADR 20); nothing configured when
     * the server predates the question (404).
     */
    public jp.sitesign.model.client.ClientVersions clientVersions() {
        try {
            return JSON.readValue(send(get("/api/v1/client-version", null)), jp.sitesign.model.client.ClientVersions.class);
        } catch (SiteSignException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return new jp.sitesign.model.client.ClientVersions("", "", "");
            }
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("the server's client-version answer is not readable", e);
        }
    }

    /** Ends the session on the server; a session already gone is fine. */
    public void logout(String token) {
        try {
            send(post("/api/v1/auth/logout", token, Map.of()));
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
        JsonNode j = json(send(get("/api/v1/signature-policy", token)));
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
        return read(send(get("/api/v1/sync/changes?since=" + since + "&limit=" + limit, token)), ChangePage.class);
    }

    public List<CommandResult> push(String token, List<Command> commands) {
        return read(send(post("/api/v1/sync/commands", token, new PushRequest(commands))), PushResponse.class)
                .results();
    }

    /** How much of an upload the server holds. */
    public record UploadStatus(String sha256, long size, boolean complete) {
    }

    public UploadStatus uploadStatus(String token, String sha256) {
        return read(send(get("/api/v1/sync/uploads/" + sha256, token)), UploadStatus.class);
    }

    public UploadStatus uploadChunk(String token, String sha256, long offset, byte[] chunk, boolean last) {
        HttpRequest r = request("/api/v1/sync/uploads/" + sha256 + "?offset=" + offset + "&last=" + last, token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        return read(send(r), UploadStatus.class);
    }

    /**
     * A document's bytes from {@code offset} on, streamed to {@code sink} as they arrive, so what came
     * before a cut is kept; returns the document's total size.
     */
    public long download(String token, String contractId, String sha256, long offset, ChunkSink sink) {
        // Always a range, also from 0: the 206 answer's Content-Range names the total, which a large 200 answer
        // (sent chunked) does not, and the progress shown to the user needs it.
        HttpRequest.Builder b = request("/api/v1/sync/documents/" + contractId + "/" + sha256, token).GET()
                .header("Range", "bytes=" + offset + "-");
        try {
            HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200 && r.statusCode() != 206) {
                byte[] body = r.body().readAllBytes();
                throw error(r.statusCode(), body);
            }
            long total = r.statusCode() == 206 ? totalOf(r.headers().firstValue("Content-Range").orElse(""))
                    : r.headers().firstValueAsLong("Content-Length").orElse(-1);
            long at = offset;
            try (java.io.InputStream in = r.body()) {
                byte[] buffer = new byte[64 * 1024];
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OfflineException(base, e);
        }
    }

    /** Receives a downloaded piece at its offset. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(long offset, byte[] piece, long total);
    }

    private static long totalOf(String contentRange) {
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private HttpRequest get(String path, String token) {
        return request(path, token).GET().build();
    }

    private HttpRequest post(String path, String token, Object body) {
        try {
            return request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private byte[] send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw error(r.statusCode(), r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new OfflineException(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OfflineException(base, e);
        }
    }

    /** The server's error body as an exception; a body that is not ours still gives a readable message. */
    private static SiteSignException error(int status, byte[] body) {
        try {
            JsonNode j = JSON.readTree(body);
            ErrorCode code = ErrorCode.valueOf(j.get("code").asText());
            return new SiteSignException(code, j.get("messageJa").asText(), j.get("messageEn").asText());
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return DesktopMessage.SERVER_ANSWER_UNEXPECTED.exception(status,
                    text.substring(0, Math.min(200, text.length())));
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw DesktopMessage.SERVER_ANSWER_UNREADABLE.exception(e.getMessage());
        }
    }
}
