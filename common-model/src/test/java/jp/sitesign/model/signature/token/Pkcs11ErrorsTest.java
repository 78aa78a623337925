package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.security.ProviderException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which PKCS#11 return value becomes which message. SunPKCS11 wraps the {@code CKR_…} text in causes
 * (a PKCS11Exception inside a LoginException inside an IOException), so the failures are built the same way.
 */
class Pkcs11ErrorsTest {

    @Test
    void aLockedPinDeepInTheCausesTellsTheUserToCallTheIssuer() {
        SigningException e = Pkcs11Errors.translate(
                new IOException("load failed", new LoginException("login failed").initCause(new ProviderException("CKR_PIN_LOCKED"))),
                "company-token");

        assertThat(e.error()).isEqualTo(SigningError.PIN_LOCKED);
        assertThat(e.messageJa()).isEqualTo("PIN がロックされています。トークンの発行元に連絡してください。");
        assertThat(e.messageEn()).contains("locked");
    }

    @Test
    void aMissingOrUnknownTokenNamesTheToken() {
        for (String ckr : new String[] {"CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_SLOT_ID_INVALID",
                "slotListIndex is 7 but token only has 2 slots"}) {
            SigningException e = Pkcs11Errors.translate(new ProviderException("Initialization failed",
                    new ProviderException(ckr)), "company-token");

            assertThat(e.error()).as(ckr).isEqualTo(SigningError.TOKEN_NOT_FOUND);
            assertThat(e.messageJa()).as(ckr).contains("トークン「company-token」が見つかりません");
            assertThat(e.messageEn()).as(ckr).contains("\"company-token\" was not found");
        }
    }

    @Test
    void anIncorrectPinOrOneOfTheWrongLengthAsksToEnterItAgain() {
        for (String ckr : new String[] {"CKR_PIN_INCORRECT", "CKR_PIN_LEN_RANGE"}) {
            SigningException e = Pkcs11Errors.translate(new IOException("load failed", new ProviderException(ckr)), "t");

            assertThat(e.error()).as(ckr).isEqualTo(SigningError.WRONG_PIN);
            assertThat(e.messageJa()).as(ckr).contains("入力し直してください");
        }
    }

    @Test
    void aFailedLoginWithoutAPkcs11CodeIsAWrongPin() {
        // Some drivers refuse the login without a CKR_ text; the JAAS exception type is then all there is.
        SigningException outer = Pkcs11Errors.translate(new FailedLoginException("refused"), "t");
        SigningException inner = Pkcs11Errors.translate(
                new IOException("load failed", new FailedLoginException("refused").initCause(new IllegalStateException("x"))), "t");

        assertThat(outer.error()).isEqualTo(SigningError.WRONG_PIN);
        assertThat(inner.error()).isEqualTo(SigningError.WRONG_PIN);
    }

    @Test
    void anythingElseIsUnavailableWithTheDeepestMessageAsTheReason() {
        SigningException e = Pkcs11Errors.translate(new IOException("load failed",
                new ProviderException("CKR_DEVICE_ERROR", new RuntimeException((String) null))), "company-token");

        assertThat(e.error()).isEqualTo(SigningError.TOKEN_UNAVAILABLE);
        assertThat(e.messageJa()).isEqualTo(
                "トークン「company-token」を利用できません（CKR_DEVICE_ERROR）。接続とドライバーを確認してください。");
        assertThat(e.messageEn()).contains("(CKR_DEVICE_ERROR)");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
}
