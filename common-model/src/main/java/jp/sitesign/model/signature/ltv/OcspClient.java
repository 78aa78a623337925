package jp.sitesign.model.signature.ltv;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 6960 OCSP client: one request with a fresh nonce per certificate, POSTed over HTTP. The
 * response must be successful, signed by the issuer or by a responder the issuer authorised
 * ({@link OcspResponderCheck}), about the certificate asked for, and either echo the nonce or be
 * fresh (produced within {@code maxAge}, not past its next update). A "revoked" answer is returned
 * with its {@link Revocation} (what it means depends on when the signature is proven to have existed);
 * an "unknown" one, and anything else that goes wrong, is an error naming the responder.
 */
final class OcspClient {
    private static final String REQUEST_TYPE = "application/ocsp-request";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final RevocationHttp http;
    private final Clock clock;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    OcspClient(RevocationHttp http, Clock clock, Duration maxAge) {
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The checked response, the responder certificates it carries, and the revocation it states ({@code null}: good). */
    record Answer(byte[] encoded, List<X509Certificate> responderCertificates, Revocation revocation) {
    }

    Answer fetch(URI url, X509Certificate certificate, X509Certificate issuer) throws RevocationFetchException {
        String server = "OCSP " + url;
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            OCSPReq request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(nonce).getEncoded())))
                    .build();
            byte[] encoded = http.post("OCSP", url, REQUEST_TYPE, request.getEncoded());
            OCSPResp response = new OCSPResp(encoded);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationFetchException(server, "response status " + response.getStatus(), null);
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw new RevocationFetchException(server, "not a basic OCSP response", null);
            }
            OcspResponderCheck.requireSignedForIssuer(server, basic, issuer);
            requireNonceOrFreshness(server, basic, nonce);
            SingleResp single = answerFor(server, basic, id);
            return new Answer(encoded, responderCertificates(basic), revocation(server, single));
        } catch (OperatorCreationException | OCSPException | IOException | CertificateException e) {
            throw new RevocationFetchException(server, "unusable response (" + e.getMessage() + ")", e);
        }
    }

    private void requireNonceOrFreshness(String server, BasicOCSPResp basic, byte[] nonce) throws RevocationFetchException, IOException {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null) {
            if (!Arrays.equals(echoed.getExtnValue().getOctets(), new DEROctetString(nonce).getEncoded())) {
                throw new RevocationFetchException(server, "the response is for another request (nonce differs)", null);
            }
            return;
        }
        Instant produced = basic.getProducedAt().toInstant();
        if (produced.isBefore(clock.instant().minus(maxAge))) {
            throw new RevocationFetchException(server, "no nonce and the response is stale (produced " + produced + ")", null);
        }
    }

    private SingleResp answerFor(String server, BasicOCSPResp basic, CertificateID id) throws RevocationFetchException {
        Instant now = clock.instant();
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            if (single.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw new RevocationFetchException(server, "the response is dated in the future", null);
            }
            if (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now.minus(CLOCK_SKEW))) {
                throw new RevocationFetchException(server, "the response is past its next update", null);
            }
            return single;
        }
        throw new RevocationFetchException(server, "the response does not cover the certificate asked for", null);
    }

    private static Revocation revocation(String server, SingleResp single) throws RevocationFetchException {
        Object status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return null;
        }
        if (status instanceof RevokedStatus revoked) {
            return Revocation.of(revoked.getRevocationTime(),
                    revoked.hasRevocationReason() ? Revocation.reason(revoked.getRevocationReason()) : null);
        }
        throw new RevocationFetchException(server, "the certificate's status is unknown to the responder", null);
    }

    private static List<X509Certificate> responderCertificates(BasicOCSPResp basic) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
    }
}
