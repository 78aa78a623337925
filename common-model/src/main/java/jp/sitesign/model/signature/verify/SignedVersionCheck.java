package jp.sitesign.model.signature.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Whether a newly signed version may replace the version it was made from: it must extend that base by
 * incremental update, carry exactly one signature more, and be valid as a whole by
 * {@link VerificationReport#allValid()}. The server applies it before accepting an upload; the desktop
 * app can apply it before uploading, so both refuse for the same reasons.
 */
public final class SignedVersionCheck {
    private final PadesVerifier verifier;

    public SignedVersionCheck(PadesVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Returns the report of the added signature, or throws {@link ErrorCode#INVALID_SIGNATURE} saying
     * what is wrong, in Japanese and English.
     */
    public SignatureReport check(byte[] base, byte[] signed) {
        if (signed.length <= base.length || !Arrays.equals(signed, 0, base.length, base, 0, base.length)) {
            throw refuse("署名済みの文書は、現在の版に追記（増分更新）したものでなければなりません。",
                    "The signed document must extend the current version by incremental update.");
        }
        VerificationReport before = verify(base);
        VerificationReport after = verify(signed);
        List<SignatureReport> signatures = signatures(after);
        if (signatures.size() != signatures(before).size() + 1) {
            throw refuse("署名がちょうど 1 つ追加されていなければなりません。", "Exactly one signature must be added.");
        }
        if (!after.allValid()) {
            SignatureReport bad = after.signatures().stream().filter(s -> !s.valid()).findFirst().orElse(null);
            String detailJa = bad == null ? "" : "（署名 " + bad.number() + "）";
            throw new SiteSignException(ErrorCode.INVALID_SIGNATURE,
                    "署名の検証に失敗しました" + detailJa + "。\n" + after.toText(Locale.JAPANESE),
                    "The signature did not verify.\n" + after.toText(Locale.ENGLISH));
        }
        return signatures.get(signatures.size() - 1);
    }

    private VerificationReport verify(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (VerificationException e) {
            throw refuse("PDF を検証できません。", "The PDF cannot be verified.");
        }
    }

    private static List<SignatureReport> signatures(VerificationReport r) {
        return r.signatures().stream().filter(s -> s.kind() == SignatureKind.SIGNATURE).toList();
    }

    private static SiteSignException refuse(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_SIGNATURE, ja, en);
    }
}
