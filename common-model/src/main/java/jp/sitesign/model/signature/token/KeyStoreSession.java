package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A {@link KeySession} over a loaded {@link KeyStore}; what happens on close is the source's business. */
final class KeyStoreSession implements KeySession {
    private final KeyStore store;
    private final Provider provider;
    private final char[] keyPassword;
    private final Runnable onClose;

    /**
     * @param keyPassword the entry password (PKCS#12) or {@code null} (PKCS#11); cleared on close
     */
    KeyStoreSession(KeyStore store, Provider provider, char[] keyPassword, Runnable onClose) {
        this.store = store;
        this.provider = provider;
        this.keyPassword = keyPassword;
        this.onClose = onClose;
    }

    @Override
    public List<String> aliases() throws SigningException {
        try {
            List<String> result = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
                    result.add(alias);
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningError.KEY_OPERATION_FAILED, e, e.getMessage());
        }
    }

    @Override
    public SigningKey key(String alias) throws SigningException {
        try {
            Key key = store.isKeyEntry(alias) ? store.getKey(alias, keyPassword) : null;
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new SigningException(SigningError.KEY_NOT_FOUND, alias);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new SigningKey(alias, privateKey, certificates, provider);
        } catch (GeneralSecurityException e) {
            if (e instanceof SigningException signing) {
                throw signing;
            }
            throw new SigningException(SigningError.KEY_OPERATION_FAILED, e, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (keyPassword != null) {
            Arrays.fill(keyPassword, '\0');
        }
        onClose.run();
    }
}
