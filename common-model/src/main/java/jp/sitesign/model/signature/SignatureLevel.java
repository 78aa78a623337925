package jp.sitesign.model.signature;

/**
 * The PAdES baseline levels this engine makes. Each level is the one below plus one step; B-LT and
 * B-LTA (validation data, document timestamp) are added as further steps on the signed PDF.
 */
public enum SignatureLevel {
    /** The CAdES signature alone. */
    B_B,
    /** B-B plus an RFC 3161 signature timestamp over the signature value. */
    B_T;

    public boolean needsTimestamp() {
        return this != B_B;
    }
}
