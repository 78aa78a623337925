package jp.sitesign.model.signature.verify;

/** The document cannot be verified at all: it is not a readable PDF, or it is encrypted. */
public final class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
