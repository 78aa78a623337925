package jp.sitesign.model.signature.pdf;

/**
 * The descriptive entries of the signature dictionary. All may be {@code null}.
 *
 * @param name     the signer's name ({@code /Name})
 * @param reason   why the document is signed ({@code /Reason}), e.g. 「契約締結のため」
 * @param location where ({@code /Location})
 */
public record SignatureAppearanceInfo(String name, String reason, String location) {

    public static SignatureAppearanceInfo none() {
        return new SignatureAppearanceInfo(null, null, null);
    }
}
