package jp.sitesign.model.crypto;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

/**
 * Wraps data keys under a key-encryption key with AES-256-GCM, binding each wrapped key to its owner
 * (e.g. the company id) through the associated data. GCM rather than AES-KW keeps every primitive on
 * the CRYPTREC list and gives one code path for data and keys.
 */
public final class KeyWrap {
    private static final String CONTEXT = "sitesign-key-wrap-v1|";

    private KeyWrap() {
    }

    public static byte[] wrap(SecretKey kek, SecretKey dataKey, String owner) {
        return Aead.encrypt(kek, dataKey.getEncoded(), context(owner));
    }

    public static SecretKey unwrap(SecretKey kek, byte[] wrapped, String owner) {
        return Aead.key(Aead.decrypt(kek, wrapped, context(owner)));
    }

    private static byte[] context(String owner) {
        return (CONTEXT + owner).getBytes(StandardCharsets.UTF_8);
    }
}
