package jp.sitesign.model.document;

import java.io.IOException;

/**
 * The PDF is encrypted (with or without a password to open it). {@link SafePdf} refuses it before any object
 * is decrypted: SiteSign never handles encrypted contract documents, and a decrypted object stream would be
 * decoded where the stream limits cannot see it.
 */
public final class EncryptedPdfException extends IOException {
    private static final long serialVersionUID = 1L;

    public EncryptedPdfException() {
        super("the document is encrypted");
    }
}
