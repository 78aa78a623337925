package jp.sitesign.model.signature.verify;

/** The document cannot be verified at all: it is not a readable PDF, or it is encrypted. */
public final class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the document could not be read, so a screen can say it in the user's language. */
    public enum Reason {
        /** The PDF is encrypted (with or without a password to open it). */
        ENCRYPTED,
        /** The bytes are not a PDF at all (no {@code %PDF-} header). */
        NOT_PDF,
        /** A PDF, but damaged or truncated beyond what can be read. */
        DAMAGED,
        /** Reading it would pass the {@link jp.sitesign.model.document.PdfLimits} (a decompression bomb, say). */
        TOO_COMPLEX
    }

    private final Reason reason;

    /** A damaged document. */
    public VerificationException(String message, Throwable cause) {
        this(Reason.DAMAGED, message, cause);
    }

    public VerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
