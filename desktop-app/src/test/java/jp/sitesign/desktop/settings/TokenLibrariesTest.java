package jp.sitesign.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.token.Pkcs11Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLibrariesTest {

    @Test
    void eachPlatformHasItsOwnKindOfLibrary() {
        assertThat(TokenLibraries.known("Windows 11")).extracting(l -> l.path().toString()).allMatch(p -> p.endsWith(".dll"));
        assertThat(TokenLibraries.known("Mac OS X")).extracting(l -> l.path().toString())
                .allMatch(p -> p.endsWith(".dylib") || p.endsWith(".so"));
        assertThat(TokenLibraries.known("Linux")).extracting(TokenLibraries.Library::name)
                .anyMatch(n -> n.startsWith("OpenSC"));
    }

    @Test
    void onlyInstalledLibrariesOfTheSettingsListAreOffered_inItsOrderAndEachPathOnce(@TempDir Path dir) throws Exception {
        Path own = Files.createFile(dir.resolve("libvendor-pkcs11.so"));
        Path other = Files.createFile(dir.resolve("libother-pkcs11.so"));
        Path missing = dir.resolve("not-installed.so");
        List<TokenLibraries.Library> offered = TokenLibraries.available("Linux", List.of(other, own, missing, own));

        assertThat(offered).extracting(TokenLibraries.Library::path).containsExactly(other, own);
        assertThat(offered).extracting(TokenLibraries.Library::name)
                .containsExactly("libother-pkcs11.so", "libvendor-pkcs11.so");
    }

    @Test
    void anInstalledKnownLibraryTheUserRemovedInTheSettingsIsNotOffered() {
        SoftHsmToken.shared();
        List<Path> defaults = Settings.defaultTokenLibraries();
        assertThat(defaults).as("the default list is the known one of this system").contains(SoftHsmToken.MODULE);
        assertThat(TokenLibraries.available("Linux", defaults)).extracting(TokenLibraries.Library::path)
                .as("installed and in the default list").contains(SoftHsmToken.MODULE);

        List<Path> edited = defaults.stream().filter(p -> !p.equals(SoftHsmToken.MODULE)).toList();
        assertThat(TokenLibraries.available("Linux", edited)).extracting(TokenLibraries.Library::path)
                .doesNotContain(SoftHsmToken.MODULE);
        assertThat(TokenLibraries.available("Linux", List.of())).isEmpty();
    }

    @Test
    void aKnownLibraryKeepsItsKnownName() {
        SoftHsmToken.shared();
        assertThat(TokenLibraries.available("Linux", List.of(SoftHsmToken.MODULE)))
                .singleElement().extracting(TokenLibraries.Library::name).asString().startsWith("SoftHSM2");
    }

    /** The SoftHSM2 library the tests install is found, and its token's label is listed without a PIN. */
    @Test
    void anInstalledLibrarysTokensAreListedByLabel() throws Exception {
        SoftHsmToken.shared();
        Path library = TokenLibraries.available("Linux", Settings.defaultTokenLibraries()).stream()
                .filter(l -> l.path().toString().contains("softhsm")).findFirst().orElseThrow().path();
        assertThat(Pkcs11Module.forLibrary(library).slots()).anyMatch(s -> s.label().filter(SoftHsmToken.LABEL::equals)
                .isPresent());
    }
}
