package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An RSASSA-PSS signer is verified with the parameters its CMS names (hash, MGF, salt length): the JDK
 * signature made for it checks the real signature value and refuses a changed one.
 */
class SignatureAlgorithmsTest {
    static EvidenceAuthority ca;
    static KeyPair keys;
    static X509Certificate certificate;

    @BeforeAll
    static void createSigner() {
        ca = EvidenceAuthority.root("PSS Test CA");
        keys = TestCa.rsaKeyPair(2048);
        certificate = ca.endEntity(keys.getPublic(), "PSS Signer");
    }

    @Test
    void anRsassaPssSignatureIsCheckedWithTheParametersItsCmsNames() throws Exception {
        for (String algorithm : List.of("SHA256withRSAandMGF1", "SHA384withRSAandMGF1")) {
            SignerInformation signer = signer(algorithm);
            DigestAlgorithm digest = SignatureAlgorithms.digest(signer.getDigestAlgorithmID().getAlgorithm()).orElseThrow();

            Signature signature = SignatureAlgorithms.forSigner(signer, digest).orElseThrow();

            assertThat(signature.getAlgorithm()).isEqualTo("RSASSA-PSS");
            assertThat(verifies(signature, signer.getEncodedSignedAttributes(), signer.getSignature()))
                    .as(algorithm).isTrue();
            byte[] changed = signer.getSignature().clone();
            changed[changed.length / 2] ^= 1;
            assertThat(verifies(SignatureAlgorithms.forSigner(signer, digest).orElseThrow(),
                    signer.getEncodedSignedAttributes(), changed)).as(algorithm).isFalse();
        }
    }

    @Test
    void pkcs1AndEcdsaSignersGetTheirOwnAlgorithms() throws Exception {
        SignerInformation pkcs1 = signer("SHA256withRSA");

        assertThat(SignatureAlgorithms.forSigner(pkcs1, DigestAlgorithm.SHA256).orElseThrow().getAlgorithm())
                .isEqualTo("SHA256withRSA");
        assertThat(verifies(SignatureAlgorithms.forSigner(pkcs1, DigestAlgorithm.SHA256).orElseThrow(),
                pkcs1.getEncodedSignedAttributes(), pkcs1.getSignature())).isTrue();
    }

    private static boolean verifies(Signature signature, byte[] data, byte[] value) throws Exception {
        signature.initVerify(certificate.getPublicKey());
        signature.update(data);
        try {
            return signature.verify(value);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static SignerInformation signer(String algorithm) {
        CMSSignedData cms = SignedCms.sign(algorithm, keys.getPrivate(), certificate, List.of(certificate), List.of(),
                null);
        return cms.getSignerInfos().getSigners().iterator().next();
    }
}
