package jp.sitesign.model.signature.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RFC 3161 time-stamping authority on 127.0.0.1 (a free port), signing with a key certified by a
 * {@link TestCa}. {@link #behave} makes it misbehave in the ways a client must notice.
 */
public final class TestTsa implements AutoCloseable {
    /** How the TSA answers. */
    public enum Behaviour {
        /** A correct response. */
        CORRECT,
        /** HTTP 503 with no body. */
        HTTP_ERROR,
        /** A valid token, but for another nonce than the request's. */
        WRONG_NONCE,
        /** A valid token, but over another message imprint. */
        WRONG_IMPRINT
    }

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private final HttpServer server;
    private final TestCa ca;
    private volatile List<X509Certificate> chain;
    private volatile TimeStampResponseGenerator generator;
    private final AtomicLong serial = new AtomicLong();
    private volatile Behaviour behaviour = Behaviour.CORRECT;
    private volatile java.time.Duration clockOffset = java.time.Duration.ZERO;

    private TestTsa(TestCa ca, X509Certificate certificate, KeyPair keys) throws Exception {
        this.ca = ca;
        use(certificate, keys);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::answer);
        server.start();
    }

    private void use(X509Certificate certificate, KeyPair keys) throws Exception {
        List<X509Certificate> newChain = List.of(certificate, ca.root());
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
        tokens.addCertificates(new JcaCertStore(newChain));
        this.generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        this.chain = newChain;
    }

    /**
     * From now on signs with another key and certificate at the same URL, as a real TSA does before its
     * certificate expires.
     */
    public void rotate(X509Certificate certificate, KeyPair keys) {
        try {
            use(certificate, keys);
        } catch (Exception e) {
            throw new IllegalStateException("rotating the test TSA's key", e);
        }
    }

    /** A TSA with a proper timeStamping certificate from {@code ca}. */
    public static TestTsa start(TestCa ca) {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        return start(ca, ca.issueTsa(keys.getPublic(), "SiteSign Test TSA"), keys);
    }

    /** A TSA signing with the given certificate (Bouncy Castle insists on the timeStamping usage). */
    public static TestTsa start(TestCa ca, X509Certificate certificate, KeyPair keys) {
        try {
            return new TestTsa(ca, certificate, keys);
        } catch (Exception e) {
            throw new IllegalStateException("starting the test TSA", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** The TSA certificate and the root, TSA first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public void behave(Behaviour newBehaviour) {
        this.behaviour = newBehaviour;
    }

    /** From now on states times this far from the real one (a TSA, or a server, whose clock is off). */
    public void clockOffBy(java.time.Duration offset) {
        this.clockOffset = offset;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (behaviour == Behaviour.HTTP_ERROR) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] response;
            try {
                response = generator.generate(answered(new TimeStampRequest(body)),
                        BigInteger.valueOf(serial.incrementAndGet()),
                        Date.from(java.time.Instant.now().plus(clockOffset))).getEncoded();
            } catch (Exception e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /** The request the token is made for: the real one, or a doctored one to test the client. */
    private TimeStampRequest answered(TimeStampRequest request) {
        TimeStampRequestGenerator doctored = new TimeStampRequestGenerator();
        doctored.setCertReq(request.getCertReq());
        return switch (behaviour) {
            case WRONG_NONCE -> doctored.generate(request.getMessageImprintAlgOID(), request.getMessageImprintDigest(),
                    request.getNonce().add(BigInteger.ONE));
            case WRONG_IMPRINT -> {
                byte[] other = request.getMessageImprintDigest().clone();
                other[0] ^= 1;
                yield doctored.generate(request.getMessageImprintAlgOID(), other, request.getNonce());
            }
            default -> request;
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
