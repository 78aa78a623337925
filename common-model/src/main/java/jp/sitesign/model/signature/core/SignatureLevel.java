package jp.sitesign.model.signature.core;

/**
 * The PAdES baseline levels this engine makes. Each level is the one below plus one step: B-T adds a
 * signature timestamp to the CMS; B-LT adds the validation data ({@code /DSS}) and B-LTA a document
 * timestamp, both as incremental updates of the signed PDF.
 */
public enum SignatureLevel {
    /** The CAdES signature alone. */
    B_B,
    /** B-B plus an RFC 3161 signature timestamp over the signature value. */
    B_T,
    /** B-T plus certificates and revocation data (OCSP or CRL) for the signer and TSA chains in {@code /DSS}. */
    B_LT,
    /** B-LT plus a document timestamp over the whole revision, for archival. */
    B_LTA;

    public boolean needsTimestamp() {
        return this != B_B;
    }

    /** Whether validation data goes into the document's {@code /DSS}. */
    public boolean needsValidationData() {
        return this == B_LT || this == B_LTA;
    }

    /** Whether a document timestamp is added at the end. */
    public boolean needsDocumentTimestamp() {
        return this == B_LTA;
    }
}
