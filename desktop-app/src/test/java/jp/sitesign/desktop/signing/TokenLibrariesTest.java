package jp.sitesign.desktop.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.testing.SoftHsmToken;
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
    void onlyInstalledLibrariesAreOffered_afterTheUsersOwnPathsAndEachPathOnce(@TempDir Path dir) throws Exception {
        Path own = Files.createFile(dir.resolve("libvendor-pkcs11.so"));
        Path missing = dir.resolve("not-installed.so");
        List<TokenLibraries.Library> offered = TokenLibraries.available("Linux", List.of(own, own));

        assertThat(offered.get(0).path()).isEqualTo(own);
        assertThat(offered).extracting(TokenLibraries.Library::path).doesNotHaveDuplicates().doesNotContain(missing)
                .allMatch(p -> p.equals(own) || Files.isRegularFile(p));
    }

    /** The SoftHSM2 library the tests install is found, and its token's label is listed without a PIN. */
    @Test
    void anInstalledLibrarysTokensAreListedByLabel() throws Exception {
        SoftHsmToken.shared();
        Path library = TokenLibraries.available("Linux", List.of()).stream()
                .filter(l -> l.path().toString().contains("softhsm")).findFirst().orElseThrow().path();
        assertThat(Pkcs11Module.forLibrary(library).slots()).anyMatch(s -> s.label().filter(SoftHsmToken.LABEL::equals)
                .isPresent());
    }
}
