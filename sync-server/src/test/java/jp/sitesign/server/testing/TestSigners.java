package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.user.UserId;

/**
 * Real signers for tests that need a contract signed or completed: a test CA with OCSP and a loopback TSA,
 * one PKCS#12 key per user whose company certificate is registered and bound to them through the API. Start
 * the server with {@link #serverSettings()} so it trusts the CA.
 */
public final class TestSigners implements AutoCloseable {
    private static final String PASSWORD = "p12-pass";
    private final TestCa ca;
    private final TestTsa tsa;
    private final Path dir;
    private final Path anchor;
    private final Map<UserId, Path> keys = new HashMap<>();

    private TestSigners(TestCa ca, TestTsa tsa, Path dir, Path anchor) {
        this.ca = ca;
        this.tsa = tsa;
        this.dir = dir;
        this.anchor = anchor;
    }

    public static TestSigners start() {
        try {
            TestCa ca = TestCa.withRevocation("SiteSign IT CA");
            TestTsa tsa = TestTsa.start(ca);
            Path dir = Files.createTempDirectory("sitesign-signers-");
            return new TestSigners(ca, tsa, dir, TestCa.writePem(dir.resolve("root.pem"), ca.root()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA that certifies the signers and the TSA. */
    public TestCa ca() {
        return ca;
    }

    /** The TSA the signers timestamp with (a test may also name it as the server's {@code tsa.url}). */
    public TestTsa tsa() {
        return tsa;
    }

    /** The server settings that make it accept these signers' signatures. */
    public Map<String, String> serverSettings() {
        return Map.of("trust.anchors", anchor.toString());
    }

    /** {@link #serverSettings()}, and this TSA as the server's own ({@code tsa.url}). */
    public Map<String, String> serverSettingsWithTsa() {
        return Map.of("trust.anchors", anchor.toString(), "tsa.url", tsa.url().toString());
    }

    /** Issues {@code user} a certificate of {@code company}, registered and bound by the company's admin. */
    public void grant(ApiClient api, String adminToken, String company, UserId user) {
        KeyPair pair = TestCa.rsaKeyPair(2048);
        X509Certificate cert = ca.issueCompanySigner(pair.getPublic(), "署名者 " + user.value(), company);
        keys.put(user, Pkcs12Files.write(dir.resolve(user.value() + ".p12"), pair, cert, ca.root(), "k", PASSWORD));
        TestCertificates.bind(api, adminToken, TestCertificates.register(api, adminToken, cert), user);
    }

    /** {@code user}'s PKCS#12 file (key alias "k", password {@link #password()}). */
    public Path keyFile(UserId user) {
        return keys.get(user);
    }

    public char[] password() {
        return PASSWORD.toCharArray();
    }

    /** The loopback TSA, for B-T signatures. */
    public java.net.URI tsaUrl() {
        return tsa.url();
    }

    /** {@code pdf} signed (B-T) with {@code user}'s key. */
    public byte[] sign(UserId user, byte[] pdf) {
        try {
            return new PadesSigner(Clock.systemUTC()).sign(pdf, new Pkcs12KeySource(keys.get(user)),
                    what -> PASSWORD.toCharArray(), SignatureRequest.timestamped("k", new Rfc3161Client(tsa.url())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes a submitted two-party contract with an empty sender route to COMPLETED: the sender's signer
     * signs, the counterparty's receiver names {@code counterpartySigner} with no route, who signs last.
     */
    public JsonNode complete(ApiClient api, JsonNode submitted, UserId senderSigner, String senderSignerToken,
            String receiverToken, UserId counterpartySigner, String counterpartySignerToken) {
        String id = submitted.get("id").asText();
        JsonNode k = signCurrent(api, submitted, senderSigner, senderSignerToken);
        k = ok(api.post("/api/v1/contracts/" + id + "/party-route", receiverToken, Map.of("revision",
                k.get("revision").asLong(), "route", List.of(), "signer", counterpartySigner.value())));
        k = signCurrent(api, k, counterpartySigner, counterpartySignerToken);
        assertThat(k.get("status").asText()).isEqualTo("COMPLETED");
        return k;
    }

    private JsonNode signCurrent(ApiClient api, JsonNode k, UserId signer, String token) {
        String id = k.get("id").asText();
        byte[] current = api.get("/api/v1/contracts/" + id + "/document", token).bytes();
        return ok(api.raw("PUT", "/api/v1/contracts/" + id + "/signed-document?revision=" + k.get("revision").asLong()
                + "&base=" + k.get("mainDocument").asText(), token, sign(signer, current),
                Map.of("Content-Type", "application/pdf")));
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    @Override
    public void close() {
        tsa.close();
        ca.close();
    }
}
