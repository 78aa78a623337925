package jp.sitesign.model.signature.ltv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * GET and POST of small binary bodies to revocation servers; every failure names the server. The default client
 * is made at the first request, not before: a B-B or B-T signature never reaches a revocation server, and an
 * HTTP client's threads cost a short command-line run its start and its exit.
 */
final class RevocationHttp {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<HttpClient> source;
    private HttpClient http;

    RevocationHttp(HttpClient http) {
        this(() -> http);
    }

    private RevocationHttp(Supplier<HttpClient> source) {
        this.source = source;
    }

    /** With the JDK's default client (no proxy, redirects followed), made when first needed. */
    static RevocationHttp withDefaultClient() {
        return new RevocationHttp(() -> HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /** Whether a client was made or given: false until the first request on the default one. */
    synchronized boolean connected() {
        return http != null;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = source.get();
        }
        return http;
    }

    byte[] get(String label, URI url) throws RevocationFetchException {
        return send(label, HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build());
    }

    byte[] post(String label, URI url, String contentType, byte[] body) throws RevocationFetchException {
        return send(label, HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private byte[] send(String label, HttpRequest request) throws RevocationFetchException {
        String server = label + " " + request.uri();
        HttpResponse<byte[]> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RevocationFetchException(server, "no connection (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationFetchException(server, "interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new RevocationFetchException(server, "HTTP " + response.statusCode(), null);
        }
        return response.body();
    }
}
