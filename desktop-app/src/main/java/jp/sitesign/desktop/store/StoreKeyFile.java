package jp.sitesign.desktop.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKey;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.KeyWrap;
import jp.sitesign.model.crypto.PasswordHasher;
import jp.sitesign.model.crypto.TamperedDataException;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * The small owner-only file that holds the store key wrapped by a key derived from the user's password
 * (PBKDF2-HMAC-SHA256, then AES-256-GCM bound to the store's owner). Changing the password rewrites only
 * this file; the database, encrypted under the store key, stays as it is.
 */
final class StoreKeyFile {
    private static final String FORMAT = "sitesign-local-store-key-v1";
    /** A planted file must not stall the login with an absurd count. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreKeyFile() {
    }

    /** Writes {@code storeKey} wrapped under {@code password}, replacing any earlier file. */
    static void write(StoreLocation at, SecretKey storeKey, char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        int iterations = PasswordHasher.MIN_ITERATIONS;
        byte[] wrapped = KeyWrap.wrap(kek(password, salt, iterations), storeKey, at.keyOwner());
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "format=" + FORMAT + "\nkdf=pbkdf2-sha256\niterations=" + iterations + "\nsalt="
                + b64.encodeToString(salt) + "\nwrapped=" + b64.encodeToString(wrapped) + "\n";
        OwnerOnlyFiles.write(at.keyFile(), text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The store key.
     *
     * @throws SiteSignException {@link ErrorCode#LOCAL_LOGIN_FAILED} when the password does not unwrap it
     *                           (or the file was altered), {@link ErrorCode#LOCAL_STORE_MISSING} without a file
     */
    static SecretKey unwrap(StoreLocation at, char[] password) {
        Path file = at.keyFile();
        if (!Files.isRegularFile(file)) {
            throw new SiteSignException(ErrorCode.LOCAL_STORE_MISSING);
        }
        if (new String(password).indexOf('\0') >= 0) {
            // PBKDF2 pads the password as an HMAC key, so "secret" and "secret\0" derive the same key; no
            // real password holds a NUL (the password rules refuse control characters).
            throw new SiteSignException(ErrorCode.LOCAL_LOGIN_FAILED);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            if (!FORMAT.equals(p.getProperty("format")) || !"pbkdf2-sha256".equals(p.getProperty("kdf"))) {
                throw new SiteSignException(ErrorCode.LOCAL_LOGIN_FAILED);
            }
            int iterations = Integer.parseInt(p.getProperty("iterations", ""));
            if (iterations < PasswordHasher.MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                throw new SiteSignException(ErrorCode.LOCAL_LOGIN_FAILED);
            }
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
            byte[] wrapped = Base64.getDecoder().decode(p.getProperty("wrapped", ""));
            return KeyWrap.unwrap(kek(password, salt, iterations), wrapped, at.keyOwner());
        } catch (TamperedDataException | IllegalArgumentException e) {
            throw new SiteSignException(ErrorCode.LOCAL_LOGIN_FAILED);
        }
    }

    private static SecretKey kek(char[] password, byte[] salt, int iterations) {
        return Aead.key(PasswordHasher.derive(password, salt, iterations, 256));
    }
}
