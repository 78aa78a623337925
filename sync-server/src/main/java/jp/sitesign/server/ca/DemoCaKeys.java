package jp.sitesign.server.ca;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import jp.sitesign.server.config.DataDir;

/**
 * A demo key and its certificate kept as a PKCS#12 file in the data folder (0600), its password derived
 * from the master key. The demo CA and the demo TSA each have one.
 *
 * @param key         the private key
 * @param certificate its certificate
 */
record DemoCaKeys(PrivateKey key, X509Certificate certificate) {
    private static final String ALIAS = "demo";

    /** The keys in {@code file}, or null when the file does not exist yet. */
    static DemoCaKeys load(Path file, char[] password) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Files.readAllBytes(file)), password);
            return new DemoCaKeys((PrivateKey) store.getKey(ALIAS, password),
                    (X509Certificate) store.getCertificate(ALIAS));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo CA key file " + file, e);
        }
    }

    void save(Path file, char[] password, X509Certificate... chainAbove) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Certificate[] chain = new Certificate[1 + chainAbove.length];
            chain[0] = certificate;
            System.arraycopy(chainAbove, 0, chain, 1, chainAbove.length);
            store.setKeyEntry(ALIAS, key, password, chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            DataDir.writeSecret(file, out.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the demo CA key file " + file, e);
        }
    }

    /** ECDSA P-256: CRYPTREC-listed, and quick to make on first use. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
