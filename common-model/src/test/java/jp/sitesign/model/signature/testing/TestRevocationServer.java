package jp.sitesign.model.signature.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The revocation services of a {@link TestCa} on 127.0.0.1 (a free port): an RFC 6960 OCSP responder
 * at {@code /ocsp} signing with the CA key itself, a freshly signed CRL at {@code /crl}, and the CA
 * certificate at {@code /ca.cer} (for chains that lack it, as on a token). OCSP and CRL
 * know the serials the CA has revoked; {@link #ocspBehaves} and {@link #crlBehaves} make them fail.
 */
public final class TestRevocationServer implements AutoCloseable {
    /** How a service answers. */
    public enum Behaviour {
        /** A correct, signed answer. */
        CORRECT,
        /** HTTP 503 with no body. */
        HTTP_ERROR,
        /** OCSP only: a signed answer that does not echo the request's nonce but a different one. */
        WRONG_NONCE,
        /** OCSP only: a response with status tryLater and no body. */
        TRY_LATER
    }

    private final HttpServer server;
    private final X509Certificate root;
    private final PrivateKey key;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private volatile Behaviour ocsp = Behaviour.CORRECT;
    private volatile Behaviour crl = Behaviour.CORRECT;

    TestRevocationServer(X509Certificate root, PrivateKey key) throws IOException {
        this.root = root;
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", this::answerOcsp);
        server.createContext("/crl", this::answerCrl);
        server.createContext("/ca.cer", this::answerIssuer);
        server.start();
    }

    public URI ocspUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    public URI crlUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crl");
    }

    /** Where the CA certificate is published (AIA caIssuers). */
    public URI issuerUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.cer");
    }

    public void ocspBehaves(Behaviour behaviour) {
        this.ocsp = behaviour;
    }

    public void crlBehaves(Behaviour behaviour) {
        this.crl = behaviour;
    }

    public int ocspRequests() {
        return ocspRequests.get();
    }

    public int crlRequests() {
        return crlRequests.get();
    }

    /** What the responder would answer now about {@code certificate}, as DER, for a test to embed itself. */
    public byte[] ocspResponse(X509Certificate certificate) {
        try {
            CertificateID id = new JcaCertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), root, certificate.getSerialNumber());
            return ocspResponse(new OCSPReqBuilder().addRequest(id).build()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("answering OCSP in-process", e);
        }
    }

    /** The CRL the server would serve now, as DER. */
    public byte[] crl() {
        try {
            return currentCrl().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("issuing the CRL in-process", e);
        }
    }

    void revoke(BigInteger serial, Instant when) {
        revoked.put(serial, when);
    }

    private void answerOcsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            ocspRequests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (ocsp) {
                case HTTP_ERROR -> exchange.sendResponseHeaders(503, -1);
                case TRY_LATER -> send(exchange, "application/ocsp-response",
                        new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded());
                default -> send(exchange, "application/ocsp-response", ocspResponse(new OCSPReq(body)).getEncoded());
            }
        } catch (Exception e) {
            throw new IOException("test OCSP responder", e);
        }
    }

    private OCSPResp ocspResponse(OCSPReq request) throws Exception {
        Instant now = Instant.now();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(X500Name.getInstance(
                root.getSubjectX500Principal().getEncoded())));
        for (Req single : request.getRequestList()) {
            Instant revokedAt = revoked.get(single.getCertID().getSerialNumber());
            CertificateStatus status = revokedAt == null ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
            builder.addResponse(single.getCertID(), status, Date.from(now), Date.from(now.plus(Duration.ofDays(1))));
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            if (ocsp == Behaviour.WRONG_NONCE) {
                byte[] other = nonce.getExtnValue().getOctets().clone();
                other[other.length - 1] ^= 1;
                nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, other);
            }
            builder.setResponseExtensions(new Extensions(nonce));
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer(),
                new X509CertificateHolder[] {new JcaX509CertificateHolder(root)}, Date.from(now)));
    }

    private void answerCrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            crlRequests.incrementAndGet();
            if (crl == Behaviour.HTTP_ERROR) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            send(exchange, "application/pkix-crl", currentCrl().getEncoded());
        } catch (Exception e) {
            throw new IOException("test CRL server", e);
        }
    }

    private X509CRLHolder currentCrl() throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(root).getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
        return builder.build(signer());
    }

    private void answerIssuer(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, "application/pkix-cert", root.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
