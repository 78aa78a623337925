package jp.sitesign.model.signature.token;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key ready to sign, with its certificate chain (signer first) and the provider that must
 * perform the key operation ({@code null} for software keys: the default providers).
 * Valid only while the {@link KeySession} it came from is open.
 */
public record SigningKey(String alias, PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
