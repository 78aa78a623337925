package jp.sitesign.model.signature.core;

import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digest steps up at RSA 7680 bits (NIST SP 800-57's match for SHA-512), the PSS salt is the digest's length,
 * other curves are refused by name, and the space reserved for a signature value holds it. Large RSA moduli are
 * built as public keys only (odd numbers of the exact bit length): choosing the algorithm reads nothing else.
 */
class SigningAlgorithmBoundsTest {
    static final TestCa CA = TestCa.create("SiteSign Test Algorithm Bounds CA");

    @Test
    void rsa7680BitsSignsWithSha512AndOneBitLessWithSha384() throws Exception {
        assertThat(SigningAlgorithm.forCertificate(rsaCertificate(7680), RsaPadding.PKCS1_V1_5).jcaName())
                .isEqualTo("SHA512withRSA");
        assertThat(SigningAlgorithm.forCertificate(rsaCertificate(7679), RsaPadding.PKCS1_V1_5).jcaName())
                .isEqualTo("SHA384withRSA");
    }

    @Test
    void digestLengthsAreTheSha2OutputSizes() {
        assertThat(DigestAlgorithm.SHA256.length()).isEqualTo(32);
        assertThat(DigestAlgorithm.SHA384.length()).isEqualTo(48);
        assertThat(DigestAlgorithm.SHA512.length()).isEqualTo(64);
    }

    @Test
    void pssUsesTheDigestLengthAsSalt() throws Exception {
        SigningAlgorithm pss = SigningAlgorithm.forCertificate(rsaCertificate(3072), RsaPadding.PSS);

        assertThat(pss.jcaName()).isEqualTo("RSASSA-PSS");
        assertThat(((java.security.spec.PSSParameterSpec) pss.parameters()).getSaltLength()).isEqualTo(48);
        // In the CMS the PSS parameters name SHA-384 with NULL parameters for the hash and for MGF1's hash.
        RSASSAPSSparams params = RSASSAPSSparams.getInstance(pss.identifier().getParameters());
        AlgorithmIdentifier sha384WithNull = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384, DERNull.INSTANCE);
        assertThat(params.getHashAlgorithm()).isEqualTo(sha384WithNull);
        assertThat(params.getMaskGenAlgorithm().getParameters()).isEqualTo(sha384WithNull);
        assertThat(params.getSaltLength()).isEqualTo(BigInteger.valueOf(48));
    }

    @Test
    void digestIdentifiersOmitParametersAsRfc5754Asks() throws Exception {
        assertThat(DigestAlgorithm.SHA256.oid()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(DigestAlgorithm.SHA256.identifier().getEncoded()).isEqualTo(
                new byte[] {0x30, 0x0b, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01});
        assertThat(DigestAlgorithm.SHA512.identifier().getParameters()).isNull();
        assertThat(DigestAlgorithm.SHA512.identifier().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha512);
    }

    @Test
    void aBrainpoolKeyIsRefusedNamingItsCurve() {
        X509Certificate brainpool = CA.issueSigner(
                brainpoolKey(), "Brainpool Signer");

        assertThatThrownBy(() -> SigningAlgorithm.forCertificate(brainpool, RsaPadding.PKCS1_V1_5))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.KEY_UNSUPPORTED);
                    assertThat(e.messageEn()).contains("EC " + TeleTrusTObjectIdentifiers.brainpoolP256r1.getId());
                });
    }

    @Test
    void theReservedSpaceHoldsARealSignatureWithRoomToSpare() throws Exception {
        var keys = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = CA.issueSigner(keys.getPublic(), "Reserve Signer");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(new byte[] {1, 2, 3});
        int signatureBytes = rsa.sign().length;

        int reserved = SigningAlgorithm.maxSignatureBytes(certificate);

        assertThat(reserved).isGreaterThanOrEqualTo(signatureBytes);
        // The documented bound: the key's encoding plus 16 bytes of headroom (294 + 16 for RSA-2048).
        assertThat(reserved).isEqualTo(certificate.getPublicKey().getEncoded().length + 16).isEqualTo(310);
    }

    /** The JDK no longer makes Brainpool keys; Bouncy Castle does, as a provider object not installed globally. */
    private static PublicKey brainpoolKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec("brainpoolP256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate rsaCertificate(int bits) throws Exception {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
        return CA.issueSigner(key, "RSA-" + bits);
    }
}
