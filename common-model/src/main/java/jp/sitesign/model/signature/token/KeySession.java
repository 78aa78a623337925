package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import java.util.List;

/** An unlocked key store. Closing it logs out of the token. */
public interface KeySession extends AutoCloseable {

    /** The aliases of the entries that hold a private key with a certificate. */
    List<String> aliases() throws SigningException;

    /** @throws SigningException KEY_NOT_FOUND if no private key entry has this alias */
    SigningKey key(String alias) throws SigningException;

    /**
     * The key with {@code alias}, or, when the alias is blank, the only key on the source: most tokens and
     * files carry one signing key, and their users do not know its alias.
     *
     * @throws SigningException KEY_NOT_FOUND if there is no such alias, or the alias is blank and the source
     *                          holds no key or several (they are named, so the user can choose)
     */
    default SigningKey keyOrOnly(String alias) throws SigningException {
        if (!alias.isBlank()) {
            return key(alias);
        }
        List<String> aliases = aliases();
        if (aliases.size() != 1) {
            throw new SigningException(SigningError.KEY_NOT_FOUND, "? (" + String.join(", ", aliases) + ")");
        }
        return key(aliases.get(0));
    }

    @Override
    void close();
}
