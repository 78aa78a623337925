package jp.sitesign.model.signature.token;

import org.junit.jupiter.api.Test;

import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JAAS prompt as the PIN source, and how a slot is named when its token has no label. */
class PinCallbackTest {

    @Test
    void theJaasPromptNamesWhatThePinUnlocksAndItsAnswerIsThePin() {
        List<PasswordCallback> prompts = new ArrayList<>();
        PinCallback pin = PinCallback.from(callbacks -> {
            PasswordCallback prompt = (PasswordCallback) callbacks[0];
            prompts.add(prompt);
            prompt.setPassword("123456".toCharArray());
        });

        char[] answer = pin.askPin("company-token");

        assertThat(new String(answer)).isEqualTo("123456");
        assertThat(prompts).singleElement().satisfies(prompt -> {
            assertThat(prompt.getPrompt()).isEqualTo("PIN (company-token): ");
            // JDK 17 blanks the prompt's copy (later ones may drop it): either way the PIN is gone from it.
            assertThat(Optional.ofNullable(prompt.getPassword()).map(String::new))
                    .as("the prompt keeps no copy of the PIN").isNotEqualTo(Optional.of("123456"));
        });
    }

    @Test
    void aPromptLeftUnansweredIsACancel() {
        assertThat(PinCallback.from(callbacks -> { }).askPin("company-token")).isNull();
    }

    @Test
    void aPromptThatCannotAskFailsInsteadOfSigningWithoutAPin() {
        PinCallback pin = PinCallback.from(callbacks -> {
            throw new UnsupportedCallbackException(callbacks[0], "no console");
        });

        assertThatThrownBy(() -> pin.askPin("company-token"))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(UnsupportedCallbackException.class);
    }

    @Test
    void aSlotIsShownByItsLabelOrElseByItsIndex() {
        assertThat(new Pkcs11Slot(2, Optional.of("company-token"), true).displayName()).isEqualTo("company-token");
        assertThat(new Pkcs11Slot(3, Optional.empty(), false).displayName()).isEqualTo("slot 3");
    }
}
