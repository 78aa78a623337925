package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.CmsForgery;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TwoSigners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tampered documents: the report says which signature broke and why, and pdfsig — a verifier nobody
 * here wrote — complains about the same document. What a signature does not cover cannot pass as an
 * allowed addition either (the shadow-attack family): bytes appended after the last {@code %%EOF}, an update
 * that changes nothing this reader sees, an object filled in for a reference that was missing when signed.
 */
class TamperingTest {
    private static final String APPENDED = "\n4 0 obj\n<< /Length 44 >>\nstream\n"
            + "BT /F1 12 Tf 72 770 Td (99,999,999 yen) Tj ET\nendstream\nendobj\n";

    @TempDir
    static Path dir;
    static TwoSigners signers;

    private final PadesVerifier verifier = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC());

    @BeforeAll
    static void createKeys() {
        signers = TwoSigners.create(dir, "SiteSign Test Tampering CA");
    }

    @Test
    void aFlippedByteInTheSecondSignersRevisionBreaksOnlyThatSignature() throws Exception {
        byte[] once = signers.alice(TestPdfs.multiPage(2));
        byte[] twice = signers.bob(once);
        int date = indexOf(twice, "/M (D:", once.length) + "/M (D:".length();
        twice[date + 3] ^= 0x01; // a digit of the year Bob's signature dictionary claims

        VerificationReport report = verifier.verify(twice);

        SignatureReport first = report.signatures().get(0);
        SignatureReport second = report.signatures().get(1);
        assertThat(first.integrity().status()).isEqualTo(IntegrityStatus.INTACT);
        assertThat(first.valid()).isTrue();
        assertThat(second.integrity().status()).isEqualTo(IntegrityStatus.DIGEST_MISMATCH);
        assertThat(second.identity().status()).as("who signed is still known").isEqualTo(TrustStatus.TRUSTED);
        assertThat(report.allValid()).isFalse();
        assertThat(report.toText(Locale.JAPANESE)).contains("署名 2 (" + second.fieldName() + "): 改ざんあり");
        assertThat(IndependentChecks.pdfsigVerdicts(write("flipped.pdf", twice)))
                .containsExactly("Signature is Valid.", "Digest Mismatch.");
    }

    @Test
    void pageContentRewrittenByAnIncrementalUpdateIsADisallowedChangeNamingThePage() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(2));
        byte[] tampered = update(signed, document -> {
            COSStream content = (COSStream) document.getPage(1).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream out = content.createOutputStream()) {
                out.write("BT /F1 12 Tf 72 770 Td (Contract amount: 99,999,999 yen) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
        });

        SignatureReport signature = verifier.verify(tampered).signatures().get(0);

        assertThat(signature.integrity().status()).as("the signed revision itself is untouched")
                .isEqualTo(IntegrityStatus.INTACT);
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.DISALLOWED_MODIFICATION);
        assertThat(signature.coverage().disallowedChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.PAGE_CONTENT_CHANGED);
            assertThat(change.page()).isEqualTo(2);
            assertThat(change.what()).contains("/Contents");
        });
        assertThat(signature.valid()).isFalse();
        assertThat(verifier.verify(tampered).toText()).contains("ページ 2 の内容が変更されました", "（許可されない変更）");
        assertPdfsigSaysNotTotalDocumentSigned(write("content-changed.pdf", tampered));
    }

    @Test
    void anAnnotationAddedAfterSigningIsADisallowedChange() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(1));
        byte[] tampered = update(signed, document -> {
            PDPage page = document.getPage(0);
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(72, 600, 200, 40));
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(box);
            page.setAnnotations(annotations);
        });

        SignatureReport signature = verifier.verify(tampered).signatures().get(0);

        assertThat(signature.integrity().intact()).isTrue();
        assertThat(signature.coverage().disallowedChanges()).extracting(Change::kind, Change::page)
                .contains(tuple(ChangeKind.ANNOTATION_ADDED, 1));
        assertThat(signature.valid()).isFalse();
        assertPdfsigSaysNotTotalDocumentSigned(write("annotation-added.pdf", tampered));
    }

    @Test
    void aSignatureValueSwappedForAnotherValidSignatureOverOtherDataFailsIntegrity() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(1));
        byte[] other = signers.bob(TestPdfs.multiPage(3));
        byte[] replaced = CmsForgery.replaceContents(signed, 0, IndependentChecks.signedData(
                IndependentChecks.signatureContents(other).get(0)).getEncoded("DER"));

        VerificationReport report = verifier.verify(replaced);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.DIGEST_MISMATCH);
        assertThat(signature.integrity().detail()).contains("message-digest");
        assertThat(signature.identity().subject()).as("the swapped-in signer").contains("CN=Bob");
        assertThat(report.allValid()).isFalse();
        assertThat(IndependentChecks.pdfsigVerdicts(write("replaced.pdf", replaced))).containsExactly("Digest Mismatch.");
    }

    @Test
    void aSignatureRemovedByALaterRevisionIsADocumentLevelFinding() throws Exception {
        byte[] twice = signers.bob(signers.alice(TestPdfs.multiPage(1)));
        String removedField = verifier.verify(twice).signatures().get(1).fieldName();
        byte[] removed = update(twice, document -> {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            List<PDField> fields = new ArrayList<>(form.getFields());
            PDSignatureField bobsField = (PDSignatureField) fields.stream()
                    .filter(f -> f.getFullyQualifiedName().equals(removedField)).findFirst().orElseThrow();
            fields.remove(bobsField);
            form.setFields(fields);
            for (PDPage page : document.getPages()) {
                List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
                annotations.removeIf(a -> a.getCOSObject() == bobsField.getWidgets().get(0).getCOSObject());
                page.setAnnotations(annotations);
            }
        });

        VerificationReport report = verifier.verify(removed);

        assertThat(report.signatures()).hasSize(1);
        assertThat(report.documentFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(DocumentFindingKind.SIGNATURE_REMOVED);
            assertThat(finding.what()).isEqualTo(removedField);
            assertThat(finding.revision()).isEqualTo(3);
        });
        assertThat(report.allValid()).isFalse();
        assertThat(report.toText()).contains("署名「" + removedField + "」が後の版で削除されています");
        Path pdf = write("removed.pdf", removed);
        assertThat(IndependentChecks.pdfsigVerdicts(pdf)).as("pdfsig no longer sees the second signature").hasSize(1);
        assertPdfsigSaysNotTotalDocumentSigned(pdf);
    }

    @Test
    void anObjectAppendedAfterEofIsUnsignedDataNotAnAllowedAddition() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(1));
        assertThat(verifier.verify(signed).allValid()).isTrue();

        VerificationReport report = verifier.verify(ShadowUpdates.appended(signed, APPENDED));

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().intact()).as("the signed bytes themselves are untouched").isTrue();
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.DISALLOWED_MODIFICATION);
        assertThat(signature.coverage().disallowedChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.UNSIGNED_DATA);
            assertThat(change.what()).contains("after the end of the last revision");
        });
        assertThat(report.allValid()).isFalse();
        assertThat(report.toText(Locale.JAPANESE)).contains("どの署名にも含まれないデータ");
        assertPdfsigSaysNotTotalDocumentSigned(write("appended-after-eof.pdf", ShadowUpdates.appended(signed, APPENDED)));
    }

    @Test
    void anAppendedRevisionThatChangesNothingThisReaderSeesIsUnsignedData() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(1));

        SignatureReport signature = verifier.verify(ShadowUpdates.appended(signed, APPENDED + "%%EOF\n"))
                .signatures().get(0);

        assertThat(signature.coverage().disallowedChanges()).extracting(Change::kind)
                .containsExactly(ChangeKind.UNSIGNED_DATA);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void whiteSpaceAfterTheLastEofIsHarmless() throws Exception {
        byte[] signed = signers.alice(TestPdfs.multiPage(1));

        assertThat(verifier.verify(ShadowUpdates.appended(signed, "\r\n  \n")).allValid()).isTrue();
        assertThat(verifier.verify(ShadowUpdates.appended(signed, "\0\t\n\f\r ")).allValid())
                .as("every PDF white-space character").isTrue();
        for (String notWhiteSpace : List.of("\n%", "\u000b", "\n\u0001", "x")) {
            SignatureReport signature = verifier.verify(ShadowUpdates.appended(signed, notWhiteSpace)).signatures().get(0);
            assertThat(signature.coverage().disallowedChanges()).as(notWhiteSpace).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.UNSIGNED_DATA);
                assertThat(change.what()).isEqualTo(notWhiteSpace.length() + " bytes after the end of the last revision");
            });
        }
    }

    @Test
    void anObjectMissingWhenSignedAndFilledInUnderALaterSignatureIsAChangeToTheSignedPage() throws Exception {
        byte[] signed = signers.alice(ShadowUpdates.pageWithMissingContent(999));
        assertThat(verifier.verify(signed).allValid()).as("a missing object reads as nothing").isTrue();
        byte[] filled = ShadowUpdates.withObject(signed, 999,
                "<< /Length 43 >>\nstream\nBT /F1 12 Tf 72 740 Td (Paid in full.) Tj ET\nendstream");

        VerificationReport report = verifier.verify(signers.bob(filled));

        SignatureReport first = report.signatures().get(0);
        assertThat(first.integrity().intact()).isTrue();
        assertThat(first.coverage().disallowedChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.OBJECT_CHANGED);
            assertThat(change.what()).contains("object 999 0").contains("missing when signed");
        });
        assertThat(report.signatures().get(1).valid()).as("the later signer signed what they saw").isTrue();
        assertThat(report.allValid()).isFalse();
    }

    private static void assertPdfsigSaysNotTotalDocumentSigned(Path pdf) {
        String output = ExternalTools.run(List.of("pdfsig", pdf.toString())).output();
        assertThat(output).contains("Signature is Valid.").contains("Not total document signed");
    }

    @FunctionalInterface
    private interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    /** An incremental update made with PDFBox: the signed bytes stay, the edit is appended. */
    private static byte[] update(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            edit.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            byte[] updated = out.toByteArray();
            assertThat(Arrays.copyOf(updated, pdf.length)).as("an incremental update").isEqualTo(pdf);
            assertThat(updated.length).as("something was appended").isGreaterThan(pdf.length);
            return updated;
        }
    }

    private static int indexOf(byte[] haystack, String needle, int from) {
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        int index = text.indexOf(needle, from);
        assertThat(index).as("%s after byte %d", needle, from).isNotNegative();
        return index;
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }
}
