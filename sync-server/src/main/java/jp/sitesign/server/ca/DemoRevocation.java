package jp.sitesign.server.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The DEMO CA's revocation services: an RFC 6960 OCSP responder (signed with the CA key itself, the
 * nonce echoed) and a CRL, both made fresh per request from what the database says was revoked.
 */
public final class DemoRevocation {
    private static final Duration NEXT_UPDATE = Duration.ofDays(1);

    private final DemoCa ca;

    public DemoRevocation(DemoCa ca) {
        this.ca = ca;
    }

    /** The DER answer to a DER OCSP request; a request that cannot be parsed gets malformedRequest. */
    public byte[] ocsp(byte[] request) {
        try {
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            return answer(parsed).getEncoded();
        } catch (IOException | OCSPException | CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("the demo OCSP responder could not answer", e);
        }
    }

    private OCSPResp answer(OCSPReq request) throws OCSPException, CertificateEncodingException,
            OperatorCreationException {
        X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.certificate());
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        Instant now = ca.clock().instant();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
        for (Req single : request.getRequestList()) {
            builder.addResponse(single.getCertID(), status(single, issuer, digests), Date.from(now),
                    Date.from(now.plus(NEXT_UPDATE)));
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                builder.build(ca.signer(), new X509CertificateHolder[] {issuer}, Date.from(now)));
    }

    private CertificateStatus status(Req single, X509CertificateHolder issuer, DigestCalculatorProvider digests)
            throws OCSPException {
        if (!single.getCertID().matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        Optional<Optional<Instant>> known = ca.status(single.getCertID().getSerialNumber());
        if (known.isEmpty()) {
            return new UnknownStatus();
        }
        return known.get().<CertificateStatus>map(at -> new RevokedStatus(Date.from(at), CRLReason.unspecified))
                .orElse(CertificateStatus.GOOD);
    }

    /** The current CRL, DER. */
    public byte[] crl() {
        try {
            Instant now = ca.clock().instant();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.certificate());
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.getSubject(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            ca.revoked().forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.unspecified));
            return builder.build(ca.signer()).getEncoded();
        } catch (IOException | CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the demo CA could not make its CRL", e);
        }
    }
}
