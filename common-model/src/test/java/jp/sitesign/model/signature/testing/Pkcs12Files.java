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

/** Writes PKCS#12 files holding one key with its chain (signer, root). */
public final class Pkcs12Files {
    private Pkcs12Files() {
    }

    public static Path write(Path file, TestCa ca, KeyPair keys, String alias, String commonName, String password) {
        return write(file, keys, ca.issueSigner(keys.getPublic(), commonName), ca.root(), alias, password);
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
