package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /DSS} written by incremental update: each item stored once across signatures and across
 * updates, each {@code /VRI} entry referencing exactly its signature's items and stamped with the time.
 * The items are opaque to the writer, so short byte strings stand for certificates, OCSP responses and CRLs.
 */
class DssWriterTest {
    private static final byte[] CERT_A = bytes("certificate A");
    private static final byte[] CERT_B = bytes("certificate B");
    private static final byte[] OCSP_A = bytes("ocsp A");
    private static final byte[] CRL_A = bytes("crl A");
    private static final Instant TIME = Instant.parse("2026-11-30T12:34:56Z");

    @Test
    void eachSignatureGetsAVriEntryWithItsItemsAndTheTimeAndSharedItemsAreStoredOnce() throws Exception {
        byte[] pdf = TestPdfs.multiPage(1);
        Map<String, ValidationData> perSignature = new LinkedHashMap<>();
        perSignature.put("AAAA", new ValidationData().addCertificate(CERT_A).addOcspResponse(OCSP_A).addCrl(CRL_A));
        perSignature.put("BBBB", new ValidationData().addCertificate(CERT_A).addCertificate(CERT_B));

        byte[] updated = append(pdf, perSignature, TIME);

        assertThat(Arrays.copyOf(updated, pdf.length)).isEqualTo(pdf);
        try (PDDocument document = Loader.loadPDF(updated)) {
            COSDictionary dss = dss(document);
            assertThat(contents(dss.getCOSArray(DssNames.CERTS))).containsExactlyInAnyOrder(CERT_A, CERT_B);
            assertThat(contents(dss.getCOSArray(DssNames.OCSPS))).containsExactly(OCSP_A);
            assertThat(contents(dss.getCOSArray(DssNames.CRLS))).containsExactly(CRL_A);
            COSDictionary vri = dss.getCOSDictionary(DssNames.VRI);
            assertThat(vri.keySet()).containsExactlyInAnyOrder(COSName.getPDFName("AAAA"), COSName.getPDFName("BBBB"));
            COSDictionary a = vri.getCOSDictionary(COSName.getPDFName("AAAA"));
            assertThat(contents(a.getCOSArray(DssNames.VRI_CERT))).containsExactly(CERT_A);
            assertThat(contents(a.getCOSArray(DssNames.VRI_OCSP))).containsExactly(OCSP_A);
            assertThat(contents(a.getCOSArray(DssNames.VRI_CRL))).containsExactly(CRL_A);
            COSDictionary b = vri.getCOSDictionary(COSName.getPDFName("BBBB"));
            assertThat(contents(b.getCOSArray(DssNames.VRI_CERT))).containsExactly(CERT_A, CERT_B);
            assertThat(contents(b.getCOSArray(DssNames.VRI_OCSP))).isEmpty();
            assertThat(contents(b.getCOSArray(DssNames.VRI_CRL))).isEmpty();
            // Both entries point at the one stream of certificate A.
            assertThat(reference(a.getCOSArray(DssNames.VRI_CERT), 0))
                    .isEqualTo(reference(b.getCOSArray(DssNames.VRI_CERT), 0));
            Calendar time = a.getDate(DssNames.VRI_TIME);
            assertThat(time).isNotNull();
            assertThat(time.toInstant()).isEqualTo(TIME);
            assertThat(b.getDate(DssNames.VRI_TIME).toInstant()).isEqualTo(TIME);
        }
    }

    @Test
    void aLaterUpdateKeepsTheEarlierItemsAndEntriesAndReusesTheirStreams() throws Exception {
        byte[] first = append(TestPdfs.multiPage(1),
                Map.of("AAAA", new ValidationData().addCertificate(CERT_A).addOcspResponse(OCSP_A).addCrl(CRL_A)), TIME);

        byte[] second = append(first, Map.of("BBBB", new ValidationData().addCertificate(CERT_A)
                .addCertificate(CERT_B).addOcspResponse(OCSP_A).addCrl(CRL_A)), TIME.plusSeconds(60));

        assertThat(Arrays.copyOf(second, first.length)).isEqualTo(first);
        try (PDDocument document = Loader.loadPDF(second)) {
            COSDictionary dss = dss(document);
            assertThat(contents(dss.getCOSArray(DssNames.CERTS))).containsExactly(CERT_A, CERT_B);
            assertThat(contents(dss.getCOSArray(DssNames.OCSPS))).containsExactly(OCSP_A);
            assertThat(contents(dss.getCOSArray(DssNames.CRLS))).containsExactly(CRL_A);
            COSDictionary vri = dss.getCOSDictionary(DssNames.VRI);
            COSDictionary a = vri.getCOSDictionary(COSName.getPDFName("AAAA"));
            COSDictionary b = vri.getCOSDictionary(COSName.getPDFName("BBBB"));
            assertThat(a.getDate(DssNames.VRI_TIME).toInstant()).isEqualTo(TIME);
            assertThat(b.getDate(DssNames.VRI_TIME).toInstant()).isEqualTo(TIME.plusSeconds(60));
            assertThat(reference(b.getCOSArray(DssNames.VRI_CERT), 0))
                    .isEqualTo(reference(dss.getCOSArray(DssNames.CERTS), 0));
            assertThat(reference(b.getCOSArray(DssNames.VRI_OCSP), 0))
                    .isEqualTo(reference(a.getCOSArray(DssNames.VRI_OCSP), 0));
        }
    }

    private static byte[] append(byte[] pdf, Map<String, ValidationData> perSignature, Instant time) throws Exception {
        try (PDDocument document = DssWriter.load(pdf)) {
            return DssWriter.append(document, perSignature, time);
        }
    }

    private static COSDictionary dss(PDDocument document) {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DssNames.DSS);
        assertThat(dss).as("/DSS in the saved catalog").isNotNull();
        return dss;
    }

    /** The object number an array item refers to (items are indirect streams). */
    private static long reference(COSArray array, int index) {
        COSBase item = array.get(index);
        assertThat(item).isInstanceOf(COSObject.class);
        return ((COSObject) item).getKey().getNumber();
    }

    private static List<byte[]> contents(COSArray array) throws IOException {
        assertThat(array).isNotNull();
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try (InputStream in = ((COSStream) array.getObject(i)).createInputStream()) {
                items.add(in.readAllBytes());
            }
        }
        return items;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
