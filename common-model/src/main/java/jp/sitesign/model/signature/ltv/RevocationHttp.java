package jp.sitesign.model.signature.ltv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET and POST of small binary bodies to revocation servers; every failure names the server. */
final class RevocationHttp {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    RevocationHttp(HttpClient http) {
        this.http = http;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
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
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
