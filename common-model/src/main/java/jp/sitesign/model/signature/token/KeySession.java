package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningException;

import java.util.List;

/** An unlocked key store. Closing it logs out of the token. */
public interface KeySession extends AutoCloseable {

    /** The aliases of the entries that hold a private key with a certificate. */
    List<String> aliases() throws SigningException;

    /** @throws SigningException KEY_NOT_FOUND if no private key entry has this alias */
    SigningKey key(String alias) throws SigningException;

    @Override
    void close();
}
