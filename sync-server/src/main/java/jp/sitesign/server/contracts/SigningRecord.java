package jp.sitesign.server.contracts;

import jp.sitesign.model.signature.verify.Identity;
import jp.sitesign.model.signature.verify.SignatureReport;

/**
 * What the audit log keeps of a signature besides the document hashes: the signer certificate's serial number
 * and issuer, as the verifier read them from the CMS, and the token label or PKCS#12 file name the client named
 * (clipped; a PIN is never sent, so never recorded). Values are quoted, so a DN's commas and spaces stay one value.
 */
final class SigningRecord {
    /** A label longer than this is cut: it is a hint for the reader of the log, not an identifier. */
    static final int MAX_KEY_SOURCE = 100;

    private SigningRecord() {
    }

    static String of(SignatureReport signature, String keySource) {
        Identity signer = signature.identity();
        String source = keySource == null || keySource.isBlank() ? null : keySource.strip();
        if (source != null && source.length() > MAX_KEY_SOURCE) {
            source = source.substring(0, Character.isHighSurrogate(source.charAt(MAX_KEY_SOURCE - 1))
                    ? MAX_KEY_SOURCE - 1 : MAX_KEY_SOURCE);
        }
        return "certSerial=" + signer.serialNumber() + " certIssuer=" + quoted(signer.issuer())
                + (source == null ? "" : " keySource=" + quoted(source));
    }

    private static String quoted(String value) {
        return value == null ? "-" : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
