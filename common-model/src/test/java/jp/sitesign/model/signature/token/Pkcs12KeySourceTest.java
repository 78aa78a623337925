package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A PKCS#12 file as a key source: how it is named, and that its password never stays in memory. */
class Pkcs12KeySourceTest {
    private static final String PASSWORD = "p12-secret";

    @TempDir
    static Path dir;
    static Path p12;

    @BeforeAll
    static void key() {
        p12 = Pkcs12Files.write(dir.resolve("company-seal.p12"), TestCa.create("SiteSign P12 CA"),
                TestCa.ecKeyPair("secp256r1"), "seal", "P12 Signer", PASSWORD);
    }

    /** Hands out the password and keeps the arrays, to see what became of them. */
    static final class Handed implements PinCallback {
        final List<char[]> arrays = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        private final String answer;

        Handed(String answer) {
            this.answer = answer;
        }

        @Override
        public char[] askPin(String what) {
            asked.add(what);
            char[] secret = answer.toCharArray();
            arrays.add(secret);
            return secret;
        }
    }

    @Test
    void theFileIsAskedForAndDescribedByItsName() throws SigningException {
        Handed pin = new Handed(PASSWORD);
        Pkcs12KeySource source = new Pkcs12KeySource(p12);

        source.open(pin).close();

        assertThat(source.description()).isEqualTo("company-seal.p12");
        assertThat(pin.asked).containsExactly("company-seal.p12");
    }

    @Test
    void thePasswordIsClearedWhenTheSessionCloses() throws SigningException {
        Handed pin = new Handed(PASSWORD);
        try (KeySession session = new Pkcs12KeySource(p12).open(pin)) {
            assertThat(session.key("seal").certificate().getSubjectX500Principal().getName()).contains("P12 Signer");
            assertThat(new String(pin.arrays.get(0))).as("still needed for the key entry").isEqualTo(PASSWORD);
        }
        assertThat(new String(pin.arrays.get(0))).isEqualTo("\0".repeat(PASSWORD.length()));
    }

    @Test
    void aWrongPasswordIsAWrongPinAndIsCleared() {
        Handed pin = new Handed("wrong-secret");

        assertThatThrownBy(() -> new Pkcs12KeySource(p12).open(pin))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN));
        assertThat(new String(pin.arrays.get(0))).isEqualTo("\0".repeat("wrong-secret".length()));
    }

    @Test
    void aMissingFileIsNotFoundByItsPathAndThePasswordIsCleared() {
        Handed pin = new Handed(PASSWORD);
        Path missing = dir.resolve("gone.p12");

        assertThatThrownBy(() -> new Pkcs12KeySource(missing).open(pin))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.TOKEN_NOT_FOUND);
                    assertThat(e.messageEn()).contains(missing.toString());
                });
        assertThat(new String(pin.arrays.get(0))).isEqualTo("\0".repeat(PASSWORD.length()));
    }

    @Test
    void aCancelledPromptOpensNothing() {
        assertThatThrownBy(() -> new Pkcs12KeySource(p12).open(what -> null))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.PIN_CANCELLED));
    }
}
