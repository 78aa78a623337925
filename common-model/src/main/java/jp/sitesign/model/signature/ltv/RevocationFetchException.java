package jp.sitesign.model.signature.ltv;

/**
 * One revocation server could not give usable data; the message names the server and why, in
 * English, for the combined error the user sees.
 */
final class RevocationFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    RevocationFetchException(String server, String reason, Throwable cause) {
        super(server + ": " + reason, cause);
    }
}
