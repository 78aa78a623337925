package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.sitesign.model.signature.testing.AttackCorpus;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationCircle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationInk;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLine;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationStrikeout;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationUnderline;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental saving after a signature, one edit of each kind the published attacks use (the page's
 * content and geometry, fonts and XObjects, the page tree, annotations of every common subtype, form fields
 * and their values, hiding and showing prepared content): each is a disallowed change that names what
 * changed, and the signature is no longer valid. A later signature cannot carry such edits in with it.
 */
class IncrementalSavingAttackTest {
    @TempDir
    static Path dir;
    static TestCa ca;
    static AttackCorpus.Signer alice;
    static AttackCorpus.Signer bob;
    /** A contract page with what the attacks need prepared: a drawn XObject, an unused one, a text field, annotations. */
    static byte[] signed;

    private final PadesVerifier verifier = new PadesVerifier(List.of(ca.root()), Clock.systemUTC());

    @BeforeAll
    static void signPreparedDocument() {
        ca = TestCa.create("SiteSign Test Incremental CA");
        alice = signer("alice", "Alice");
        bob = signer("bob", "Bob");
        signed = alice.sign(prepared());
    }

    private static AttackCorpus.Signer signer(String alias, String name) {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), name);
        return new AttackCorpus.Signer(ca, keys, certificate,
                Pkcs12Files.write(dir.resolve(alias + ".p12"), keys, certificate, ca.root(), alias, "pw"), "pw", alias, null);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("MediaBox made smaller", ChangeKind.PAGE_CONTENT_CHANGED, "/MediaBox",
                        d -> d.getPage(0).setMediaBox(new PDRectangle(0, 0, 595, 421))),
                edit("page rotated", ChangeKind.PAGE_CONTENT_CHANGED, "/Rotate", d -> d.getPage(0).setRotation(180)),
                edit("content rewritten to the same length", ChangeKind.PAGE_CONTENT_CHANGED, "/Contents",
                        IncrementalSavingAttackTest::sameLengthContent),
                edit("font replaced", ChangeKind.PAGE_CONTENT_CHANGED, "/Font /F1", d -> font(d).getCOSObject()
                        .setName(COSName.BASE_FONT, "Courier")),
                edit("drawn XObject replaced", ChangeKind.PAGE_CONTENT_CHANGED, "XObject",
                        d -> rewrite(xObject(d, "Seal"), "0 0 1 rg 0 0 50 50 re f")),
                edit("prepared XObject switched on (hide-and-replace)", ChangeKind.PAGE_CONTENT_CHANGED, "/Contents",
                        IncrementalSavingAttackTest::drawPreparedXObject),
                edit("page added to the page tree", ChangeKind.PAGES_CHANGED, "", d -> d.addPage(new PDPage())),
                edit("text annotation", ChangeKind.ANNOTATION_ADDED, "/Text", d -> annotate(d, new PDAnnotationText())),
                edit("free-text annotation", ChangeKind.ANNOTATION_ADDED, "/FreeText",
                        d -> annotate(d, new PDAnnotationFreeText())),
                edit("square annotation", ChangeKind.ANNOTATION_ADDED, "/Square", d -> annotate(d, new PDAnnotationSquare())),
                edit("circle annotation", ChangeKind.ANNOTATION_ADDED, "/Circle", d -> annotate(d, new PDAnnotationCircle())),
                edit("line annotation", ChangeKind.ANNOTATION_ADDED, "/Line", d -> annotate(d, new PDAnnotationLine())),
                edit("ink annotation", ChangeKind.ANNOTATION_ADDED, "/Ink", d -> annotate(d, new PDAnnotationInk())),
                edit("highlight annotation", ChangeKind.ANNOTATION_ADDED, "/Highlight",
                        d -> annotate(d, new PDAnnotationHighlight())),
                edit("underline annotation", ChangeKind.ANNOTATION_ADDED, "/Underline",
                        d -> annotate(d, new PDAnnotationUnderline())),
                edit("strike-out annotation", ChangeKind.ANNOTATION_ADDED, "/StrikeOut",
                        d -> annotate(d, new PDAnnotationStrikeout())),
                edit("stamp annotation", ChangeKind.ANNOTATION_ADDED, "/Stamp",
                        d -> annotate(d, new PDAnnotationRubberStamp())),
                edit("link annotation", ChangeKind.ANNOTATION_ADDED, "/Link", d -> annotate(d, new PDAnnotationLink())),
                edit("popup annotation", ChangeKind.ANNOTATION_ADDED, "/Popup", d -> annotate(d, new PDAnnotationPopup())),
                edit("widget of no field", ChangeKind.ANNOTATION_ADDED, "/Widget",
                        d -> annotate(d, new PDAnnotationWidget())),
                edit("annotation removed", ChangeKind.ANNOTATION_CHANGED, "removed /Square",
                        d -> d.getPage(0).setAnnotations(new ArrayList<>(d.getPage(0).getAnnotations().stream()
                                .filter(a -> !(a instanceof PDAnnotationSquare)).toList()))),
                edit("hidden annotation shown (its flags)", ChangeKind.ANNOTATION_CHANGED, "",
                        d -> annotation(d, PDAnnotationFreeText.class).setHidden(false)),
                edit("visible annotation hidden (its flags)", ChangeKind.ANNOTATION_CHANGED, "",
                        d -> annotation(d, PDAnnotationSquare.class).setHidden(true)),
                edit("text field added", ChangeKind.FORM_FIELD_CHANGED, "added", AttackCorpus::textFieldOverlay),
                // The field and its widget are one dictionary here, which is reported by its place on the page.
                edit("text field value changed, same length", ChangeKind.ANNOTATION_CHANGED, "Widget",
                        d -> field(d).getCOSObject().setString(COSName.V, "9,000,000 yen")),
                edit("empty signature field added", ChangeKind.FORM_FIELD_CHANGED, "added",
                        IncrementalSavingAttackTest::emptySignatureField),
                edit("form told to regenerate appearances", ChangeKind.FORM_FIELD_CHANGED, "/NeedAppearances",
                        d -> d.getDocumentCatalog().getAcroForm(null).setNeedAppearances(true)),
                edit("catalog gains an open action", ChangeKind.CATALOG_CHANGED, "/OpenAction",
                        d -> d.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION,
                                d.getPage(0).getCOSObject())));
    }

    private static Arguments edit(String name, ChangeKind kind, String what, ShadowUpdates.Edit edit) {
        return Arguments.of(name, kind, what, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditAfterSigningIsADisallowedChangeThatSaysWhatChanged(String name, ChangeKind kind, String what,
            ShadowUpdates.Edit edit) throws Exception {
        byte[] tampered = AttackCorpus.saveIncremental(signed, edit);

        VerificationReport report = verifier.verify(tampered);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().intact()).as("the signed revision itself is untouched").isTrue();
        assertThat(signature.coverage().status()).isEqualTo(CoverageStatus.DISALLOWED_MODIFICATION);
        assertThat(signature.coverage().disallowedChanges()).as(report.toText())
                .anySatisfy(change -> {
                    assertThat(change.kind()).isEqualTo(kind);
                    assertThat(change.what()).contains(what);
                });
        assertThat(signature.valid()).isFalse();
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void theUntouchedPreparedDocumentIsValid() throws Exception {
        assertThat(verifier.verify(signed).allValid()).isTrue();
        assertThat(verifier.verify(bob.sign(signed)).allValid()).as("a later signature alone is allowed").isTrue();
    }

    @Test
    void aLaterSignatureCannotBringAnOverlayAnnotationWithIt() throws Exception {
        VerificationReport report = verifier.verify(bob.signWith(signed, AttackCorpus::freeTextOverlay));

        assertThat(report.signatures().get(0).coverage().disallowedChanges()).extracting(Change::kind)
                .containsExactly(ChangeKind.ANNOTATION_ADDED);
        assertThat(report.signatures().get(1).valid()).as("Bob signed what he saw").isTrue();
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void aLaterSignatureCannotBringAnotherFieldAndWidgetWithIt() throws Exception {
        VerificationReport report = verifier.verify(bob.signWith(signed, AttackCorpus::textFieldOverlay));

        assertThat(report.signatures().get(0).coverage().disallowedChanges()).extracting(Change::kind)
                .contains(ChangeKind.ANNOTATION_ADDED, ChangeKind.FORM_FIELD_CHANGED);
        assertThat(report.signatures().get(0).coverage().changes()).filteredOn(Change::allowed).extracting(Change::kind)
                .containsExactly(ChangeKind.LATER_SIGNATURE);
    }

    @Test
    void aLaterSignatureCannotBringAnEmptySignatureFieldWithIt() throws Exception {
        VerificationReport report = verifier.verify(bob.signWith(signed, IncrementalSavingAttackTest::emptySignatureField));

        assertThat(report.signatures().get(0).coverage().disallowedChanges()).extracting(Change::kind)
                .contains(ChangeKind.FORM_FIELD_CHANGED, ChangeKind.ANNOTATION_ADDED);
    }

    /** One page: text in Helvetica, a drawn form XObject "Seal", an unused one "Paid", a text field, two annotations. */
    private static byte[] prepared() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFormXObject seal = form(document, "1 0 0 rg 0 0 50 50 re f");
            PDFormXObject paid = form(document, "0 1 0 rg 0 0 50 50 re f");
            PDResources resources = new PDResources();
            page.setResources(resources);
            COSName sealName = resources.add(seal);
            resources.put(COSName.getPDFName("Paid"), paid);
            resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).setItem(COSName.getPDFName("Seal"), seal);
            resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).removeItem(sealName);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 770);
                content.showText("Contract amount: 1,000,000 yen");
                content.endText();
                content.drawForm(seal);
            }
            replaceSealName(page, sealName);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDTextField amount = new PDTextField(form);
            amount.setPartialName("amount");
            amount.getCOSObject().setString(COSName.V, "1,000,000 yen");
            PDAnnotationWidget widget = amount.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(300, 700, 200, 20));
            widget.setPage(page);
            form.setFields(List.of(amount));
            PDAnnotationFreeText hidden = new PDAnnotationFreeText();
            hidden.setRectangle(new PDRectangle(72, 600, 300, 40));
            hidden.setContents("Contract void");
            hidden.setHidden(true);
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(72, 500, 100, 40));
            page.setAnnotations(List.of(widget, hidden, box));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PDFormXObject form(PDDocument document, String drawing) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(50, 50));
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(drawing.getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    /** The content stream drew the XObject under the name PDFBox chose; make it say /Seal. */
    private static void replaceSealName(PDPage page, COSName generated) throws IOException {
        COSStream content = (COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        String text = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1)
                .replace("/" + generated.getName() + " Do", "/Seal Do");
        try (OutputStream out = content.createOutputStream()) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void sameLengthContent(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        String text = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("1,000,000");
        rewrite((COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS), text.replace("1,000,000", "9,000,000"));
    }

    private static void drawPreparedXObject(PDDocument document) throws IOException {
        COSStream shown = document.getDocument().createCOSStream();
        try (OutputStream out = shown.createOutputStream()) {
            out.write("q /Paid Do Q".getBytes(StandardCharsets.US_ASCII));
        }
        document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, shown);
    }

    private static PDType1Font font(PDDocument document) throws IOException {
        PDResources resources = document.getPage(0).getResources();
        COSName name = resources.getFontNames().iterator().next();
        return (PDType1Font) resources.getFont(name);
    }

    private static COSStream xObject(PDDocument document, String name) throws IOException {
        return ((PDFormXObject) document.getPage(0).getResources().getXObject(COSName.getPDFName(name))).getCOSObject();
    }

    private static void rewrite(COSStream stream, String text) throws IOException {
        try (OutputStream out = stream.createOutputStream()) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void annotate(PDDocument document, PDAnnotation annotation) throws IOException {
        annotation.setRectangle(new PDRectangle(72, 740, 300, 40));
        PDPage page = document.getPage(0);
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(annotation);
        page.setAnnotations(annotations);
    }

    private static <T extends PDAnnotation> T annotation(PDDocument document, Class<T> type) throws IOException {
        return document.getPage(0).getAnnotations().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow();
    }

    private static PDField field(PDDocument document) {
        return document.getDocumentCatalog().getAcroForm(null).getField("amount");
    }

    private static void emptySignatureField(PDDocument document) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        PDSignatureField empty = new PDSignatureField(form);
        empty.setPartialName("LaterSigner");
        PDAnnotationWidget widget = empty.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(72, 100, 150, 50));
        widget.setPage(document.getPage(0));
        List<PDField> fields = new ArrayList<>(form.getFields());
        fields.add(empty);
        form.setFields(fields);
        annotate(document, widget);
        widget.setRectangle(new PDRectangle(72, 100, 150, 50));
    }

}
