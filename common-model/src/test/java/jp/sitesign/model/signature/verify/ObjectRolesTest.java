package jp.sitesign.model.signature.verify;

import static jp.sitesign.model.signature.verify.HandWrittenPdf.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.signature.verify.ObjectRoles.Kind;
import jp.sitesign.model.signature.verify.ObjectRoles.Role;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * What each object of a signed revision is taken for, which decides how a change to it is named and judged
 * ({@link CoverageCheck}). Read from {@link HandWrittenPdf#contract()}, whose object numbers are fixed.
 */
class ObjectRolesTest {
    private static final byte[] CONTRACT = HandWrittenPdf.contract();

    @Test
    void theCatalogIsTheTrailersRoot() throws Exception {
        try (PDDocument contract = HandWrittenPdf.open(CONTRACT)) {
            assertThat(ObjectRoles.of(contract).catalogKey()).isEqualTo(key(1));
        }
        assertThat(role(1)).isEqualTo(new Role(Kind.CATALOG, null, null));
    }

    @Test
    void everyNodeOfTheTreeAndItsKidsListArePageTree() throws Exception {
        assertThat(role(2)).isEqualTo(new Role(Kind.PAGE_TREE, null, null));
        assertThat(role(3)).as("the root's /Kids array").isEqualTo(new Role(Kind.PAGE_TREE, null, null));
        assertThat(role(11)).as("an inner node").isEqualTo(new Role(Kind.PAGE_TREE, null, null));
    }

    @Test
    void pagesAreNumberedInTreeOrderThroughInnerNodes() throws Exception {
        assertThat(role(4)).isEqualTo(new Role(Kind.PAGE, 1, null));
        assertThat(role(12)).isEqualTo(new Role(Kind.PAGE, 2, null));
    }

    @Test
    void aContentsArrayAndEachOfItsStreamsArePageContent() throws Exception {
        assertThat(role(5)).isEqualTo(new Role(Kind.PAGE_CONTENT, 1, "/Contents"));
        assertThat(role(6)).isEqualTo(new Role(Kind.PAGE_CONTENT, 1, "/Contents"));
        assertThat(role(7)).isEqualTo(new Role(Kind.PAGE_CONTENT, 1, "/Contents"));
        assertThat(role(24)).isEqualTo(new Role(Kind.PAGE_CONTENT, 2, "/Contents"));
    }

    @Test
    void resourcesTheirCategoriesAndTheNamedResourcesArePageResources() throws Exception {
        assertThat(role(8)).isEqualTo(new Role(Kind.PAGE_RESOURCE, 1, "/Resources"));
        assertThat(role(9)).isEqualTo(new Role(Kind.PAGE_RESOURCE, 1, "/Resources /Font"));
        assertThat(role(22)).isEqualTo(new Role(Kind.PAGE_RESOURCE, 1, "/Font /F1"));
        assertThat(role(10)).isEqualTo(new Role(Kind.PAGE_RESOURCE, 1, "/XObject /Seal"));
    }

    @Test
    void anAnnotationListAndItsAnnotationsByPageAndSubtype() throws Exception {
        assertThat(role(13)).isEqualTo(new Role(Kind.ANNOTATIONS, 1, null));
        assertThat(role(25)).isEqualTo(new Role(Kind.ANNOTATION, 1, "Square"));
        assertThat(role(23)).as("a field that is its own widget is met on its page first")
                .isEqualTo(new Role(Kind.ANNOTATION, 1, "Widget"));
    }

    @Test
    void theFormItsFieldListAndFieldsByFullyQualifiedName() throws Exception {
        assertThat(role(14)).isEqualTo(new Role(Kind.FORM, null, null));
        assertThat(role(15)).isEqualTo(new Role(Kind.FIELDS, null, null));
        assertThat(role(17)).isEqualTo(new Role(Kind.FIELD, null, "contract"));
        assertThat(role(18)).isEqualTo(new Role(Kind.FIELD, null, "contract.amount"));
        assertThat(role(19)).as("a kid without /T is named after its parent").isEqualTo(
                new Role(Kind.FIELD, null, "contract.amount"));
        assertThat(role(20)).as("a text field's value").isEqualTo(new Role(Kind.FIELD, null, "contract.amount"));
    }

    @Test
    void aSignatureFieldsValueIsTheSignature() throws Exception {
        assertThat(role(21)).isEqualTo(new Role(Kind.SIGNATURE, null, "Alice"));
    }

    @Test
    void theSecurityStoreAndItsEntriesAreSecurityStore() throws Exception {
        assertThat(role(26)).isEqualTo(new Role(Kind.SECURITY_STORE, null, null));
        assertThat(role(27)).as("/Certs").isEqualTo(new Role(Kind.SECURITY_STORE, null, null));
        assertThat(role(28)).as("/VRI").isEqualTo(new Role(Kind.SECURITY_STORE, null, null));
    }

    @Test
    void objectsOnlyReferredToFromElsewhereHaveNoRole() throws Exception {
        assertThat(role(29)).as("a certificate in /DSS /Certs").isNull();
        assertThat(role(30)).as("a font descriptor").isNull();
        assertThat(role(31)).as("an annotation's border style").isNull();
    }

    @Test
    void thePageTreeIsWalkedTwentyNodesDeepAndNoDeeper() throws Exception {
        assertThat(pageUnderNodes(20)).isEqualTo(new Role(Kind.PAGE, 1, null));
        assertThat(pageUnderNodes(21)).isNull();
    }

    @Test
    void aPageTreeThatContainsItselfEnds() throws Exception {
        byte[] pdf = HandWrittenPdf.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        try (PDDocument document = HandWrittenPdf.open(pdf)) {
            ObjectRoles cyclic = ObjectRoles.of(document);

            assertThat(cyclic.roleOf(key(2))).isEqualTo(new Role(Kind.PAGE_TREE, null, null));
            assertThat(cyclic.roleOf(key(3))).as("met first under the root").isEqualTo(new Role(Kind.PAGE, 1, null));
        }
    }

    @Test
    void fieldsAreWalkedTwentyLevelsDeepAndNoDeeper() throws Exception {
        // Fields 3 to 23 each the only kid of the one before: 3 is at depth 0, 22 at depth 19, 23 at depth 20.
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
                "<< /Type /Pages /Kids [] /Count 0 >>"));
        for (int number = 3; number <= 23; number++) {
            objects.add("<< /T (f" + number + ")" + (number < 23 ? " /Kids [" + (number + 1) + " 0 R]" : "") + " >>");
        }
        try (PDDocument document = HandWrittenPdf.open(HandWrittenPdf.of(objects.toArray(String[]::new)))) {
            ObjectRoles deep = ObjectRoles.of(document);

            assertThat(deep.roleOf(key(4)).name()).isEqualTo("f3.f4");
            assertThat(deep.roleOf(key(22)).kind()).isEqualTo(Kind.FIELD);
            assertThat(deep.roleOf(key(22)).name()).endsWith(".f21.f22");
            assertThat(deep.roleOf(key(23))).isNull();
        }
    }

    /** The role of the one page of a document whose page tree is {@code nodes} nested /Pages nodes. */
    private static Role pageUnderNodes(int nodes) throws Exception {
        List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R >>"));
        for (int number = 2; number < nodes + 2; number++) {
            objects.add("<< /Type /Pages /Kids [" + (number + 1) + " 0 R] /Count 1 >>");
        }
        objects.add("<< /Type /Page /Parent " + (nodes + 1) + " 0 R /MediaBox [0 0 595 842] >>");
        try (PDDocument document = HandWrittenPdf.open(HandWrittenPdf.of(objects.toArray(String[]::new)))) {
            return ObjectRoles.of(document).roleOf(key(nodes + 2));
        }
    }

    /** Read anew for each test, so that a mutation tool sees which test relies on which part of the walk. */
    private static Role role(int number) throws Exception {
        try (PDDocument contract = HandWrittenPdf.open(CONTRACT)) {
            return ObjectRoles.of(contract).roleOf(key(number));
        }
    }
}
