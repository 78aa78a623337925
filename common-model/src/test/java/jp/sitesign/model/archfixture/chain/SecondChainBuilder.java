package jp.sitesign.model.archfixture.chain;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** A second issuer search beside the real one: what the one-chain-builder rule forbids. */
public final class SecondChainBuilder {
    public boolean issues(X509Certificate issuer, X509Certificate certificate) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
