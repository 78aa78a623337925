package jp.sitesign.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * A known-answer vector for the stored password format, computed outside Java with Python's
 * {@code hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), bytes(range(16)), 310000, 32)} and unpadded
 * standard Base64. Every account's stored hash has this shape: a change to the prefix, the separators, the
 * encoding of the password (UTF-8) or of salt and hash, or the derivation must fail here, not lock every user out.
 */
class PasswordHashKnownAnswerTest {
    private static final String PASSWORD = "正しい馬 battery staple";
    private static final String STORED =
            "pbkdf2-sha256$310000$AAECAwQFBgcICQoLDA0ODw$1mi416KM5xy6gOYKNalx5wxjbf7BVi5fk4DzjNmpcVY";

    /** Hands out the salt 00 01 02 … 0f, so the hash of a fixed password is a fixed string. */
    private static final class CountingSalt extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }

    @Test
    void hashingWithAKnownSaltWritesTheKnownStoredValue() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new CountingSalt());

        assertThat(hasher.hash(PASSWORD.toCharArray())).isEqualTo(STORED);
    }

    @Test
    void theKnownStoredValueVerifiesOnlyForItsPassword() {
        PasswordHasher hasher = new PasswordHasher();

        assertThat(hasher.verify(PASSWORD.toCharArray(), STORED)).isTrue();
        assertThat(hasher.verify("正しい馬 battery stapl".toCharArray(), STORED)).isFalse();
        assertThat(hasher.needsRehash(STORED)).isFalse();
    }

    @Test
    void aPasswordWithATrailingNulDoesNotPassForTheSamePasswordWithout() {
        // HMAC pads short keys with zero bytes, so PBKDF2 itself derives the same hash for both.
        PasswordHasher hasher = new PasswordHasher();

        assertThat(hasher.verify((PASSWORD + "\0").toCharArray(), STORED)).isFalse();
        assertThat(hasher.verify((PASSWORD + "\0\0").toCharArray(), STORED)).isFalse();
    }

    @Test
    void aStoredValueWithASingleIterationIsStillReadAsWritten() {
        // Only values outside 1..10,000,000 iterations are refused unread; one iteration is weak but well formed.
        byte[] salt = new byte[16];
        String stored = "pbkdf2-sha256$1$" + java.util.Base64.getEncoder().withoutPadding().encodeToString(salt) + "$"
                + java.util.Base64.getEncoder().withoutPadding().encodeToString(
                        PasswordHasher.derive(PASSWORD.toCharArray(), salt, 1, 256));

        assertThat(new PasswordHasher().verify(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(new PasswordHasher().needsRehash(stored)).isTrue();
    }
}
