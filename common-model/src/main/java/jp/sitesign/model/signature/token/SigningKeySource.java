package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningException;

/**
 * A place that holds signing keys: a PKCS#11 token slot or a PKCS#12 file. Opening asks for the PIN
 * through the callback every time.
 */
public interface SigningKeySource {

    /** What the user would call this source (token label, file name), for prompts and messages. */
    String description();

    /**
     * Asks for the PIN and unlocks the source.
     *
     * @throws SigningException WRONG_PIN, PIN_LOCKED, PIN_CANCELLED, TOKEN_NOT_FOUND, TOKEN_UNAVAILABLE
     */
    KeySession open(PinCallback pin) throws SigningException;
}
