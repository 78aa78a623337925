package jp.sitesign.model.crypto;

/** Encrypted data failed authentication: it was changed, moved, or the key is wrong. */
public class TamperedDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TamperedDataException(String message) {
        super(message);
    }
}
