package jp.sitesign.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * View models hold state as JavaFX properties but never touch the scene graph, so they run in plain
 * JUnit; the headless parts (commands, store) never load the toolkit at all.
 */
@AnalyzeClasses(packages = "jp.sitesign.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsDoNotKnowTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
            .because("view models are tested without the toolkit; views do the drawing");

    @ArchTest
    static final ArchRule theRendererDoesNotKnowTheSceneGraph = noClasses()
            .that().resideInAPackage("jp.sitesign.desktop.preview..")
            .and().haveNameNotMatching(".*View(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
            .because("drawing happens off the UI thread into plain pixels; only the view makes images");

    @ArchTest
    static final ArchRule headlessPartsNeverLoadJavaFx = noClasses()
            .that().resideInAnyPackage("jp.sitesign.desktop.cli..", "jp.sitesign.desktop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("sign, verify and the store run without a display");
}
