package jp.sitesign.server.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.Digests;

/**
 * The key that wraps every company's data key. It lives outside the database (a 0600 file in the data
 * folder by default) so a copy of the database alone reveals nothing. Purpose keys (the H2 file
 * password, the audit head MAC, the TLS keystore password, …) are derived from it with HMAC-SHA256 — from
 * the first master key of the folder: once the master key has been rotated ({@link MasterKeyRing}) they are
 * the first key's values, kept sealed under the current key, because what they protect (the H2 file, the
 * keystores, the contract-number index) cannot be re-keyed while the server runs (ADR 36).
 */
public final class MasterKey {
    public static final String FILE_NAME = "master.key";

    /**
     * Every purpose derived from the master key today. A rotation pins these; a purpose added later derives
     * from the current key. {@code MasterKeyPurposesTest} fails when the code derives one not listed here.
     */
    public static final List<String> PURPOSES = List.of("h2-file", "h2-user", "tls-keystore", "audit-head",
            "demo-ca", "server-seal", "contract-number-index");

    private static final String KEY_WRAP = "company-key-wrap";

    private final byte[] raw;
    private final Map<String, byte[]> pinned;

    MasterKey(byte[] raw, Map<String, byte[]> pinned) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a master key is 256 bits");
        }
        this.raw = raw.clone();
        this.pinned = Map.copyOf(pinned);
    }

    /** Reads the data folder's current master key, creating it with a fresh random key on first start. */
    public static MasterKey loadOrCreate(Path dataDir) {
        return MasterKeyRing.load(dataDir).current();
    }

    /** Wraps and unwraps company data keys; always this key's own, never pinned. */
    public SecretKey keyEncryptionKey() {
        return Aead.key(own(KEY_WRAP));
    }

    /**
     * A name for this key that can be printed and logged (the first 8 bytes of an HMAC of it): which key
     * wrapped what, without any of its bytes.
     */
    public String id() {
        return Digests.hex(own("key-id")).substring(0, 16);
    }

    /** 32 bytes for one purpose, independent of every other purpose's bytes. */
    public byte[] derive(String purpose) {
        if (KEY_WRAP.equals(purpose)) {
            throw new IllegalArgumentException("the company key wrapping key is not a purpose key");
        }
        byte[] kept = pinned.get(purpose);
        return kept != null ? kept.clone() : own(purpose);
    }

    /** A password string for one purpose (hex of {@link #derive}). */
    public String derivePassword(String purpose) {
        return Digests.hex(derive(purpose));
    }

    /** The values of every listed purpose as this key gives them, for the next key to keep. */
    Map<String, byte[]> purposeValues() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (String p : PURPOSES) {
            values.put(p, derive(p));
        }
        return values;
    }

    /** The key that seals the pinned purpose values in the key ring's file. */
    SecretKey purposeSealingKey() {
        return Aead.key(own("purpose-keys"));
    }

    byte[] encoded() {
        return raw.clone();
    }

    private byte[] own(String purpose) {
        return Digests.hmacSha256(raw, ("sitesign|" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
