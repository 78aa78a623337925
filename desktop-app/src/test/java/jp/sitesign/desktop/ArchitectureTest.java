package jp.sitesign.desktop;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import jp.sitesign.desktop.ui.FileChoice;
import jp.sitesign.desktop.ui.FxDialogService;
import org.junit.jupiter.api.Test;

/**
 * View models hold state as JavaFX properties but never touch the scene graph, so they run in plain
 * JUnit; the headless parts (commands, store) never load the toolkit at all. The packages form no cycle: the
 * shared kit ({@code ui}) sits below the features and the composition root ({@code app}) above them.
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

    @ArchTest
    static final ArchRule dialogsAndWindowsAreMadeInOnePlace = noClasses()
            .that().doNotBelongToAnyOf(FxDialogService.class, FileChoice.class)
            .should().callConstructorWhere(target(owner(assignableTo(Stage.class))))
            .orShould().callMethodWhere(target(name("showAndWait")).and(target(owner(assignableTo(Dialog.class)))))
            .orShould().callMethodWhere(target(name("initOwner")))
            .orShould().dependOnClassesThat().belongToAnyOf(Alert.class, TextInputDialog.class, FileChooser.class,
                    DirectoryChooser.class)
            .because("the dialog service gives every dialog and window its owner, stylesheet and modality");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = packagesFreeOfCycles("jp.sitesign.desktop");

    /** No package (with its subpackages) below {@code root} reaches, through others, back to itself. */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("kits sit below the features that use them and the composition root above them");
    }

    @Test
    void theCycleRuleFailsOnAKitThatReachesBackIntoAFeature() {
        JavaClasses fixture = new ClassFileImporter().importPackages("jp.sitesign.desktop.archfixture");

        EvaluationResult result = packagesFreeOfCycles("jp.sitesign.desktop.archfixture").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("kit", "feature");
    }
}
