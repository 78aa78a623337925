package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a CMS signer's algorithm identifiers into a {@link java.security.Signature} of the JDK, so
 * signatures are verified by a code path the signer never uses. Only the CRYPTREC-listed digests and
 * RSA (PKCS#1 v1.5, PSS) and ECDSA are accepted.
 */
final class SignatureAlgorithms {
    private static final Set<ASN1ObjectIdentifier> RSA_PKCS1 = Set.of(PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption);
    private static final Set<ASN1ObjectIdentifier> ECDSA = Set.of(X9ObjectIdentifiers.id_ecPublicKey,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private SignatureAlgorithms() {
    }

    /** The accepted digest with this OID. */
    static Optional<DigestAlgorithm> digest(ASN1ObjectIdentifier oid) {
        for (DigestAlgorithm digest : DigestAlgorithm.values()) {
            if (digest.oid().equals(oid)) {
                return Optional.of(digest);
            }
        }
        return Optional.empty();
    }

    /** A {@code Signature} ready for {@code initVerify}, or empty if the algorithm is not accepted. */
    static Optional<Signature> forSigner(SignerInformation signer, DigestAlgorithm digest) throws GeneralSecurityException {
        ASN1ObjectIdentifier algorithm = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        String digestName = digest.jcaName().replace("-", "");
        if (RSA_PKCS1.contains(algorithm)) {
            return Optional.of(Signature.getInstance(digestName + "withRSA"));
        }
        if (ECDSA.contains(algorithm)) {
            return Optional.of(Signature.getInstance(digestName + "withECDSA"));
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm) && signer.getEncryptionAlgParams() != null) {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            try {
                parameters.init(signer.getEncryptionAlgParams());
            } catch (IOException e) {
                throw new GeneralSecurityException("unreadable RSASSA-PSS parameters", e);
            }
            pss.setParameter(parameters.getParameterSpec(PSSParameterSpec.class));
            return Optional.of(pss);
        }
        return Optional.empty();
    }
}
