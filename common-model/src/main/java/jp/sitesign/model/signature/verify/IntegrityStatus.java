package jp.sitesign.model.signature.verify;

/** Whether the signed bytes are as they were signed; every value but {@link #INTACT} means "invalid". */
public enum IntegrityStatus {
    /** The byte range, the digest, the signature value and the signing certificate reference all check out. */
    INTACT,
    /** {@code /ByteRange} does not cover the whole revision except exactly its {@code /Contents}. */
    BYTE_RANGE_INVALID,
    /** {@code /Contents} is not a readable CMS signature or RFC 3161 token. */
    UNREADABLE_SIGNATURE,
    /** The CMS does not carry the certificate of its signer, so nothing can be verified. */
    SIGNER_CERTIFICATE_MISSING,
    /** A digest or signature algorithm outside the CRYPTREC list this system accepts. */
    UNSUPPORTED_ALGORITHM,
    /** The digest of the signed bytes differs from the one the signature (or token) was made over. */
    DIGEST_MISMATCH,
    /** The signature value does not verify with the signer certificate's public key. */
    SIGNATURE_INVALID,
    /** The signing-certificate(-v2) attribute is missing or names another certificate. */
    SIGNING_CERTIFICATE_MISMATCH
}
