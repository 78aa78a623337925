package jp.sitesign.server.certificates;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What a company certificate's subject says: 会社 (O), 部署 (OU), 役職 (title), and its common name.
 *
 * @param organization the company name, or null when the subject has no O
 */
public record CertificateSubject(String organization, String department, String title, String commonName) {

    public static CertificateSubject of(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return new CertificateSubject(value(name, BCStyle.O), value(name, BCStyle.OU), value(name, BCStyle.T),
                value(name, BCStyle.CN));
    }

    /** The subject as a BC name, for the demo CA to issue with. */
    public X500Name toX500Name() {
        var b = new org.bouncycastle.asn1.x500.X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP");
        b.addRDN(BCStyle.O, organization);
        if (department != null && !department.isBlank()) {
            b.addRDN(BCStyle.OU, department);
        }
        if (title != null && !title.isBlank()) {
            b.addRDN(BCStyle.T, title);
        }
        b.addRDN(BCStyle.CN, commonName);
        return b.build();
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }
}
