package jp.sitesign.model.signature.verify;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Checks the ESS signing-certificate-v2 attribute (or v1, which TSAs still use) against the
 * certificate the signature verified with: the first entry's hash and, when present, its issuer and
 * serial number. This is what stops a signer certificate from being swapped for another over the same key.
 */
final class SigningCertificateCheck {
    private SigningCertificateCheck() {
    }

    /** @return {@code null} if the attribute names {@code certificate}, else what is wrong */
    static String problem(AttributeTable signedAttributes, X509Certificate certificate) throws GeneralSecurityException {
        Attribute v2 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (v2 != null) {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(firstValue(v2)).getCerts()[0];
            String algorithm = id.getHashAlgorithm().getAlgorithm().getId();
            return compare(MessageDigest.getInstance(algorithm), id.getCertHash(), id.getIssuerSerial(), certificate);
        }
        Attribute v1 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        if (v1 != null) {
            ESSCertID id = SigningCertificate.getInstance(firstValue(v1)).getCerts()[0];
            return compare(MessageDigest.getInstance("SHA-1"), id.getCertHash(), id.getIssuerSerial(), certificate);
        }
        return "no signing-certificate attribute";
    }

    private static ASN1Encodable firstValue(Attribute attribute) {
        return attribute.getAttrValues().getObjectAt(0);
    }

    private static String compare(MessageDigest digest, byte[] expectedHash, IssuerSerial issuerSerial,
                                  X509Certificate certificate) throws GeneralSecurityException {
        if (!MessageDigest.isEqual(digest.digest(certificate.getEncoded()), expectedHash)) {
            return "the signing-certificate attribute names another certificate than " + certificate.getSubjectX500Principal();
        }
        if (issuerSerial == null) {
            return null;
        }
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        boolean issuerMatches = Arrays.stream(issuerSerial.getIssuer().getNames())
                .anyMatch(name -> name.getTagNo() == GeneralName.directoryName
                        && X500Name.getInstance(name.getName()).equals(issuer));
        if (!issuerMatches || !issuerSerial.getSerial().getValue().equals(certificate.getSerialNumber())) {
            return "the signing-certificate attribute's issuer and serial number differ from the certificate's";
        }
        return null;
    }
}
