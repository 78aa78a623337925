package jp.sitesign.server;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.server.auth.AuthService;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.http.ErrorMapper;

/**
 * The server's structure as rules that fail the build when broken (STYLE: architecture rules are tests).
 * Each rule was seen failing once against a deliberately violating class before being committed.
 */
@AnalyzeClasses(packages = "jp.sitesign.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule serverHasNoDesktopOrUi = noClasses()
            .that().resideInAPackage("jp.sitesign.server..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "jp.sitesign.desktop..")
            .because("the server shares only common-model with the desktop app");

    /** A JAX-RS resource (by annotation or by name), or a class nested in one (its lambdas, helpers, bodies). */
    private static final DescribedPredicate<JavaClass> RESOURCE_CODE =
            new DescribedPredicate<>("are resources (annotated with @Path or named *Resource) or nested in one") {
                @Override
                public boolean test(JavaClass c) {
                    for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
                        if (k.get().isAnnotatedWith(Path.class) || k.get().getSimpleName().endsWith("Resource")) {
                            return true;
                        }
                    }
                    return false;
                }
            };

    @ArchTest
    static final ArchRule resourcesNeverTouchJdbc = noClasses()
            .that().resideInAPackage("jp.sitesign.server..")
            .and(RESOURCE_CODE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("resources translate HTTP to service calls; storage stays behind the services and repositories");

    @ArchTest
    static final ArchRule onlyGuardAndAuthServiceAskTheAccessPolicy = noClasses()
            .that().resideInAPackage("jp.sitesign.server..")
            .and().doNotBelongToAnyOf(Guard.class, AuthService.class)
            .should().dependOnClassesThat().belongToAnyOf(AccessPolicy.class)
            .because("every access decision goes through Guard (and AuthService for the login itself),"
                    + " so it is enforced in one place and never re-implemented beside it");

    /**
     * "At most ErrorMapper" from the should, "at least one" from allowEmptyShould(false). Finding the implementors
     * needs ArchUnit to resolve supertypes from the class path, its default: do not turn that off to save time.
     */
    @ArchTest
    static final ArchRule exactlyOneExceptionMapper = classes()
            .that().resideInAPackage("jp.sitesign.server..")
            .and().implement(ExceptionMapper.class)
            .should().haveFullyQualifiedName(ErrorMapper.class.getName())
            .allowEmptyShould(false)
            .because("one mapper turns every error into the same JSON body; a second one would answer differently");

    @ArchTest
    static final ArchRule onlySlf4jIsUsedForLogging = noClasses()
            .that().resideInAPackage("jp.sitesign.server..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.logging.log4j..",
                    "org.apache.log4j..", "org.apache.commons.logging..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
            .orShould().callMethodWhere(target(owner(type(System.class))).and(target(name("getLogger"))))
            .because("the server logs through SLF4J only, so one configuration controls every message");

    @ArchTest
    static final ArchRule noPackageCycles = packagesFreeOfCycles("jp.sitesign.(**)");

    @ArchTest
    static final ArchRule nothingButTheCliDependsOnTheDemo = onlyTheCliKnowsTheDemo("jp.sitesign.server");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideTheCli = noClasses()
            .that().resideInAPackage("jp.sitesign.server..")
            .and().resideOutsideOfPackage("jp.sitesign.server.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(target(owner(assignableTo(Throwable.class))).and(target(name("printStackTrace"))))
            .because("only the operator CLI talks to the console; everything else logs through SLF4J");

    /**
     * Every package is its own slice (the pattern captures the whole package name, the root included), so the
     * composition root, the kits and the features must form layers: kits below the features that use them.
     */
    static ArchRule packagesFreeOfCycles(String packagesPattern) {
        return slices().matching(packagesPattern).should().beFreeOfCycles()
                .because("a kit that lives in a feature's package ties the features into one knot (issue 17);"
                        + " move what several packages share below them");
    }

    /**
     * The demo seeds data on top of the product; the product itself (the embedded CA included, DESIGN §2) must
     * not lean on it. Only the command line that starts demo mode knows it.
     */
    static ArchRule onlyTheCliKnowsTheDemo(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".demo..", root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".demo..")
                .because("demo/ is sample data; what production needs (the embedded CA) lives in ca/");
    }
}
