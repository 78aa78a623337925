package jp.sitesign.server.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.server.ca.DemoTrust;
import jp.sitesign.server.config.ServerConfig;

/**
 * What the server checks signed versions against and archives completed contracts with when the
 * settings name no {@code trust.anchors} or {@code tsa.url}: nothing on a real deployment; in demo mode
 * the DEMO CA and TSA (see {@code ca.DemoTrust}). A setting the operator made always wins; the methods
 * taking the configuration are that choice, made here once for the contracts and the audit log alike.
 *
 * @param anchors the trust anchors to use when {@code trust.anchors} is empty
 * @param tsa     the TSA to use when {@code tsa.url} is empty, or null for none (no B-LTA then)
 * @param tsaUrl  where {@code tsa} is reached (what clients timestamp their signatures with), or null with it
 * @param http    the HTTP client that fetches OCSP responses and CRLs, or null for the JDK's default
 * @param through what every TSA the server uses is wrapped in (the clock-skew watch), or identity
 */
public record SignatureDefaults(List<X509Certificate> anchors, TimestampSource tsa, URI tsaUrl, HttpClient http,
        UnaryOperator<TimestampSource> through) {
    /** No anchors, no TSA, the default HTTP client: the settings alone decide. */
    public static final SignatureDefaults NONE = new SignatureDefaults(List.of(), null, null, null);

    public SignatureDefaults {
        anchors = List.copyOf(anchors);
        through = through == null ? UnaryOperator.identity() : through;
    }

    public SignatureDefaults(List<X509Certificate> anchors, TimestampSource tsa, URI tsaUrl, HttpClient http) {
        this(anchors, tsa, tsaUrl, http, null);
    }

    /** The embedded CA's anchor and TSA: what the contract service uses where the settings name none. */
    public static SignatureDefaults of(DemoTrust trust) {
        return new SignatureDefaults(List.of(trust.anchor()), trust.timestamps(), trust.tsaUrl(), trust.http());
    }

    /** These defaults with every TSA answer passed through {@code wrap} (e.g. to compare its time with ours). */

    public SignatureDefaults timestampsThrough(UnaryOperator<TimestampSource> wrap) {
        return new SignatureDefaults(anchors, tsa, tsaUrl, http, wrap);
    }

    /** The certificates signatures and TSAs must chain to: {@code trust.anchors}, else these defaults'. */
    public List<X509Certificate> trustAnchors(ServerConfig config) {
        List<X509Certificate> configured = new ArrayList<>();
        for (String path : config.get("trust.anchors").split(",")) {
            if (!path.isBlank()) {
                configured.addAll(read(Path.of(path.strip())));
            }
        }
        return configured.isEmpty() ? anchors : List.copyOf(configured);
    }

    /** Where the server's TSA is reached: {@code tsa.url}, else the default's; null when there is none. */
    public URI timestampUrl(ServerConfig config) {
        String url = config.get("tsa.url");
        return url.isBlank() ? (tsa == null ? null : tsaUrl) : URI.create(url.strip());
    }

    /** The server's TSA: {@code tsa.url}, else the default's; null when there is none. */
    public TimestampSource timestamps(ServerConfig config) {
        String url = config.get("tsa.url");
        TimestampSource source = url.isBlank() ? tsa : new Rfc3161Client(URI.create(url.strip()));
        return source == null ? null : through.apply(source);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust anchor " + file, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("trust anchor " + file + " is not a certificate: " + e.getMessage(), e);
        }
    }
}
