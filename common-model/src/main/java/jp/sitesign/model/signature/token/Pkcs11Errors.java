package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import javax.security.auth.login.FailedLoginException;

/**
 * Turns what SunPKCS11 throws into a {@link SigningException} a user understands. SunPKCS11 reports
 * the PKCS#11 return value ({@code CKR_…}) only as text in a cause, so the cause chain is read.
 */
final class Pkcs11Errors {
    private Pkcs11Errors() {
    }

    static SigningException translate(Throwable failure, String token) {
        boolean failedLogin = false;
        String root = String.valueOf(failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            root = t.getMessage() != null ? message : root;
            if (message.contains("CKR_PIN_LOCKED")) {
                return new SigningException(SigningError.PIN_LOCKED, failure);
            }
            if (message.contains("CKR_TOKEN_NOT_PRESENT") || message.contains("CKR_TOKEN_NOT_RECOGNIZED")
                    || message.contains("CKR_SLOT_ID_INVALID") || message.contains("slotListIndex is")) {
                return new SigningException(SigningError.TOKEN_NOT_FOUND, failure, token);
            }
            if (message.contains("CKR_PIN_INCORRECT") || message.contains("CKR_PIN_LEN_RANGE")) {
                return new SigningException(SigningError.WRONG_PIN, failure);
            }
            failedLogin |= t instanceof FailedLoginException;
        }
        if (failedLogin) {
            return new SigningException(SigningError.WRONG_PIN, failure);
        }
        return new SigningException(SigningError.TOKEN_UNAVAILABLE, failure, token, root);
    }
}
