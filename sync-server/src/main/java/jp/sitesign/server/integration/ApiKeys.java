package jp.sitesign.server.integration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import jp.sitesign.model.crypto.Digests;

/**
 * API keys: {@code ssk_} and 256 random bits (base64url). The prefix lets the server, and secret scanners, tell a
 * key from a session token (43 characters, no prefix); only the key's SHA-256 is stored, as for sessions.
 */
public final class ApiKeys {
    public static final String PREFIX = "ssk_";
    private static final int LENGTH = PREFIX.length() + 43;

    private final SecureRandom random = new SecureRandom();

    /** A new key, shown to the admin once. */
    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a bearer credential has the shape of an API key (it may still be unknown). */
    public static boolean looksLikeKey(String credential) {
        return credential != null && credential.length() == LENGTH && credential.startsWith(PREFIX);
    }

    static String hash(String key) {
        return Digests.sha256Hex(key.getBytes(StandardCharsets.US_ASCII));
    }
}
