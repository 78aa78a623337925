package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.util.Arrays;

/**
 * The keys on one PKCS#11 token, used through its SunPKCS11 provider. Each {@link #open} asks for
 * the PIN, logs in, clears the PIN, and the session logs out when closed.
 */
public final class Pkcs11KeySource implements SigningKeySource {
    private static final System.Logger LOG = System.getLogger(Pkcs11KeySource.class.getName());

    private final Pkcs11Module module;
    private final int slotListIndex;
    private final String description;

    Pkcs11KeySource(Pkcs11Module module, int slotListIndex, String description) {
        this.module = module;
        this.slotListIndex = slotListIndex;
        this.description = description;
    }

    public int slotListIndex() {
        return slotListIndex;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public KeySession open(PinCallback pin) throws SigningException {
        Provider provider = module.provider(slotListIndex);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningError.TOKEN_NOT_FOUND, e, description);
        }
        char[] secret = pin.askPin(description);
        if (secret == null) {
            throw new SigningException(SigningError.PIN_CANCELLED);
        }
        try {
            store.load(null, secret);
        } catch (IOException | GeneralSecurityException e) {
            throw Pkcs11Errors.translate(e, description);
        } finally {
            Arrays.fill(secret, '\0');
        }
        return new KeyStoreSession(store, provider, null, () -> logout(provider));
    }

    private void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // The session still ends with the process; the user cannot act on this.
                LOG.log(System.Logger.Level.WARNING, "logout from PKCS#11 token " + description + " failed", e);
            }
        }
    }
}
