package jp.sitesign.model.signature.verify;

/**
 * Whether a signature's bytes are untouched: its byte range, the digest over it, the CMS signature
 * value and the signing-certificate reference.
 *
 * @param status the first check that failed, or {@link IntegrityStatus#INTACT}
 * @param detail what exactly was found, in English for logs; {@code null} when intact
 */
public record Integrity(IntegrityStatus status, String detail) {

    public static Integrity passed() {
        return new Integrity(IntegrityStatus.INTACT, null);
    }

    public static Integrity failed(IntegrityStatus status, String detail) {
        return new Integrity(status, detail);
    }

    public boolean intact() {
        return status == IntegrityStatus.INTACT;
    }
}
