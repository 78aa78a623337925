package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.TestCa;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the verifier finds revocation data and chain certificates: the {@code /DSS} arrays of the final
 * document, a signature's CMS CRLs field, and its Adobe revocation-info-archival signed attribute (CRLs
 * under [0], OCSP responses under [1]). Each item keeps the name of where it came from, which the report
 * shows; what cannot be read is left out instead of failing the whole verification.
 */
class EmbeddedRevocationTest {
    private static final ASN1ObjectIdentifier ADBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    static EvidenceAuthority root;
    static EvidenceAuthority subCa;
    static KeyPair signerKeys;
    static X509Certificate signer;
    static X509CRL rootCrl;
    static X509CRL subCaCrl;
    static byte[] signerOcsp;

    @BeforeAll
    static void createAuthoritiesAndData() {
        root = EvidenceAuthority.root("Embedded Test Root");
        subCa = root.intermediate("Embedded Test Sub CA", null);
        signerKeys = TestCa.rsaKeyPair(2048);
        signer = subCa.endEntity(signerKeys.getPublic(), "Embedded Test Signer");
        rootCrl = root.crl(Instant.now().minus(Duration.ofHours(1)), b -> { });
        subCaCrl = subCa.crl(Instant.now().minus(Duration.ofHours(1)), b -> { });
        signerOcsp = RevocationItems.ocsp(signer, subCa.certificate(), RevocationItems.good(),
                subCa.keys().getPrivate(), null);
    }

    @Test
    void theDssGivesItsCertificatesCrlsAndOcspResponsesAndSkipsWhatIsNotReadable() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), array(document,
                    "not a certificate".getBytes(), subCa.certificate().getEncoded()));
            dss.setItem(COSName.getPDFName("CRLs"), array(document, rootCrl.getEncoded(), new byte[] {0x30, 0x00}));
            COSArray ocsps = array(document, signerOcsp);
            ocsps.add(COSInteger.get(7));
            dss.setItem(COSName.getPDFName("OCSPs"), ocsps);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }

        EmbeddedRevocation found;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            found = EmbeddedRevocation.fromDss(document);
        }

        assertThat(found.certificates).containsExactly(subCa.certificate());
        assertThat(found.crls).singleElement().satisfies(crl -> {
            assertThat(crl.source()).isEqualTo(EmbeddedRevocation.DSS_CRL);
            assertThat(crl.crl()).isEqualTo(rootCrl);
        });
        assertThat(found.ocsps).singleElement().satisfies(ocsp -> {
            assertThat(ocsp.source()).isEqualTo(EmbeddedRevocation.DSS_OCSP);
            assertThat(ocsp.response().getResponses()[0].getCertID().getSerialNumber())
                    .isEqualTo(signer.getSerialNumber());
        });
    }

    @Test
    void aDssWithoutSomeArraysGivesWhatTheOthersHold() throws Exception {
        try (PDDocument document = new PDDocument()) {
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("CRLs"), array(document, subCaCrl.getEncoded()));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);

            EmbeddedRevocation found = EmbeddedRevocation.fromDss(document);

            assertThat(found.crls).extracting(EmbeddedRevocation.Crl::crl).containsExactly(subCaCrl);
            assertThat(found.ocsps).isEmpty();
            assertThat(found.certificates).isEmpty();
        }
    }

    @Test
    void aSignaturesCmsCrlsAndArchivalAttributeAreAddedToTheDocumentsDataUnderTheirOwnNames() throws Exception {
        EmbeddedRevocation documentWide = new EmbeddedRevocation();
        documentWide.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, rootCrl));
        documentWide.certificates.add(root.certificate());
        ASN1Encodable archival = new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(true, 0, new DERSequence(CertificateList.getInstance(subCaCrl.getEncoded()))),
                new DERTaggedObject(true, 1, new DERSequence(OCSPResponse.getInstance(signerOcsp))),
                new DERTaggedObject(true, 2, new DERSequence(new DERUTF8String("other revocation info")))});
        CMSSignedData cms = sign(List.of(rootCrl), archival);

        EmbeddedRevocation combined = documentWide.with(cms, cms.getSignerInfos().getSigners().iterator().next());

        assertThat(combined.crls).extracting(EmbeddedRevocation.Crl::source).containsExactly(
                EmbeddedRevocation.DSS_CRL, EmbeddedRevocation.CMS_CRL, EmbeddedRevocation.CMS_ARCHIVAL);
        assertThat(combined.crls).extracting(EmbeddedRevocation.Crl::crl).containsExactly(rootCrl, rootCrl, subCaCrl);
        assertThat(combined.ocsps).singleElement().satisfies(ocsp -> {
            assertThat(ocsp.source()).isEqualTo(EmbeddedRevocation.CMS_ARCHIVAL);
            assertThat(ocsp.response().getResponses()[0].getCertID().getSerialNumber())
                    .isEqualTo(signer.getSerialNumber());
        });
        assertThat(combined.certificates).containsExactly(root.certificate());
        assertThat(documentWide.crls).as("the document-wide data is left as it was").hasSize(1);
        CertificateRevocation entry = RevocationDataCheck.report(List.of(signer, subCa.certificate(), root.certificate()),
                true, combined, Instant.now()).certificates().get(0);
        assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(entry.sources()).containsExactly(EmbeddedRevocation.CMS_ARCHIVAL);
    }

    @Test
    void aSignatureWithoutTheArchivalAttributeOrWithAnUnreadableOneAddsNothingButItsCmsCrls() {
        EmbeddedRevocation documentWide = new EmbeddedRevocation();

        CMSSignedData plain = sign(List.of(), null);
        CMSSignedData malformed = sign(List.of(subCaCrl), new ASN1Integer(42));

        EmbeddedRevocation fromPlain = documentWide.with(plain, plain.getSignerInfos().getSigners().iterator().next());
        EmbeddedRevocation fromMalformed = documentWide.with(malformed,
                malformed.getSignerInfos().getSigners().iterator().next());
        assertThat(fromPlain.crls).isEmpty();
        assertThat(fromPlain.ocsps).isEmpty();
        assertThat(fromMalformed.crls).extracting(EmbeddedRevocation.Crl::source)
                .containsExactly(EmbeddedRevocation.CMS_CRL);
        assertThat(fromMalformed.ocsps).isEmpty();
    }

    private static CMSSignedData sign(List<X509CRL> crls, ASN1Encodable archival) {
        AttributeTable attributes = archival == null ? new AttributeTable(new DERSet())
                : new AttributeTable(new Attribute(ADBE_REVOCATION, new DERSet(archival)));
        return SignedCms.sign("SHA256withRSA", signerKeys.getPrivate(), signer, List.of(signer), crls, attributes);
    }

    private static COSArray array(PDDocument document, byte[]... items) throws IOException {
        COSArray array = new COSArray();
        for (byte[] der : items) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(der);
            }
            array.add(stream);
        }
        return array;
    }
}
