package jp.sitesign.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each hash costs ~0.1–0.3 s (310,000 PBKDF2 rounds), so the class hashes one password once and reuses it. */
class PasswordHasherTest {
    private static final char[] PASSWORD = "Kabuto-Mushi42".toCharArray();
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static String stored;

    @BeforeAll
    static void hashOnce() {
        stored = HASHER.hash(PASSWORD.clone());
    }

    @Test
    void verifiesTheRightPassword() {
        assertThat(HASHER.verify(PASSWORD.clone(), stored)).isTrue();
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(HASHER.verify("Kabuto-Mushi43".toCharArray(), stored)).isFalse();
        assertThat(HASHER.verify("kabuto-mushi42".toCharArray(), stored)).isFalse();
        assertThat(HASHER.verify(new char[0], stored)).isFalse();
    }

    @Test
    void storedFormNamesAlgorithmIterationsSaltAndHash() {
        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(310_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored).doesNotContain(new String(PASSWORD));
    }

    @Test
    void hashIsIndependentlyReproducibleWithTheJdksPbkdf2() throws Exception {
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        javax.crypto.spec.PBEKeySpec spec =
                new javax.crypto.spec.PBEKeySpec(PASSWORD.clone(), salt, Integer.parseInt(parts[1]), 256);
        byte[] expected = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(spec).getEncoded();
        assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
    }

    @Test
    void everyHashOfTheSamePasswordHasItsOwnSalt() {
        String second = HASHER.hash(PASSWORD.clone());
        assertThat(second.split("\\$")[2]).isNotEqualTo(stored.split("\\$")[2]);
        assertThat(second).isNotEqualTo(stored);
        assertThat(HASHER.verify(PASSWORD.clone(), second)).isTrue();
    }

    @Test
    void aChangedSaltVerifiesFalse() {
        String[] p = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(p[2]);
        salt[0] ^= 1;
        String tampered = p[0] + "$" + p[1] + "$" + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$" + p[3];
        assertThat(HASHER.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @Test
    void aChangedHashVerifiesFalse() {
        String[] p = stored.split("\\$");
        byte[] hash = Base64.getDecoder().decode(p[3]);
        hash[hash.length - 1] ^= (byte) 0x80;
        String tampered = p[0] + "$" + p[1] + "$" + p[2] + "$" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        assertThat(HASHER.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @Test
    void changedIterationsVerifyFalse() {
        String[] p = stored.split("\\$");
        String tampered = p[0] + "$" + (Integer.parseInt(p[1]) + 1) + "$" + p[2] + "$" + p[3];
        assertThat(HASHER.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-310000", "abc", "", "99999999999", "310000.0"})
    void unusableIterationsVerifyFalseWithoutThrowing(String iterations) {
        String[] p = stored.split("\\$");
        String tampered = p[0] + "$" + iterations + "$" + p[2] + "$" + p[3];
        assertThatCode(() -> assertThat(HASHER.verify(PASSWORD.clone(), tampered)).isFalse())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pbkdf2-sha1", "PBKDF2-SHA256", "bcrypt", ""})
    void anotherPrefixVerifiesFalse(String prefix) {
        String tampered = prefix + stored.substring(stored.indexOf('$'));
        assertThat(HASHER.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "$", "$$$", "garbage", "pbkdf2-sha256", "pbkdf2-sha256$310000",
            "pbkdf2-sha256$310000$c2FsdA", "pbkdf2-sha256$310000$$aGFzaA", "pbkdf2-sha256$310000$c2FsdA$",
            "pbkdf2-sha256$310000$!!!!$aGFzaA", "pbkdf2-sha256$310000$c2FsdA$!!!!",
            "pbkdf2-sha256$310000$c2FsdA$aGFzaA$extra"})
    void garbageVerifiesFalseWithoutThrowing(String garbage) {
        assertThatCode(() -> assertThat(HASHER.verify(PASSWORD.clone(), garbage)).isFalse())
                .doesNotThrowAnyException();
    }

    @Test
    void aHashWithMoreIterationsStillVerifiesAndIsNotFlaggedForRehash() {
        String stronger = new PasswordHasher(320_000, new SecureRandom()).hash(PASSWORD.clone());
        assertThat(stronger.split("\\$")[1]).isEqualTo("320000");
        assertThat(HASHER.verify(PASSWORD.clone(), stronger)).isTrue();
        assertThat(HASHER.needsRehash(stronger)).isFalse();
    }

    @Test
    void needsRehashWhenTheHasherNowUsesMoreIterations() {
        PasswordHasher raised = new PasswordHasher(400_000, new SecureRandom());
        assertThat(HASHER.needsRehash(stored)).isFalse();
        assertThat(raised.needsRehash(stored)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "pbkdf2-sha256$abc$c2FsdA$aGFzaA", "pbkdf2-sha256$310000$c2FsdA"})
    void needsRehashForAnUnreadableStoredValue(String value) {
        assertThat(HASHER.needsRehash(value)).isTrue();
    }

    @Test
    void refusesFewerThan310000Iterations() {
        assertThatThrownBy(() -> new PasswordHasher(309_999, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("310000");
        assertThatThrownBy(() -> new PasswordHasher(0, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new PasswordHasher(310_000, new SecureRandom())).doesNotThrowAnyException();
    }

    @Test
    void wipeClearsThePasswordBuffer() {
        char[] buffer = "secret-123".toCharArray();
        PasswordHasher.wipe(buffer);
        assertThat(buffer).containsOnly('\0');
        assertThatCode(() -> PasswordHasher.wipe(null)).doesNotThrowAnyException();
    }

    @Test
    void aPlantedValueThatWouldStallLoginOrWeakenTheCompareIsRefusedWithoutDoingTheWork() {
        String[] p = stored.split("\\$");
        String huge = p[0] + "$2000000000$" + p[2] + "$" + p[3];
        String trailing = stored + "$";
        String shortened = p[0] + "$" + p[1] + "$" + p[2] + "$" + p[3].substring(0, 8);
        assertThat(HASHER.verify(PASSWORD.clone(), huge)).isFalse();
        assertThat(HASHER.verify(PASSWORD.clone(), trailing)).isFalse();
        assertThat(HASHER.verify(PASSWORD.clone(), shortened)).isFalse();
    }
}
