package jp.sitesign.model.signature.core;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where chain building stops: at a self-issued certificate even when it is not self-signed (a CA's key-rollover
 * link certificate), and after 64 candidate issuers, so a pool stuffed with look-alike intermediates cannot make
 * the search run long. The certificates are made here with fixed dates; only names and signatures matter.
 */
class ChainAssemblerBoundsTest {
    private static final AtomicLong SERIAL = new AtomicLong(1);
    static KeyPair rootKeys;
    static KeyPair intermediateKeys;
    static KeyPair deadKeys;
    static KeyPair signerKeys;

    @BeforeAll
    static void keys() throws Exception {
        rootKeys = ec();
        intermediateKeys = ec();
        deadKeys = ec();
        signerKeys = ec();
    }

    @Test
    void theChainTowardsTheRootEndsAtAKeyRolloverLinkCertificate() throws Exception {
        KeyPair oldRoot = ec();
        X509Certificate newRoot = certificate("CN=Rollover Root", "CN=Rollover Root", rootKeys.getPublic(), rootKeys.getPrivate());
        // The old root's name, the new key, signed by the old key: self-issued but not self-signed.
        X509Certificate link = certificate("CN=Rollover Root", "CN=Rollover Root", rootKeys.getPublic(), oldRoot.getPrivate());
        X509Certificate oldSelfSigned = certificate("CN=Rollover Root", "CN=Rollover Root", oldRoot.getPublic(), oldRoot.getPrivate());
        X509Certificate signer = certificate("CN=Signer", "CN=Rollover Root", signerKeys.getPublic(), rootKeys.getPrivate());

        List<X509Certificate> chain = ChainAssembler.towardsRoot(signer, List.of(link, newRoot, oldSelfSigned));

        assertThat(chain).containsExactly(signer, link);
        assertThat(ChainAssembler.assemble(signer, List.of(link, newRoot, oldSelfSigned), List.of()).path())
                .containsExactly(signer, link);
    }

    @Test
    void theSixtyFourthCandidateIssuerIsStillTried() throws Exception {
        ChainAssembler.Assembled assembled = assembleBehindDeadEnds(63);

        assertThat(assembled.anchor()).isPresent();
        assertThat(assembled.path()).hasSize(2);
    }

    @Test
    void afterTheSixtyFourthCandidateTheSearchGivesUp() throws Exception {
        ChainAssembler.Assembled assembled = assembleBehindDeadEnds(64);

        assertThat(assembled.anchor()).as("the anchor's path was the 65th candidate").isEmpty();
    }

    /** A signer whose intermediate's name and key are shared by {@code deadEnds} certificates from an unknown CA. */
    private static ChainAssembler.Assembled assembleBehindDeadEnds(int deadEnds) throws Exception {
        X509Certificate anchor = certificate("CN=Bounds Anchor", "CN=Bounds Anchor", rootKeys.getPublic(), rootKeys.getPrivate());
        List<X509Certificate> pool = new ArrayList<>();
        for (int i = 0; i < deadEnds; i++) {
            pool.add(certificate("CN=Bounds Intermediate", "CN=Unknown CA", intermediateKeys.getPublic(), deadKeys.getPrivate()));
        }
        X509Certificate intermediate = certificate("CN=Bounds Intermediate", "CN=Bounds Anchor",
                intermediateKeys.getPublic(), rootKeys.getPrivate());
        pool.add(intermediate);
        X509Certificate signer = certificate("CN=Bounds Signer", "CN=Bounds Intermediate", signerKeys.getPublic(),
                intermediateKeys.getPrivate());

        ChainAssembler.Assembled assembled = ChainAssembler.assemble(signer, pool, List.of(anchor));
        if (assembled.anchor().isPresent()) {
            assertThat(assembled.path()).containsExactly(signer, intermediate);
            assertThat(assembled.anchor()).contains(anchor);
        }
        return assembled;
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, String issuer, PublicKey key, PrivateKey signedBy)
            throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.getAndIncrement()), new Date(1_700_000_000_000L), new Date(2_000_000_000_000L),
                new X500Name(subject), key);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signedBy)));
    }
}
