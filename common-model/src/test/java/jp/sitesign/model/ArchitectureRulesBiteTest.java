package jp.sitesign.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jp.sitesign.model.signature.core.ChainAssembler;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureTest} fail on the deliberately bad classes of {@code archfixture}. */
class ArchitectureRulesBiteTest {

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("jp.sitesign.model.archfixture." + name);
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        assertThatThrownBy(() -> ArchitectureTest.packagesFreeOfCycles("jp.sitesign.(**)").check(fixture("cycle")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.cycle.a")
                .hasMessageContaining("archfixture.cycle.b");
    }

    @Test
    void packagesThatOnlyLookDownwardsPass() {
        assertThatCode(() -> ArchitectureTest.packagesFreeOfCycles("jp.sitesign.(**)").check(fixture("layered")))
                .doesNotThrowAnyException();
    }

    @Test
    void aSecondClassThatVerifiesIssuersIsASecondChainBuilder() {
        assertThatThrownBy(() -> ArchitectureTest.onlyOneChainBuilder(ChainAssembler.class).check(fixture("chain")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SecondChainBuilder");
    }
}
