package jp.sitesign.model.signature.ltv;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP(S) URLs a certificate names: OCSP responders and the issuer's certificate in AIA, CRLs in
 * the distribution points.
 */
final class CertificateUrls {
    private CertificateUrls() {
    }

    static List<URI> ocsp(X509Certificate certificate) {
        return authorityInformation(certificate, AccessDescription.id_ad_ocsp);
    }

    /** Where the issuer's certificate can be downloaded (AIA caIssuers). */
    static List<URI> caIssuers(X509Certificate certificate) {
        return authorityInformation(certificate, AccessDescription.id_ad_caIssuers);
    }

    private static List<URI> authorityInformation(X509Certificate certificate, ASN1ObjectIdentifier method) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> urls = new ArrayList<>();
        if (value == null) {
            return urls;
        }
        AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(value).getOctets());
        for (AccessDescription description : access.getAccessDescriptions()) {
            if (method.equals(description.getAccessMethod())) {
                addHttp(urls, description.getAccessLocation());
            }
        }
        return urls;
    }

    static List<URI> crl(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> urls = new ArrayList<>();
        if (value == null) {
            return urls;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName generalName : GeneralNames.getInstance(name.getName()).getNames()) {
                    addHttp(urls, generalName);
                }
            }
        }
        return urls;
    }

    /** Only HTTP(S): LDAP and other schemes are not fetched. */
    private static void addHttp(List<URI> urls, GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        String text = ASN1IA5String.getInstance(name.getName()).getString();
        if (text.startsWith("http://") || text.startsWith("https://")) {
            urls.add(URI.create(text));
        }
    }
}
