package jp.sitesign.model.signature.timestamp;

/** A TSA answered, but its answer cannot be used; the message says why, in English, for logs and reports. */
final class TimestampRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    TimestampRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
