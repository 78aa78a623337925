package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Verifies one CMS signer over its content, step by step so the report can say which step failed:
 * the message-digest attribute against the digest of the content, the signature value over the
 * signed attributes with the certificate's public key (JDK {@link Signature}), then the
 * signing-certificate reference. Used for CAdES signatures (content: the signed byte ranges) and for
 * timestamp tokens (content: the encapsulated TSTInfo).
 */
final class CmsSignerCheck {
    private CmsSignerCheck() {
    }

    static Integrity check(SignerInformation signer, X509Certificate certificate, byte[] content) {
        Optional<DigestAlgorithm> digest = SignatureAlgorithms.digest(new ASN1ObjectIdentifier(signer.getDigestAlgOID()));
        if (digest.isEmpty()) {
            return Integrity.failed(IntegrityStatus.UNSUPPORTED_ALGORITHM, "digest " + signer.getDigestAlgOID());
        }
        AttributeTable signed = signer.getSignedAttributes();
        Attribute messageDigest = signed == null ? null : signed.get(CMSAttributes.messageDigest);
        if (messageDigest == null) {
            return Integrity.failed(IntegrityStatus.SIGNATURE_INVALID, "no signed attributes with a message-digest");
        }
        byte[] expected = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
        if (!MessageDigest.isEqual(expected, digest.get().digest(content))) {
            return Integrity.failed(IntegrityStatus.DIGEST_MISMATCH,
                    "the " + digest.get().jcaName() + " digest of the signed data differs from the message-digest attribute");
        }
        try {
            Optional<Signature> verifier = SignatureAlgorithms.forSigner(signer, digest.get());
            if (verifier.isEmpty()) {
                return Integrity.failed(IntegrityStatus.UNSUPPORTED_ALGORITHM, "signature " + signer.getEncryptionAlgOID());
            }
            Signature signature = verifier.get();
            signature.initVerify(certificate.getPublicKey());
            signature.update(signer.getEncodedSignedAttributes());
            if (!signature.verify(signer.getSignature())) {
                return Integrity.failed(IntegrityStatus.SIGNATURE_INVALID,
                        "the signature value does not verify with the key of " + certificate.getSubjectX500Principal());
            }
            String certificateProblem = SigningCertificateCheck.problem(signed, certificate);
            if (certificateProblem != null) {
                return Integrity.failed(IntegrityStatus.SIGNING_CERTIFICATE_MISMATCH, certificateProblem);
            }
            return Integrity.passed();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return Integrity.failed(IntegrityStatus.SIGNATURE_INVALID, "the signature cannot be verified: " + e.getMessage());
        }
    }
}
