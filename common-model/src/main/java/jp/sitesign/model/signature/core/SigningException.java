package jp.sitesign.model.signature.core;

import java.security.SignatureException;
import java.util.Objects;

/**
 * Signing failed for a reason the user can be told: a {@link SigningError} code and a message in
 * Japanese and English. Nothing has been written to the output when this is thrown.
 */
public class SigningException extends SignatureException {
    private static final long serialVersionUID = 1L;

    private final SigningError error;
    private final String messageJa;
    private final String messageEn;

    public SigningException(SigningError error, Object... args) {
        this(error, null, args);
    }

    public SigningException(SigningError error, Throwable cause, Object... args) {
        super(error.name() + ": " + error.messageEn(args), cause);
        this.error = Objects.requireNonNull(error);
        this.messageJa = error.messageJa(args);
        this.messageEn = error.messageEn(args);
    }

    public SigningError error() {
        return error;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return messageEn;
    }
}
