package jp.sitesign.model.signature.ltv;

import com.sun.net.httpserver.HttpServer;
import jp.sitesign.model.signature.testing.KeyedCa;
import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OCSP and CRL clients against a loopback server answering what each test builds: what is accepted,
 * what is refused and why. Times are fixed: the responses are dated {@link #NOW} and the clients' clocks
 * are set relative to it.
 */
class RevocationClientsTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static KeyedCa issuer;
    static KeyedCa stranger;
    static X509Certificate signer;
    static HttpServer server;
    static volatile Function<byte[], byte[]> answer;
    static final List<byte[]> requests = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        issuer = new KeyedCa("Clients Issuer");
        stranger = new KeyedCa("Clients Issuer");
        signer = issuer.issue(TestCa.rsaKeyPair(2048).getPublic(), "Signer", null, false);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (requests) {
                    requests.add(body);
                }
                byte[] response = answer.apply(body);
                exchange.sendResponseHeaders(200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    // --- OCSP ---

    @Test
    void aGoodAnswerEchoingTheNonceIsAcceptedAndEachRequestHasItsOwnNonce() throws Exception {
        answer = ocsp(issuer.key(), null, Nonce.ECHO, null);

        OcspClient.Answer first = ocspClient(NOW, Duration.ofMinutes(1)).fetch(url(), signer, issuer.root());
        ocspClient(NOW, Duration.ofMinutes(1)).fetch(url(), signer, issuer.root());

        assertThat(first.revocation()).isNull();
        assertThat(first.responderCertificates()).isEmpty();
        byte[] nonce1 = nonce(requests.get(0));
        byte[] nonce2 = nonce(requests.get(1));
        assertThat(nonce1).isNotEqualTo(nonce2).isNotEqualTo(new DEROctetString(new byte[16]).getEncoded());
    }

    @Test
    void aDelegatedRespondersCertificateIsHandedBack() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = issuer.issue(keys.getPublic(), "Responder",
                KeyedCa.usage(KeyPurposeId.id_kp_OCSPSigning), false);
        answer = ocsp(keys.getPrivate(), responder, Nonce.ECHO, null);

        OcspClient.Answer answered = ocspClient(NOW, Duration.ofMinutes(1)).fetch(url(), signer, issuer.root());

        assertThat(answered.responderCertificates()).containsExactly(responder);
    }

    @Test
    void anAnswerSignedByAnotherKeyInTheIssuersNameIsRefused() {
        answer = ocsp(stranger.key(), null, Nonce.ECHO, null);

        assertOcspRefused(NOW, Duration.ofMinutes(1), "is not signed by the issuer");
    }

    @Test
    void anAnswerEchoingAnotherNonceIsRefused() {
        answer = ocsp(issuer.key(), null, Nonce.OTHER, null);

        assertOcspRefused(NOW, Duration.ofDays(365), "nonce differs");
    }

    @Test
    void anAnswerWithoutNonceIsAcceptedOnlyWhileFresh() throws Exception {
        answer = ocsp(issuer.key(), null, Nonce.NONE, null);

        assertThat(ocspClient(NOW.plus(Duration.ofMinutes(30)), Duration.ofHours(1))
                .fetch(url(), signer, issuer.root()).revocation()).isNull();
        assertOcspRefused(NOW.plus(Duration.ofHours(2)), Duration.ofHours(1), "no nonce and the response is stale");
    }

    @Test
    void anAnswerPastItsNextUpdateIsRefused() {
        answer = ocsp(issuer.key(), null, Nonce.ECHO, NOW.plus(Duration.ofHours(1)));

        assertOcspRefused(NOW.plus(Duration.ofHours(2)), Duration.ofDays(365), "past its next update");
    }

    @Test
    void anAnswerWithoutNextUpdateIsAccepted() throws Exception {
        answer = ocsp(issuer.key(), null, Nonce.ECHO, null);

        assertThat(ocspClient(NOW.plus(Duration.ofDays(30)), Duration.ofDays(365))
                .fetch(url(), signer, issuer.root()).revocation()).isNull();
    }

    // --- CRL ---

    @Test
    void aCrlFromTheIssuerListingTheCertificateGivesItsRevocation() throws Exception {
        Instant revoked = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] crl = RevocationItems.crl(issuer.root(), signer.getSerialNumber(), revoked, issuer.key());
        answer = request -> crl;

        CrlClient.Answer answered = new CrlClient(http(), Clock.systemUTC()).fetch(url(), signer, issuer.root());

        assertThat(answered.encoded()).isEqualTo(crl);
        assertThat(answered.revocation().when()).isEqualTo(revoked);
        assertThat(answered.revocation().reason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    }

    @Test
    void aCrlInTheIssuersNameSignedByAnotherKeyIsRefused() {
        byte[] crl = RevocationItems.crl(issuer.root(), signer.getSerialNumber(), Instant.now(), stranger.key());
        answer = request -> crl;

        assertThatThrownBy(() -> new CrlClient(http(), Clock.systemUTC()).fetch(url(), signer, issuer.root()))
                .isInstanceOf(RevocationFetchException.class)
                .hasMessageContaining("not a CRL signed by the issuer");
    }

    @Test
    void aCrlPastItsNextUpdateIsRefused() {
        // RevocationItems makes CRLs whose next update is a day after they are made.
        byte[] crl = RevocationItems.crl(issuer.root(), signer.getSerialNumber(), Instant.now(), issuer.key());
        answer = request -> crl;
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));

        assertThatThrownBy(() -> new CrlClient(http(), later).fetch(url(), signer, issuer.root()))
                .isInstanceOf(RevocationFetchException.class)
                .hasMessageContaining("past its next update");
    }

    private enum Nonce { ECHO, OTHER, NONE }

    /** An OCSP server answering "good" for the certificate asked about, produced and this-update at {@link #NOW}. */
    private static Function<byte[], byte[]> ocsp(PrivateKey key, X509Certificate carried, Nonce nonce, Instant nextUpdate) {
        return body -> {
            try {
                OCSPReq request = new OCSPReq(body);
                X500Name name = X500Name.getInstance((carried == null ? issuer.root() : carried)
                        .getSubjectX500Principal().getEncoded());
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(name));
                builder.addResponse(request.getRequestList()[0].getCertID(), RevocationItems.good(), Date.from(NOW),
                        nextUpdate == null ? null : Date.from(nextUpdate), null);
                if (nonce != Nonce.NONE) {
                    Extension asked = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                    byte[] value = asked.getExtnValue().getOctets().clone();
                    if (nonce == Nonce.OTHER) {
                        value[value.length - 1] ^= 1;
                    }
                    builder.setResponseExtensions(new Extensions(new Extension(
                            OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, value)));
                }
                X509CertificateHolder[] chain = carried == null ? null
                        : new X509CertificateHolder[] {new JcaX509CertificateHolder(carried)};
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(key), chain, Date.from(NOW))).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException("building the test OCSP answer", e);
            }
        };
    }

    private static void assertOcspRefused(Instant clock, Duration maxAge, String reason) {
        assertThatThrownBy(() -> ocspClient(clock, maxAge).fetch(url(), signer, issuer.root()))
                .isInstanceOf(RevocationFetchException.class)
                .hasMessageContaining("OCSP " + url())
                .hasMessageContaining(reason);
    }

    private static byte[] nonce(byte[] request) throws Exception {
        return new OCSPReq(request).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets();
    }

    private static OcspClient ocspClient(Instant now, Duration maxAge) {
        return new OcspClient(http(), Clock.fixed(now, ZoneOffset.UTC), maxAge);
    }

    private static RevocationHttp http() {
        return new RevocationHttp(HttpClient.newHttpClient());
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/revocation");
    }
}
