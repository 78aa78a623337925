package jp.sitesign.model.signature;

import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.timestamp.TimestampSource;

import java.util.Objects;

/**
 * What to sign with and how: the key, the level and what it needs.
 *
 * @param keyAlias   the alias of the key in the key source; blank for the source's only key
 * @param level      the PAdES level to reach
 * @param timestamps the TSA for B-T and above; {@code null} for B-B
 * @param padding    the RSA scheme (ignored for EC keys)
 * @param info       the signature dictionary's name, reason and location
 * @param appearance the seal and text shown on a page; {@code null} for an invisible signature
 */
public record SignatureRequest(String keyAlias, SignatureLevel level, TimestampSource timestamps,
                               RsaPadding padding, SignatureAppearanceInfo info, VisibleSignature appearance) {

    /** An invisible signature. */
    public SignatureRequest(String keyAlias, SignatureLevel level, TimestampSource timestamps,
                            RsaPadding padding, SignatureAppearanceInfo info) {
        this(keyAlias, level, timestamps, padding, info, null);
    }

    public SignatureRequest {
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(info, "info");
        if (level.needsTimestamp() && timestamps == null) {
            throw new IllegalArgumentException(level + " needs a timestamp source");
        }
    }

    /** A B-B signature with RSA PKCS#1 v1.5 and no descriptive entries. */
    public static SignatureRequest basic(String keyAlias) {
        return new SignatureRequest(keyAlias, SignatureLevel.B_B, null, RsaPadding.PKCS1_V1_5,
                SignatureAppearanceInfo.none());
    }

    /** A B-T signature stamped by {@code tsa}. */
    public static SignatureRequest timestamped(String keyAlias, TimestampSource tsa) {
        return new SignatureRequest(keyAlias, SignatureLevel.B_T, tsa, RsaPadding.PKCS1_V1_5,
                SignatureAppearanceInfo.none());
    }

    /**
     * A signature at {@code level} (B-T or above) stamped by {@code tsa}; B-LT and B-LTA also fetch
     * revocation data from the servers the certificates name.
     */
    public static SignatureRequest at(SignatureLevel level, String keyAlias, TimestampSource tsa) {
        return new SignatureRequest(keyAlias, level, tsa, RsaPadding.PKCS1_V1_5, SignatureAppearanceInfo.none());
    }

    public SignatureRequest withPadding(RsaPadding newPadding) {
        return new SignatureRequest(keyAlias, level, timestamps, newPadding, info, appearance);
    }

    public SignatureRequest withInfo(SignatureAppearanceInfo newInfo) {
        return new SignatureRequest(keyAlias, level, timestamps, padding, newInfo, appearance);
    }

    public SignatureRequest withAppearance(VisibleSignature newAppearance) {
        return new SignatureRequest(keyAlias, level, timestamps, padding, info, newAppearance);
    }
}
