package jp.sitesign.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashing (CRYPTREC: HMAC, SHA-256) with a per-password salt.
 * <p>The stored form names its own parameters ({@code pbkdf2-sha256$iterations$salt$hash}) so the
 * iteration count can be raised later without breaking existing hashes. Comparison is constant-time.
 */
public final class PasswordHasher {
    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; DESIGN §5 makes it the minimum. */
    public static final int MIN_ITERATIONS = 310_000;
    /** Far above any count we would configure; bounds the work a stored value can demand. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher() {
        this(MIN_ITERATIONS, new SecureRandom());
    }

    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations");
        }
        this.iterations = iterations;
        this.random = random;
    }

    /** Hashes a password with a fresh salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}; false for a wrong password or a malformed stored value. */
    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            // A stored value is only trusted in the shape this class writes: a value planted in the
            // database must neither stall a login with a huge count nor pass on a shortened hash.
            if (storedIterations < 1 || storedIterations > MAX_ITERATIONS || expected.length != HASH_BITS / 8
                    || salt.length < SALT_BYTES) {
                return false;
            }
            byte[] actual = derive(password, salt, storedIterations, expected.length * 8);
            // PBKDF2 uses the password as the HMAC key, and HMAC pads short keys with zero bytes, so
            // "secret" and "secret\0" derive the same hash. No real password holds a NUL (the rules
            // refuse control characters), so one that does is wrong; the work is still done, so the
            // answer takes as long as any other and does not reveal that the user id exists.
            return MessageDigest.isEqual(expected, actual) && !containsNul(password);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Runs the same work as a verification against a dummy hash, so that a login for an unknown user id
     * takes as long as one for a known id with a wrong password.
     */
    public void burn(char[] password) {
        derive(password, "sitesign-dummy-salt".getBytes(StandardCharsets.US_ASCII), iterations, HASH_BITS);
    }

    /** True when a stored hash was made with fewer iterations than this hasher uses now. */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Derives key material from a password; also used to wrap the desktop app's local store key. */
    public static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JRE", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static boolean containsNul(char[] password) {
        for (char c : password) {
            if (c == '\0') {
                return true;
            }
        }
        return false;
    }

    /** Clears a password buffer once it is no longer needed. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
