package jp.sitesign.model.signature.verify;

import static jp.sitesign.model.signature.verify.HandWrittenPdf.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * What {@link CoverageCheck} reports when one incremental update follows Alice's signed revision of
 * {@link HandWrittenPdf#contract()}: each update rewrites the objects a test names, so the test can say which
 * change must be reported and how it is described, and that nothing else is.
 */
class CoverageCheckTest {
    private static final byte[] SIGNED = HandWrittenPdf.contract();
    /** A later signature's dictionary (object 33 in the updates here), as an update that signs adds it. */
    private static final String LATER_SIGNATURE = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
            + " /ByteRange [0 0 0 0] /Contents <00> >>";

    @Test
    void anUpdateThatRewritesObjectsAsTheyWereChangesNothing() throws Exception {
        assertThat(changes(Map.of(1, object(1), 13, object(13), 20, object(20)))).isEmpty();
    }

    @Test
    void aCatalogReplacedByACopyUnderAnotherNumberIsReported() throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, 32, Map.of(32, object(1)));

        assertThat(changes(SIGNED, last)).containsExactly(
                new Change(ChangeKind.CATALOG_CHANGED, null, "the document catalog was replaced"));
    }

    @Test
    void anAnnotationAddedToAStandAloneAnnotationListIsNamedWithItsPage() throws Exception {
        assertThat(changes(Map.of(13, "[16 0 R 23 0 R 25 0 R 32 0 R]",
                32, "<< /Type /Annot /Subtype /FreeText /Rect [72 760 300 780] /Contents (Paid) >>")))
                .containsExactly(new Change(ChangeKind.ANNOTATION_ADDED, 1, "/FreeText (object 32 0)"));
    }

    @Test
    void anAnnotationRemovedFromAStandAloneAnnotationListIsNamedWithItsPage() throws Exception {
        assertThat(changes(Map.of(13, "[16 0 R 23 0 R]")))
                .containsExactly(new Change(ChangeKind.ANNOTATION_CHANGED, 1, "removed /Square (object 25 0)"));
    }

    @Test
    void aFieldAddedToAStandAloneFieldListIsNamed() throws Exception {
        assertThat(changes(Map.of(15, "[16 0 R 17 0 R 23 0 R 32 0 R]", 32, "<< /FT /Tx /T (remarks) /V (none) >>")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "added 'remarks' (object 32 0)"));
    }

    @Test
    void aLaterSignatureWithItsOwnFieldAndWidgetInStandAloneListsIsAllowed() throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, Map.of(13, "[16 0 R 23 0 R 25 0 R 32 0 R]",
                15, "[16 0 R 17 0 R 23 0 R 32 0 R]",
                32, "<< /FT /Sig /T (Carol) /V 33 0 R /Type /Annot /Subtype /Widget /Rect [72 40 222 90] /P 4 0 R >>",
                33, LATER_SIGNATURE));

        try (PDDocument signed = HandWrittenPdf.open(SIGNED); PDDocument after = HandWrittenPdf.open(last)) {
            assertThat(CoverageCheck.changes(signed, after, List.of(signature(after, "Carol", 32, 33))))
                    .containsExactly(new Change(ChangeKind.LATER_SIGNATURE, null, "Carol"));
        }
    }

    @Test
    void aWidgetAddedForAnotherWidgetOfAnExistingFieldIsAnAddedAnnotation() throws Exception {
        assertThat(changes(Map.of(13, "[16 0 R 23 0 R 25 0 R 32 0 R]",
                32, "<< /Type /Annot /Subtype /Widget /Parent 18 0 R /Rect [72 700 300 720] /P 4 0 R >>")))
                .containsExactly(new Change(ChangeKind.ANNOTATION_ADDED, 1, "/Widget (object 32 0)"));
    }

    @Test
    void aLaterSignatureWhoseWidgetIsAKidOfItsFieldIsAllowed() throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, Map.of(13, "[16 0 R 23 0 R 25 0 R 34 0 R]",
                15, "[16 0 R 17 0 R 23 0 R 32 0 R]",
                32, "<< /FT /Sig /T (Carol) /V 33 0 R /Kids [34 0 R] >>",
                33, LATER_SIGNATURE,
                34, "<< /Type /Annot /Subtype /Widget /Parent 32 0 R /Rect [72 40 222 90] /P 4 0 R >>"));

        try (PDDocument signed = HandWrittenPdf.open(SIGNED); PDDocument after = HandWrittenPdf.open(last)) {
            assertThat(CoverageCheck.changes(signed, after, List.of(signature(after, "Carol", 32, 33))))
                    .containsExactly(new Change(ChangeKind.LATER_SIGNATURE, null, "Carol"));
        }
    }

    @Test
    void aPageGivenAnotherAnnotationListIsJudgedEntryByEntry() throws Exception {
        String page = object(4);

        assertThat(changes(Map.of(4, page.replace("/Annots 13 0 R", "/Annots [16 0 R 23 0 R 25 0 R 32 0 R]"),
                32, "<< /Type /Annot /Subtype /Text /Rect [72 760 90 780] >>")))
                .containsExactly(new Change(ChangeKind.ANNOTATION_ADDED, 1, "/Text (object 32 0)"));
        assertThat(changes(Map.of(4, page.replace("/Annots 13 0 R", "/Annots [16 0 R 23 0 R 25 0 R] /Rotate 180"))))
                .as("the same annotations, listed directly; the page turned")
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/Rotate (object 4 0)"));
    }

    @Test
    void theFormsEntriesOtherThanSigFlagsMayNotChange() throws Exception {
        assertThat(changes(Map.of(14, "<< /Fields 15 0 R /SigFlags 3 /DA (/Helv 0 Tf 0 g) /NeedAppearances true >>")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "/AcroForm /NeedAppearances"));
        assertThat(changes(Map.of(14, "<< /Fields 15 0 R /SigFlags 1 /DA (/Helv 0 Tf 0 g) >>"))).isEmpty();
        assertThat(changes(Map.of(14, "<< /Fields [16 0 R 17 0 R] /SigFlags 3 /DA (/Helv 0 Tf 0 g) >>")))
                .as("Bob's empty field dropped from a directly listed field list")
                .containsExactly(
                        new Change(ChangeKind.FORM_FIELD_CHANGED, null, "removed /Widget 'Bob' (object 23 0)"));
    }

    @Test
    void anObjectMissingWhenSignedAndDefinedLaterIsAChange() throws Exception {
        // Page 1 draws stream 4 and stream 5, which the signed file does not define (so it read as nothing).
        byte[] signed = HandWrittenPdf.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R] >>",
                stream("", "BT /F1 12 Tf 72 770 Td (Contract amount: 1,000,000 yen) Tj ET"));

        assertThat(changes(signed, HandWrittenPdf.update(signed, Map.of(5, stream("", "1 g 0 0 595 842 re f")))))
                .containsExactly(new Change(ChangeKind.OBJECT_CHANGED, null,
                        "(object 5 0), referred to but missing when signed, was added"));
        assertThat(changes(signed, HandWrittenPdf.update(signed, Map.of(5, "null"))))
                .as("defined as null, it still reads as nothing").isEmpty();
        assertThat(changes(signed, HandWrittenPdf.update(signed, Map.of(6, stream("", "1 g 0 0 595 842 re f")))))
                .as("an object nothing signed refers to").isEmpty();
    }

    @Test
    void validationDataAddedToTheSecurityStoreIsAllowed() throws Exception {
        assertThat(changes(Map.of(27, "[29 0 R 32 0 R]", 32, stream("", "intermediate"))))
                .as("a certificate added to the stand-alone /Certs array")
                .containsExactly(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
        assertThat(changes(Map.of(26, "<< /Certs 27 0 R /VRI 28 0 R /OCSPs [32 0 R] >>", 32, stream("", "ocsp"))))
                .containsExactly(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
        assertThat(changes(Map.of(28, "<< /ABCD << /Cert [29 0 R] >> >>")))
                .containsExactly(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
    }

    @Test
    void aContentStreamAddedToOrRewrittenInAContentsArrayIsAPageContentChange() throws Exception {
        assertThat(changes(Map.of(5, "[6 0 R 7 0 R 32 0 R]", 32, stream("", "0 0 1 rg 0 0 595 842 re f"))))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/Contents (object 5 0)"));
        assertThat(changes(Map.of(7, stream("", "q /Seal Do Q 0 g"))))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/Contents (object 7 0)"));
        assertThat(changes(Map.of(24, stream("", "BT /F1 12 Tf 72 770 Td (No terms) Tj ET"))))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 2, "/Contents (object 24 0)"));
    }

    @Test
    void resourcesChangedAreNamedByCategoryAndName() throws Exception {
        assertThat(changes(Map.of(8, "<< /Font 9 0 R /XObject << /Seal 10 0 R >> /ExtGState << /G0 << /CA 0 >> >> >>")))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/Resources (object 8 0)"));
        assertThat(changes(Map.of(9, "<< /F1 22 0 R /F2 22 0 R >>")))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/Resources /Font (object 9 0)"));
        assertThat(changes(Map.of(10,
                stream("/Type /XObject /Subtype /Form /BBox [0 0 50 50]", "0 0 1 rg 0 0 50 50 re f"))))
                .containsExactly(new Change(ChangeKind.PAGE_CONTENT_CHANGED, 1, "/XObject /Seal (object 10 0)"));
    }

    @Test
    void aReorderedKidsListOrAnInnerNodeChangedIsAPageTreeChange() throws Exception {
        assertThat(changes(Map.of(3, "[11 0 R 4 0 R]")))
                .containsExactly(new Change(ChangeKind.PAGES_CHANGED, null, "(object 3 0)"));
        assertThat(changes(Map.of(11, "<< /Type /Pages /Parent 2 0 R /Kids [12 0 R] /Count 1 /Rotate 90 >>")))
                .containsExactly(new Change(ChangeKind.PAGES_CHANGED, null, "(object 11 0)"));
    }

    @Test
    void aNestedFieldItsValueAndItsWidgetAreNamedByTheFullyQualifiedName() throws Exception {
        assertThat(changes(Map.of(20, "(9,000,000 yen)")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "contract.amount (object 20 0)"));
        assertThat(changes(Map.of(18, "<< /FT /Tx /T (amount) /Parent 17 0 R /V 20 0 R /Kids [19 0 R] /Ff 1 >>")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "contract.amount (object 18 0)"));
        assertThat(changes(Map.of(19, "<< /Type /Annot /Subtype /Widget /Parent 18 0 R /Rect [72 700 300 720]"
                + " /P 12 0 R /F 2 >>")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "contract.amount (object 19 0)"));
        assertThat(changes(Map.of(17, "<< /T (contract) /Kids [18 0 R] /Ff 1 >>")))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "contract (object 17 0)"));
    }

    @Test
    void anEarlierSignaturesDictionaryRewrittenIsNamedAsSuch() throws Exception {
        assertThat(changes(Map.of(21, LATER_SIGNATURE.replace("<< ", "<< /Reason (edited) "))))
                .containsExactly(
                        new Change(ChangeKind.OBJECT_CHANGED, null, "signature dictionary of Alice (object 21 0)"));
    }

    @Test
    void anEmptySignatureFieldSignedLaterIsAllowed() throws Exception {
        assertThat(signBobsField(bobsFieldSigned("/AP << /N 34 0 R >>")))
                .containsExactly(new Change(ChangeKind.LATER_SIGNATURE, null, "Bob"));
    }

    @Test
    void anEmptySignatureFieldSignedAndMovedIsAChangeToTheWidget() throws Exception {
        String moved = bobsFieldSigned("").replace("/Rect [300 100 450 150]", "/Rect [0 0 595 842]");

        assertThat(signBobsField(moved)).containsExactly(
                new Change(ChangeKind.LATER_SIGNATURE, null, "Bob"),
                new Change(ChangeKind.ANNOTATION_CHANGED, 1, "Widget (object 23 0)"));
    }

    @Test
    void anEmptySignatureFieldGivenAValueNoLaterSignatureHasIsAChange() throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, Map.of(23, bobsFieldSigned(""), 33, LATER_SIGNATURE));

        assertThat(changes(SIGNED, last))
                .containsExactly(new Change(ChangeKind.ANNOTATION_CHANGED, 1, "Widget (object 23 0)"));
    }

    /** Only an empty field may be signed later: Alice's signature cannot be swapped for another one. */
    @Test
    void aSignedFieldsValueReplacedByALaterSignatureIsAChange() throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, Map.of(16, object(16).replace("/V 21 0 R", "/V 33 0 R"),
                33, LATER_SIGNATURE));

        try (PDDocument signed = HandWrittenPdf.open(SIGNED); PDDocument after = HandWrittenPdf.open(last)) {
            assertThat(CoverageCheck.changes(signed, after, List.of(signature(after, "Alice", 16, 33))))
                    .contains(new Change(ChangeKind.ANNOTATION_CHANGED, 1, "Widget (object 16 0)"));
        }
    }

    @Test
    void anObjectWithoutARoleIsNamedByNumberAndType() throws Exception {
        assertThat(changes(Map.of(30, "<< /Type /FontDescriptor /FontName /Helvetica /Flags 34 >>")))
                .containsExactly(new Change(ChangeKind.OBJECT_CHANGED, null, "(object 30 0) /FontDescriptor"));
        assertThat(changes(Map.of(31, "<< /W 0 >>")))
                .containsExactly(new Change(ChangeKind.OBJECT_CHANGED, null, "(object 31 0)"));
    }

    @Test
    void aFormGivenToACatalogThatHadNoneIsJudgedFieldByField() throws Exception {
        byte[] signed = HandWrittenPdf.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>");
        byte[] last = HandWrittenPdf.update(signed, Map.of(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>",
                3, "<< /Fields [4 0 R] /SigFlags 3 >>", 4, "<< /FT /Tx /T (remarks) >>"));

        assertThat(changes(signed, last))
                .containsExactly(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "added 'remarks' (object 4 0)"));
    }

    @Test
    void aFormWhereTheSignedCatalogHadSomethingElseIsACatalogChange() throws Exception {
        byte[] signed = HandWrittenPdf.of("<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>",
                "<< /Type /Pages /Kids [] /Count 0 >>", "[]");
        byte[] last = HandWrittenPdf.update(signed, Map.of(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
                4, "<< /Fields [] /SigFlags 3 >>"));

        assertThat(changes(signed, last)).containsExactly(new Change(ChangeKind.CATALOG_CHANGED, null, "/AcroForm"));
    }

    /** The changes of an update that signs Bob's field, rewriting it as {@code field}, with an appearance 34. */
    private static List<Change> signBobsField(String field) throws Exception {
        byte[] last = HandWrittenPdf.update(SIGNED, Map.of(23, field, 33, LATER_SIGNATURE,
                34, stream("/Type /XObject /Subtype /Form /BBox [0 0 150 50]", "0 0 1 rg 0 0 150 50 re f")));
        try (PDDocument signed = HandWrittenPdf.open(SIGNED); PDDocument after = HandWrittenPdf.open(last)) {
            return CoverageCheck.changes(signed, after, List.of(signature(after, "Bob", 23, 33)));
        }
    }

    /** Bob's field of the contract with {@code /V 33 0 R} and {@code extra} entries. */
    private static String bobsFieldSigned(String extra) {
        return object(23).replace(" >>", " /V 33 0 R " + extra + " >>");
    }

    private static SignatureField signature(PDDocument last, String name, int field, int value) {
        return new SignatureField(name, SignatureKind.SIGNATURE, new int[] {0, 0, 0, 0}, new byte[0], null,
                HandWrittenPdf.dictionary(last, field), HandWrittenPdf.dictionary(last, value));
    }

    private static List<Change> changes(Map<Integer, String> update) throws Exception {
        return changes(SIGNED, HandWrittenPdf.update(SIGNED, update));
    }

    private static List<Change> changes(byte[] signed, byte[] last) throws Exception {
        try (PDDocument before = HandWrittenPdf.open(signed); PDDocument after = HandWrittenPdf.open(last)) {
            return new ArrayList<>(CoverageCheck.changes(before, after, List.of()));
        }
    }

    /** Object {@code number} of the contract as written. */
    private static String object(int number) {
        String text = new String(SIGNED, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\n" + number + " 0 obj\n") + ("\n" + number + " 0 obj\n").length();
        return text.substring(start, text.indexOf("\nendobj", start));
    }
}
