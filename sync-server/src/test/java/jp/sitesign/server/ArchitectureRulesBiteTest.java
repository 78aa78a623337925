package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureTest} fail on the deliberately bad classes of {@code archfixture}. */
class ArchitectureRulesBiteTest {
    private static final String FIXTURE = "jp.sitesign.server.archfixture";

    private static JavaClasses fixture(String... names) {
        return new ClassFileImporter().importPackages(
                java.util.Arrays.stream(names).map(n -> FIXTURE + "." + n).toArray(String[]::new));
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        assertThatThrownBy(() -> ArchitectureTest.packagesFreeOfCycles("jp.sitesign.(**)").check(fixture("cycle")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.cycle.a")
                .hasMessageContaining("archfixture.cycle.b");
    }

    @Test
    void productionCodeThatUsesTheDemoFails() {
        assertThatThrownBy(() -> ArchitectureTest.onlyTheCliKnowsTheDemo(FIXTURE)
                .check(fixture("contracts", "demo")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeansOnTheDemo");
    }

    /** The cycle fixture stands for production code that leaves the demo alone. */
    @Test
    void theCliMayStartTheDemo() {
        assertThatCode(() -> ArchitectureTest.onlyTheCliKnowsTheDemo(FIXTURE).check(fixture("cli", "demo", "cycle")))
                .doesNotThrowAnyException();
    }
}
