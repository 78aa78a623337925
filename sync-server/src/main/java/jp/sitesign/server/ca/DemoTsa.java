package jp.sitesign.server.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The DEMO time-stamping authority (RFC 3161), signing with a key the {@link DemoCa} certified for
 * timeStamping. The token's time is the server clock's; its serial is random, so no counter has to
 * be shared between server processes.
 */
public final class DemoTsa {
    /** A policy id under the IANA "example" private enterprise arc: the demo TSA promises nothing. */
    static final ASN1ObjectIdentifier DEMO_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.32473.3161.1");

    private final DemoCa ca;
    private final SecureRandom random = new SecureRandom();
    private TimeStampResponseGenerator generator;

    public DemoTsa(DemoCa ca) {
        this.ca = ca;
    }

    /** The DER time-stamp response to a DER request, or null when the request cannot be parsed at all. */
    public byte[] respond(byte[] request) {
        TimeStampRequest parsed;
        try {
            parsed = new TimeStampRequest(request);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try {
            return generator().generate(parsed, new BigInteger(63, random), Date.from(ca.clock().instant()))
                    .getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("the demo TSA could not answer", e);
        }
    }

    private synchronized TimeStampResponseGenerator generator() {
        if (generator == null) {
            try {
                DemoCaKeys keys = ca.tsaKeys();
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.key(),
                                keys.certificate()),
                        new JcaDigestCalculatorProviderBuilder().build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        DEMO_POLICY);
                tokens.setTSA(new GeneralName(DemoCa.TSA_NAME));
                tokens.addCertificates(new JcaCertStore(List.of(keys.certificate(), ca.certificate())));
                generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            } catch (OperatorCreationException | TSPException | CertificateEncodingException e) {
                throw new IllegalStateException("the demo TSA could not start", e);
            }
        }
        return generator;
    }
}
