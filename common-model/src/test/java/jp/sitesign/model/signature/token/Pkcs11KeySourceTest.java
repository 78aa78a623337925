package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.Provider;
import java.security.Security;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening PKCS#11 tokens through SunPKCS11: slots, PINs, logout and the errors a user sees. */
class Pkcs11KeySourceTest {
    static Pkcs11Module module;

    @BeforeAll
    static void createToken() throws SigningException {
        SoftHsmToken.shared();
        module = Pkcs11Module.forLibrary(SoftHsmToken.MODULE);
    }

    @Test
    void slotsAreListedWithTheirTokenLabels() throws SigningException {
        assertThat(module.slots())
                .extracting(slot -> slot.label().orElse(""))
                .contains(SoftHsmToken.LABEL, SoftHsmToken.SPARE_LABEL);
    }

    @Test
    void slotIndexesAgreeWithSunPkcs11SlotListIndex() throws Exception {
        Pkcs11KeySource byLabel = module.token(SoftHsmToken.LABEL);
        String expected = SoftHsmToken.shared().sunPkcs11Config(SoftHsmToken.LABEL);

        assertThat(expected).endsWith("slotListIndex=" + byLabel.slotListIndex());
    }

    @Test
    void theSameModuleIsReturnedForTheSameLibrary() throws SigningException {
        assertThat(Pkcs11Module.forLibrary(SoftHsmToken.MODULE)).isSameAs(module);
    }

    @Test
    void bothKeysAreListedWithCertificates() throws SigningException {
        try (KeySession session = module.token(SoftHsmToken.LABEL).open(what -> SoftHsmToken.PIN.toCharArray())) {
            assertThat(session.aliases()).contains(SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS);
            SigningKey key = session.key(SoftHsmToken.RSA_ALIAS);
            assertThat(key.provider().getName()).startsWith("SunPKCS11-SiteSign");
            assertThat(key.certificate()).isEqualTo(SoftHsmToken.shared().certificate(SoftHsmToken.RSA_ALIAS));
        }
    }

    @Test
    void wrongPinInAFreshProviderIsAClearError() throws SigningException {
        Pkcs11KeySource spare = module.token(SoftHsmToken.SPARE_LABEL);

        assertThatThrownBy(() -> spare.open(what -> "000000".toCharArray()).close())
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN);
                    assertThat(e.messageJa()).contains("PIN");
                });
    }

    @Test
    void theSessionLogsOutSoTheNextWrongPinIsRefused() throws SigningException {
        Pkcs11KeySource source = module.token(SoftHsmToken.LABEL);
        try (KeySession session = source.open(what -> SoftHsmToken.PIN.toCharArray())) {
            session.key(SoftHsmToken.EC_ALIAS);
        }

        assertThatThrownBy(() -> source.open(what -> "000000".toCharArray()).close())
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN));
    }

    @Test
    void thePinIsAskedEachTimeAndClearedAfterUse() throws SigningException {
        List<char[]> handedOut = new ArrayList<>();
        PinCallback pin = what -> {
            char[] secret = SoftHsmToken.PIN.toCharArray();
            handedOut.add(secret);
            return secret;
        };
        Pkcs11KeySource source = module.token(SoftHsmToken.LABEL);

        source.open(pin).close();
        source.open(pin).close();

        assertThat(handedOut).hasSize(2);
        assertThat(handedOut).allSatisfy(secret -> assertThat(new String(secret)).isEqualTo("\0".repeat(6)));
    }

    @Test
    void aMissingTokenLabelIsAClearError() {
        assertThatThrownBy(() -> module.token("no-such-token"))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.TOKEN_NOT_FOUND);
                    assertThat(e.messageJa()).contains("no-such-token");
                    assertThat(e.messageEn()).contains("no-such-token");
                });
    }

    @Test
    void aSlotIndexBeyondTheLibrarysSlotsIsTokenNotFound() {
        assertThatThrownBy(() -> module.slot(99).open(what -> SoftHsmToken.PIN.toCharArray()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.TOKEN_NOT_FOUND));
    }

    @Test
    void aMissingKeyAliasIsAClearError() throws SigningException {
        try (KeySession session = module.token(SoftHsmToken.LABEL).open(what -> SoftHsmToken.PIN.toCharArray())) {
            assertThatThrownBy(() -> session.key("nobody"))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.error()).isEqualTo(SigningError.KEY_NOT_FOUND);
                        assertThat(e.messageEn()).contains("nobody");
                    });
        }
    }

    @Test
    void aCancelledPinPromptSignsNothing() {
        assertThatThrownBy(() -> module.token(SoftHsmToken.LABEL).open(what -> null))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.PIN_CANCELLED));
    }

    @Test
    void theFixturesConfigTextWorksWithSunPkcs11Directly() throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(SoftHsmToken.shared().sunPkcs11Config(SoftHsmToken.LABEL));
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsmToken.PIN.toCharArray());
        try {
            assertThat(store.isKeyEntry(SoftHsmToken.RSA_ALIAS)).isTrue();
        } finally {
            ((java.security.AuthProvider) provider).logout();
        }
    }
}
