package jp.sitesign.model;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.cert.Certificate;
import jp.sitesign.model.signature.core.ChainAssembler;

/**
 * common-model is what the desktop app and the server share (DESIGN §1): it must stay free of either
 * side, of the UI toolkit, of storage and of the HTTP stack, or the client would drag the server in and
 * the policy could no longer run in both places.
 */
@AnalyzeClasses(packages = "jp.sitesign.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDoesNotKnowTheServerOrTheDesktopApp = noClasses()
            .that().resideInAPackage("jp.sitesign.model..")
            .should().dependOnClassesThat().resideInAnyPackage("jp.sitesign.server..", "jp.sitesign.desktop..")
            .because("common-model is shared by both; it must not depend on either side");

    @ArchTest
    static final ArchRule modelHasNoUiStorageOrHttp = noClasses()
            .that().resideInAPackage("jp.sitesign.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "jakarta.ws.rs..", "org.glassfish..")
            .because("the domain, policy and crypto must run unchanged in the desktop app and the server");

    /**
     * Every package is its own slice (the pattern captures the whole package name), so a cycle between a
     * package and its subpackage counts as well as one between features: the shared kits must sit below
     * what uses them.
     */
    static ArchRule packagesFreeOfCycles(String packagesPattern) {
        return slices().matching(packagesPattern).should().beFreeOfCycles()
                .because("a kit that lives in a feature's package ties the features into one knot (issue 17);"
                        + " move what several packages share below them");
    }

    @ArchTest
    static final ArchRule noPackageCycles = packagesFreeOfCycles("jp.sitesign.(**)");

    /**
     * Whether one certificate issued another is asked by verifying its signature with the other's key; a class
     * that does that is building a chain. Only {@code chainBuilder} may, so that the signer and the verifier
     * cannot build different chains from the same certificates (issue 17).
     */
    static ArchRule onlyOneChainBuilder(Class<?> chainBuilder) {
        return noClasses().that().doNotBelongToAnyOf(chainBuilder)
                .should().callMethodWhere(target(name("verify")).and(target(owner(assignableTo(Certificate.class)))))
                .because("certificate chains are built in one place, " + chainBuilder.getSimpleName()
                        + ", for signing and verifying alike");
    }

    @ArchTest
    static final ArchRule certificateChainsAreBuiltOnce = onlyOneChainBuilder(ChainAssembler.class);
}
