package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * An RFC 3161 client over HTTP: every request carries a fresh 64-bit nonce and asks for the TSA's
 * certificate; every response is checked by {@link TimestampResponseCheck} before it is used.
 * Any failure is a {@link SigningException} naming the TSA URL.
 */
public final class Rfc3161Client implements TimestampSource {
    private static final String REQUEST_TYPE = "application/timestamp-query";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public Rfc3161Client(URI url) {
        this(url, HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** With a configured HTTP client (proxy, TLS trust) supplied by the application. */
    public Rfc3161Client(URI url, HttpClient http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public String name() {
        return url.toString();
    }

    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) throws SigningException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(algorithm.identifier(), digest, new BigInteger(64, random));
        try {
            TimeStampResponse response = new TimeStampResponse(post(request.getEncoded()));
            return TimestampResponseCheck.check(request, response);
        } catch (TimestampRejectedException e) {
            throw failure(e.getMessage(), e);
        } catch (TSPException | IOException e) {
            throw failure("invalid response: " + e.getMessage(), e);
        }
    }

    private byte[] post(byte[] body) throws SigningException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", REQUEST_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure("no connection: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw failure("HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    private SigningException failure(String reason, Throwable cause) {
        return new SigningException(SigningError.TIMESTAMP_FAILED, cause, url, reason);
    }
}
