package jp.sitesign.server.contracts;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.util.List;
import jp.sitesign.model.signature.timestamp.TimestampSource;

/**
 * What the server checks signed versions against and archives completed contracts with when the
 * settings name no {@code trust.anchors} or {@code tsa.url}: nothing on a real deployment; in demo mode
 * the DEMO CA and TSA (see {@code demo.DemoTrust}). A setting the operator made always wins.
 *
 * @param anchors the trust anchors to use when {@code trust.anchors} is empty
 * @param tsa     the TSA to use when {@code tsa.url} is empty, or null for none (no B-LTA then)
 * @param tsaUrl  where {@code tsa} is reached (what clients timestamp their signatures with), or null with it
 * @param http    the HTTP client that fetches OCSP responses and CRLs, or null for the JDK's default
 */
public record SignatureDefaults(List<X509Certificate> anchors, TimestampSource tsa, URI tsaUrl, HttpClient http) {
    /** No anchors, no TSA, the default HTTP client: the settings alone decide. */
    public static final SignatureDefaults NONE = new SignatureDefaults(List.of(), null, null, null);

    public SignatureDefaults {
        anchors = List.copyOf(anchors);
    }
}
