package jp.sitesign.model.signature.token;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;

/**
 * Asks the user for a PIN or password. The engine clears the returned array as soon as it has been
 * used, so return a fresh array each time and keep no copy.
 */
@FunctionalInterface
public interface PinCallback {

    /**
     * @param what a description of what the PIN unlocks (token label or file name), for the prompt
     * @return the PIN, or {@code null} if the user cancelled
     */
    char[] askPin(String what);

    /** Adapts a JAAS {@link CallbackHandler} that answers a {@link PasswordCallback}. */
    static PinCallback from(CallbackHandler handler) {
        return what -> {
            PasswordCallback callback = new PasswordCallback("PIN (" + what + "): ", false);
            try {
                handler.handle(new Callback[] {callback});
                return callback.getPassword();
            } catch (IOException | UnsupportedCallbackException e) {
                throw new IllegalStateException("the PIN prompt failed", e);
            } finally {
                callback.clearPassword();
            }
        };
    }
}
