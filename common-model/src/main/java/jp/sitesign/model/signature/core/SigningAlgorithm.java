package jp.sitesign.model.signature.core;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The signature algorithm for a key, chosen from its certificate (the private key may live on a
 * token and reveal nothing): RSA-2048 → SHA-256, RSA-3072 → SHA-384, RSA-7680+ → SHA-512 (matching
 * the key's security strength), ECDSA P-256 → SHA-256, P-384 → SHA-384, P-521 → SHA-512.
 *
 * @param jcaName   the {@link java.security.Signature} algorithm name
 * @param parameters parameters to set on the {@code Signature} (PSS), or {@code null}
 * @param identifier the CMS signature algorithm identifier
 * @param digest    the digest used by the signature and for the signed data
 */
public record SigningAlgorithm(String jcaName, AlgorithmParameterSpec parameters, AlgorithmIdentifier identifier,
                               DigestAlgorithm digest) {

    private static final Map<ASN1ObjectIdentifier, DigestAlgorithm> EC_CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, DigestAlgorithm.SHA256,
            SECObjectIdentifiers.secp384r1, DigestAlgorithm.SHA384,
            SECObjectIdentifiers.secp521r1, DigestAlgorithm.SHA512);

    private static final Map<DigestAlgorithm, ASN1ObjectIdentifier> RSA_PKCS1 = Map.of(
            DigestAlgorithm.SHA256, PKCSObjectIdentifiers.sha256WithRSAEncryption,
            DigestAlgorithm.SHA384, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            DigestAlgorithm.SHA512, PKCSObjectIdentifiers.sha512WithRSAEncryption);

    private static final Map<DigestAlgorithm, ASN1ObjectIdentifier> ECDSA = Map.of(
            DigestAlgorithm.SHA256, X9ObjectIdentifiers.ecdsa_with_SHA256,
            DigestAlgorithm.SHA384, X9ObjectIdentifiers.ecdsa_with_SHA384,
            DigestAlgorithm.SHA512, X9ObjectIdentifiers.ecdsa_with_SHA512);

    /**
     * The algorithm for the key certified by {@code certificate}.
     *
     * @throws SigningException KEY_UNSUPPORTED for DSA, RSA under 2048 bits, or another curve
     */
    public static SigningAlgorithm forCertificate(X509Certificate certificate, RsaPadding padding)
            throws SigningException {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        ASN1ObjectIdentifier keyType = info.getAlgorithm().getAlgorithm();
        if (keyType.equals(PKCSObjectIdentifiers.rsaEncryption) || keyType.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            int bits = rsaModulusBits(info);
            if (bits < 2048) {
                throw new SigningException(SigningError.KEY_UNSUPPORTED, "RSA-" + bits);
            }
            DigestAlgorithm digest = bits >= 7680 ? DigestAlgorithm.SHA512
                    : bits >= 3072 ? DigestAlgorithm.SHA384 : DigestAlgorithm.SHA256;
            boolean pss = padding == RsaPadding.PSS || keyType.equals(PKCSObjectIdentifiers.id_RSASSA_PSS);
            return pss ? rsaPss(digest) : new SigningAlgorithm(
                    jcaDigestName(digest) + "withRSA", null, new AlgorithmIdentifier(RSA_PKCS1.get(digest)), digest);
        }
        if (keyType.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            DigestAlgorithm digest = Optional.ofNullable(info.getAlgorithm().getParameters())
                    .filter(ASN1ObjectIdentifier.class::isInstance)
                    .map(EC_CURVES::get)
                    .orElseThrow(() -> new SigningException(SigningError.KEY_UNSUPPORTED,
                            "EC " + info.getAlgorithm().getParameters()));
            return new SigningAlgorithm(jcaDigestName(digest) + "withECDSA", null,
                    new AlgorithmIdentifier(ECDSA.get(digest)), digest);
        }
        throw new SigningException(SigningError.KEY_UNSUPPORTED, keyType.getId());
    }

    private static SigningAlgorithm rsaPss(DigestAlgorithm digest) {
        PSSParameterSpec spec = new PSSParameterSpec(digest.jcaName(), "MGF1",
                new MGF1ParameterSpec(digest.jcaName()), digest.length(), PSSParameterSpec.TRAILER_FIELD_BC);
        RSASSAPSSparams params = new RSASSAPSSparams(digest.identifierWithNull(),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, digest.identifierWithNull()),
                new ASN1Integer(digest.length()), new ASN1Integer(1));
        return new SigningAlgorithm("RSASSA-PSS", spec,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, params), digest);
    }

    private static int rsaModulusBits(SubjectPublicKeyInfo info) throws SigningException {
        try {
            return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | IllegalArgumentException e) {
            throw new SigningException(SigningError.KEY_UNSUPPORTED, e, "RSA (unreadable public key)");
        }
    }

    private static String jcaDigestName(DigestAlgorithm digest) {
        return digest.jcaName().replace("-", "");
    }

    /** The size in bytes a signature value of this key can take at most (for reserving space). */
    public static int maxSignatureBytes(X509Certificate certificate) {
        // The public key's encoding bounds both an RSA modulus and twice an EC field element.
        return certificate.getPublicKey().getEncoded().length + 16;
    }
}
