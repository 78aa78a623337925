package jp.sitesign.model.signature.pdf;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link IncrementalSignature} writes into the PDF, checked on the completed bytes: the reserved
 * {@code /Contents} and its byte range, the signature dictionary's entries, the seeded {@code /ID}, and the
 * refusals (too large a CMS, a document locked by DocMDP P = 1). A placeholder CMS is enough: nothing here
 * verifies the signature, only where and how it is written.
 */
class IncrementalSignatureWritingTest {
    private static final Instant TIME = Instant.parse("2025-04-01T01:02:03Z");
    private static final SignatureAppearanceInfo INFO = new SignatureAppearanceInfo("Alice", "契約締結のため", "東京");

    @Test
    void reservesExactlyTheRequestedContentsAndCoversTheRestOfTheFile() throws Exception {
        byte[] original = TestPdfs.multiPage(1);
        byte[] cms = placeholderCms(300);
        byte[] signed;
        try (IncrementalSignature pending = IncrementalSignature.prepare(original, INFO, TIME, 4096)) {
            byte[] content = pending.signedContent();
            signed = pending.complete(cms);
            assertThat(content).hasSize(signed.length - (2 * 4096 + 2));
        }

        assertThat(Arrays.copyOf(signed, original.length)).as("earlier revision untouched").isEqualTo(original);
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] - range[1]).as("<hex> of 4096 bytes").isEqualTo(2 * 4096 + 2);
            assertThat(range[2] + range[3]).isEqualTo(signed.length);
            byte[] contents = signature.getContents();
            assertThat(contents).hasSize(4096);
            assertThat(Arrays.copyOf(contents, cms.length)).isEqualTo(cms);
        }
    }

    @Test
    void writesTheCadesSignatureDictionaryWithTheSignersInformation() throws Exception {
        byte[] signed = prepareAndComplete(TestPdfs.multiPage(1), TIME, 2048);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getName()).isEqualTo("Alice");
            assertThat(signature.getReason()).isEqualTo("契約締結のため");
            assertThat(signature.getLocation()).isEqualTo("東京");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(TIME);
        }
    }

    @Test
    void documentTimestampIsAnRfc3161DocTimeStampWithTheStandardFilter() throws Exception {
        byte[] signed;
        try (IncrementalSignature pending = IncrementalSignature.prepareDocumentTimestamp(TestPdfs.multiPage(1), TIME,
                3072)) {
            signed = pending.complete(placeholderCms(100));
        }

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature timestamp = document.getLastSignatureDictionary();
            assertThat(timestamp.getCOSObject().getCOSName(COSName.TYPE)).isEqualTo(COSName.getPDFName("DocTimeStamp"));
            assertThat(timestamp.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(timestamp.getSubFilter()).isEqualTo("ETSI.RFC3161");
            assertThat(timestamp.getContents()).hasSize(3072);
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherId() throws Exception {
        byte[] original = TestPdfs.multiPage(1);

        byte[] first = prepareAndComplete(original, TIME, 2048);
        byte[] again = prepareAndComplete(original, TIME, 2048);
        byte[] later = prepareAndComplete(original, TIME.plusSeconds(1), 2048);

        assertThat(again).as("/ID seeded by the signing time, not the wall clock").isEqualTo(first);
        assertThat(documentId(later)).isNotEqualTo(documentId(first));
    }

    @Test
    void aLargeReservationOnASmallDocumentIsWritten() throws Exception {
        byte[] original = TestPdfs.multiPage(1);
        int reserved = 8 * original.length;

        byte[] signed = prepareAndComplete(original, TIME, reserved);

        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getLastSignatureDictionary().getContents()).hasSize(reserved);
        }
    }

    @Test
    void aCmsFitsUpToTheReservedSizeAndOneByteMoreIsRefused() throws Exception {
        try (IncrementalSignature pending = IncrementalSignature.prepare(TestPdfs.multiPage(1), INFO, TIME, 2048)) {
            assertThat(pending.fits(2048)).isTrue();
            assertThat(pending.fits(2049)).isFalse();

            assertThatThrownBy(() -> pending.complete(placeholderCms(2049)))
                    .isInstanceOfSatisfying(SigningException.class,
                            e -> {
                                assertThat(e.error()).isEqualTo(SigningError.SIGNATURE_TOO_LARGE);
                                assertThat(e.messageEn()).contains("2049");
                            });
            byte[] signed = pending.complete(placeholderCms(2048));
            try (PDDocument document = Loader.loadPDF(signed)) {
                assertThat(document.getLastSignatureDictionary().getContents()).isEqualTo(placeholderCms(2048));
            }
        }
    }

    @Test
    void aDocumentCertifiedWithNoChangesAllowedIsRefusedForASignatureButNotForADocumentTimestamp() throws Exception {
        byte[] locked = TestPdfs.certifiedWithPermission(1);

        assertThatThrownBy(() -> IncrementalSignature.prepare(locked, INFO, TIME, 2048))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.DOCUMENT_LOCKED));
        assertThatThrownBy(() -> IncrementalSignature.parseSignable(locked))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.DOCUMENT_LOCKED));
        try (IncrementalSignature timestamp = IncrementalSignature.prepareDocumentTimestamp(locked, TIME, 2048)) {
            assertThat(timestamp.complete(placeholderCms(10))).startsWith(Arrays.copyOf(locked, 64));
        }
    }

    @Test
    void formFillingPermissionAllowsAnotherSignature() throws Exception {
        byte[] signed = prepareAndComplete(TestPdfs.certifiedWithPermission(2), TIME, 2048);

        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
    }

    @Test
    void aParsedDocumentServesTheFirstPreparationAndIsParsedAgainForTheNext() throws Exception {
        byte[] original = TestPdfs.multiPage(2);
        try (IncrementalSignature.Parsed parsed = IncrementalSignature.parseSignable(original)) {
            byte[] first;
            try (IncrementalSignature pending = IncrementalSignature.prepare(parsed, INFO, TIME, 2048, null)) {
                first = pending.complete(placeholderCms(10));
            }
            byte[] second;
            try (IncrementalSignature pending = IncrementalSignature.prepare(parsed, INFO, TIME, 4096, null)) {
                second = pending.complete(placeholderCms(10));
            }
            try (PDDocument document = Loader.loadPDF(second)) {
                assertThat(document.getSignatureDictionaries()).as("one signature, not two").hasSize(1);
                assertThat(document.getLastSignatureDictionary().getContents()).hasSize(4096);
            }
            // The larger /Contents also moves the offsets after it, which may take a digit more.
            assertThat(second.length - first.length).isBetween(2 * (4096 - 2048), 2 * (4096 - 2048) + 16);
        }
    }

    @Test
    void docMdpPermissionIsReadFromTheDocMdpReferenceOnly() throws Exception {
        try (PDDocument plain = Loader.loadPDF(TestPdfs.multiPage(1));
             PDDocument p3 = Loader.loadPDF(TestPdfs.certifiedWithPermission(3));
             PDDocument fieldMdpOnly = Loader.loadPDF(withReferences("FieldMDP"));
             PDDocument fieldMdpThenDocMdp = Loader.loadPDF(withReferences("FieldMDP", "DocMDP"))) {
            assertThat(DocMdpCheck.docMdpPermission(plain)).isZero();
            assertThat(DocMdpCheck.docMdpPermission(p3)).isEqualTo(3);
            assertThat(DocMdpCheck.docMdpPermission(fieldMdpOnly)).as("not a certification").isZero();
            assertThat(DocMdpCheck.docMdpPermission(fieldMdpThenDocMdp)).as("no /TransformParams: default P")
                    .isEqualTo(2);
            DocMdpCheck.requireSignable(fieldMdpOnly);
        }
    }

    /** One page whose /Perms /DocMDP has a /Reference array with one entry per transform method, no params. */
    private static byte[] withReferences(String... methods) throws IOException {
        try (PDDocument document = Loader.loadPDF(TestPdfs.multiPage(1))) {
            COSArray references = new COSArray();
            for (String method : methods) {
                COSDictionary reference = new COSDictionary();
                reference.setItem(COSName.TRANSFORM_METHOD, COSName.getPDFName(method));
                references.add(reference);
            }
            COSDictionary signature = new COSDictionary();
            signature.setItem(COSName.REFERENCE, references);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.getPDFName("DocMDP"), signature);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] prepareAndComplete(byte[] pdf, Instant time, int reserved) throws SigningException {
        try (IncrementalSignature pending = IncrementalSignature.prepare(pdf, INFO, time, reserved)) {
            return pending.complete(placeholderCms(100));
        }
    }

    private static byte[] documentId(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray id = document.getDocument().getDocumentID();
            return ((org.apache.pdfbox.cos.COSString) id.getObject(1)).getBytes();
        }
    }

    private static byte[] placeholderCms(int length) {
        byte[] cms = new byte[length];
        for (int i = 0; i < length; i++) {
            cms[i] = (byte) (i % 251 + 1);
        }
        return cms;
    }
}
