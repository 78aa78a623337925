package jp.sitesign.model.signature.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Writes PKCS#12 files holding one key with its chain (signer, root). */
public final class Pkcs12Files {
    private Pkcs12Files() {
    }

    public static Path write(Path file, TestCa ca, KeyPair keys, String alias, String commonName, String password) {
        return write(file, keys, ca.issueSigner(keys.getPublic(), commonName), ca.root(), alias, password);
    }

    /**
     * A file whose certificate is valid from {@code notBefore} until a year from now, for tests that sign at a
     * fixed time in the past: the signer refuses a certificate that is not valid at the signing time.
     */
    public static Path writeValidSince(Path file, TestCa ca, KeyPair keys, String alias, String commonName,
                                       String password, Instant notBefore) {
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), commonName, notBefore,
                Instant.now().plus(Duration.ofDays(365)));
        return write(file, keys, certificate, ca.root(), alias, password);
    }

    /** A file holding {@code keys} with a certificate made elsewhere (e.g. an expired one) and its root. */
    public static Path write(Path file, KeyPair keys, X509Certificate certificate, X509Certificate root, String alias,
                             String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, keys.getPrivate(), password.toCharArray(),
                    new Certificate[] {certificate, root});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("writing a test PKCS#12 file", e);
        }
    }
}
