package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The revocation data a document carries, with where each item came from: the document security
 * store ({@code /DSS} {@code /OCSPs} and {@code /CRLs}), a signature's Adobe revocation-info-archival
 * signed attribute, and the CRLs field of its CMS. Also the certificates of {@code /DSS}, for chains.
 * Unreadable items are skipped: they simply do not count as present. Whether an item is trusted and
 * what it says is {@link RevocationDataCheck}'s question.
 */
final class EmbeddedRevocation {
    static final String DSS_OCSP = "DSS OCSP";
    static final String DSS_CRL = "DSS CRL";
    static final String CMS_ARCHIVAL = "CMS revocation-info";
    static final String CMS_CRL = "CMS CRL";

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final ASN1ObjectIdentifier ADBE_REVOCATION =
            new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    record Ocsp(String source, BasicOCSPResp response) {
    }

    record Crl(String source, X509CRL crl) {
    }

    final List<Ocsp> ocsps = new ArrayList<>();
    final List<Crl> crls = new ArrayList<>();
    final List<X509Certificate> certificates = new ArrayList<>();

    /** What the final document's {@code /DSS} holds. */
    static EmbeddedRevocation fromDss(PDDocument document) {
        EmbeddedRevocation found = new EmbeddedRevocation();
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
        if (dss == null) {
            return found;
        }
        for (byte[] der : streams(dss, "OCSPs")) {
            ocsp(der).ifPresent(r -> found.ocsps.add(new Ocsp(DSS_OCSP, r)));
        }
        for (byte[] der : streams(dss, "CRLs")) {
            crl(der).ifPresent(c -> found.crls.add(new Crl(DSS_CRL, c)));
        }
        for (byte[] der : streams(dss, "Certs")) {
            certificate(der).ifPresent(found.certificates::add);
        }
        return found;
    }

    /** This document-wide data plus what one signature's CMS carries. */
    EmbeddedRevocation with(CMSSignedData cms, SignerInformation signer) {
        EmbeddedRevocation combined = new EmbeddedRevocation();
        combined.ocsps.addAll(ocsps);
        combined.crls.addAll(crls);
        combined.certificates.addAll(certificates);
        @SuppressWarnings("unchecked")
        Collection<X509CRLHolder> cmsCrls = cms.getCRLs().getMatches(null);
        for (X509CRLHolder holder : cmsCrls) {
            encoded(holder).flatMap(EmbeddedRevocation::crl).ifPresent(c -> combined.crls.add(new Crl(CMS_CRL, c)));
        }
        AttributeTable signed = signer.getSignedAttributes();
        Attribute archival = signed == null ? null : signed.get(ADBE_REVOCATION);
        if (archival != null) {
            combined.readArchival(archival.getAttrValues().getObjectAt(0));
        }
        return combined;
    }

    /** RevocationInfoArchival ::= SEQUENCE { crl [0] SEQUENCE OF CRL, ocsp [1] SEQUENCE OF OCSPResponse, … }. */
    private void readArchival(ASN1Encodable value) {
        try {
            for (ASN1Encodable element : ASN1Sequence.getInstance(value)) {
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(element);
                ASN1Sequence items = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
                for (ASN1Encodable item : items) {
                    byte[] der = item.toASN1Primitive().getEncoded();
                    if (tagged.getTagNo() == 0) {
                        crl(der).ifPresent(c -> crls.add(new Crl(CMS_ARCHIVAL, c)));
                    } else if (tagged.getTagNo() == 1) {
                        ocsp(der).ifPresent(r -> ocsps.add(new Ocsp(CMS_ARCHIVAL, r)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A malformed attribute holds no usable data; the report then says NOT_PRESENT.
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String name) {
        List<byte[]> items = new ArrayList<>();
        COSArray array = dss.getCOSArray(COSName.getPDFName(name));
        for (int i = 0; array != null && i < array.size(); i++) {
            if (array.getObject(i) instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    items.add(in.readAllBytes());
                } catch (IOException e) {
                    // An undecodable stream holds no usable data.
                }
            }
        }
        return items;
    }

    private static Optional<byte[]> encoded(X509CRLHolder holder) {
        try {
            return Optional.of(holder.getEncoded());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<BasicOCSPResp> ocsp(byte[] der) {
        try {
            Object response = new OCSPResp(OCSPResponse.getInstance(der)).getResponseObject();
            return response instanceof BasicOCSPResp basic ? Optional.of(basic) : Optional.empty();
        } catch (OCSPException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509CRL> crl(byte[] der) {
        try {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(der)));
        } catch (CertificateException | CRLException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> certificate(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }
}
