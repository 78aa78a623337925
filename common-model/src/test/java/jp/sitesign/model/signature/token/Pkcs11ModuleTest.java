package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library's slots and the sources made from them. {@link Pkcs11Module} keeps one instance and one provider per
 * slot for the whole JVM, so a test that must see a provider being configured reaches the SoftHSM2 library
 * through a path of its own (a symbolic link in a fresh directory): a new module, with nothing cached.
 */
class Pkcs11ModuleTest {
    static Pkcs11Module module;

    @BeforeAll
    static void createToken() throws SigningException {
        SoftHsmToken.shared();
        module = Pkcs11Module.forLibrary(SoftHsmToken.MODULE);
    }

    @Test
    void theLibraryIsKnownByItsAbsoluteNormalizedPath(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("libvendor.so"), SoftHsmToken.MODULE);

        Pkcs11Module fresh = Pkcs11Module.forLibrary(dir.resolve("sub/../libvendor.so"));

        assertThat(fresh.library()).isEqualTo(link.toAbsolutePath());
        assertThat(Pkcs11Module.forLibrary(link)).isSameAs(fresh);
    }

    @Test
    void aSlotUsedForTheFirstTimeGetsItsOwnSunPkcs11Provider(@TempDir Path dir) throws IOException, SigningException {
        Path link = Files.createSymbolicLink(dir.resolve("libvendor.so"), SoftHsmToken.MODULE);
        Pkcs11Module fresh = Pkcs11Module.forLibrary(link);

        try (KeySession session = fresh.token(SoftHsmToken.LABEL).open(what -> SoftHsmToken.PIN.toCharArray())) {
            SigningKey key = session.key(SoftHsmToken.EC_ALIAS);

            assertThat(key.provider().getName())
                    .startsWith("SunPKCS11-SiteSign-" + Integer.toHexString(link.toAbsolutePath().hashCode()) + "-");
            assertThat(key.certificate()).isEqualTo(SoftHsmToken.shared().certificate(SoftHsmToken.EC_ALIAS));
        }
    }

    @Test
    void theScanInitializesTheLibraryForOsLockingSoSessionsAreNotSerializedInJava(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("libvendor.so"), SoftHsmToken.MODULE);

        assertThat(Pkcs11Module.forLibrary(link).slots()).isNotEmpty();

        // The JDK wrapper keeps the instance the scan created for this path; SunPKCS11 then shares it. Without
        // CKF_OS_LOCKING_OK in the initialize arguments it would be the SynchronizedPKCS11 subclass.
        Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
        Class<?> initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
        Object cached = wrapper.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                .invoke(null, link.toString(), "C_GetFunctionList", null, true);
        assertThat(cached.getClass()).isEqualTo(wrapper);
    }

    @Test
    void theSecondTokenHasTheSlotListIndexSunPkcs11Uses() throws SigningException {
        Pkcs11KeySource spare = module.token(SoftHsmToken.SPARE_LABEL);

        assertThat(SoftHsmToken.shared().sunPkcs11Config(SoftHsmToken.SPARE_LABEL))
                .endsWith("slotListIndex=" + spare.slotListIndex());
        assertThat(spare.slotListIndex()).isNotEqualTo(module.token(SoftHsmToken.LABEL).slotListIndex());
    }

    @Test
    void aSourceIsDescribedByItsLabelOrItsSlot() throws SigningException {
        assertThat(module.token(SoftHsmToken.SPARE_LABEL).description()).isEqualTo(SoftHsmToken.SPARE_LABEL);
        assertThat(module.slot(4).description()).isEqualTo("slot 4");
        assertThat(module.slot(4).slotListIndex()).isEqualTo(4);
    }

    @Test
    void theEmptySlotSoftHsmKeepsFreeIsListedWithoutLabelAndNotUsable() throws SigningException {
        // SoftHSM2 always offers one slot with an uninitialized token after the initialized ones.
        assertThat(module.slots())
                .anySatisfy(slot -> {
                    assertThat(slot.label()).isEmpty();
                    assertThat(slot.usable()).isFalse();
                })
                .filteredOn(Pkcs11Slot::usable)
                .extracting(slot -> slot.label().orElse(""))
                .containsExactlyInAnyOrder(SoftHsmToken.LABEL, SoftHsmToken.SPARE_LABEL);
    }
}
