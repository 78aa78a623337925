package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAttributeTableGenerator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The signed attributes of a PAdES baseline signature: content-type, message-digest and
 * signing-certificate-v2 — and deliberately no signing-time, which PAdES puts in the PDF's {@code /M}.
 */
final class CadesSignedAttributes implements CMSAttributeTableGenerator {
    private final Attribute signingCertificate;

    CadesSignedAttributes(X509Certificate signer) throws CertificateEncodingException {
        this.signingCertificate = signingCertificateV2(signer);
    }

    @Override
    @SuppressWarnings("rawtypes") // the Bouncy Castle interface is raw
    public AttributeTable getAttributes(Map parameters) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType,
                new DERSet((ASN1ObjectIdentifier) parameters.get(CONTENT_TYPE))));
        attributes.add(new Attribute(CMSAttributes.messageDigest,
                new DERSet(new DEROctetString((byte[]) parameters.get(DIGEST)))));
        attributes.add(signingCertificate);
        return new AttributeTable(attributes);
    }

    private static Attribute signingCertificateV2(X509Certificate signer) throws CertificateEncodingException {
        // SHA-256 is ESSCertIDv2's default hash, so the identifier is omitted from the encoding.
        byte[] certificateHash = DigestAlgorithm.SHA256.digest(signer.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                signer.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(DigestAlgorithm.SHA256.identifier(), certificateHash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }
}
