package jp.sitesign.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.config.DataDir;

/**
 * The key that wraps every company's data key. It lives outside the database (a 0600 file in the data
 * folder by default) so a copy of the database alone reveals nothing. Purpose keys (the H2 file
 * password, the audit head MAC, the TLS keystore password) are derived from it with HMAC-SHA256.
 */
public final class MasterKey {
    public static final String FILE_NAME = "master.key";

    private final byte[] raw;

    private MasterKey(byte[] raw) {
        this.raw = raw;
    }

    /** Reads the key file, creating it with a fresh random key on first start. */
    public static MasterKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = Aead.newKey().getEncoded();
                DataDir.writeSecret(file, Base64.getEncoder().encode(fresh));
                return new MasterKey(fresh);
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException(file + " does not hold a 256-bit key");
            }
            return new MasterKey(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key " + file, e);
        }
    }

    public SecretKey keyEncryptionKey() {
        return Aead.key(derive("company-key-wrap"));
    }

    /** 32 bytes for one purpose, independent of every other purpose's bytes. */
    public byte[] derive(String purpose) {
        return Digests.hmacSha256(raw, ("sitesign|" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** A password string for one purpose (hex of {@link #derive}). */
    public String derivePassword(String purpose) {
        return Digests.hex(derive(purpose));
    }
}
