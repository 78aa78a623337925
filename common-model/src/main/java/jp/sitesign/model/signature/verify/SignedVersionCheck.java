package jp.sitesign.model.signature.verify;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Whether a newly signed version may replace the version it was made from: it must be that base plus exactly
 * one incremental update, the new signature must cover the whole file (nothing after it), the update must hold
 * the signature and what a signature needs and nothing else ({@link SignatureUpdate}), it must carry exactly one
 * signature more, and be valid as a whole by {@link VerificationReport#allValid()}. The server applies it before
 * accepting an upload; the desktop app can apply it before uploading, so both refuse for the same reasons.
 */
public final class SignedVersionCheck {
    private final PadesVerifier verifier;

    public SignedVersionCheck(PadesVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Returns the report of the added signature, or throws {@link ErrorCode#INVALID_SIGNATURE} saying
     * what is wrong, in Japanese and English ({@link ErrorCode#DOCUMENT_TOO_COMPLEX} if reading either
     * version would pass the PDF limits).
     */
    public SignatureReport check(byte[] base, byte[] signed) {
        if (signed.length <= base.length || !Arrays.equals(signed, 0, base.length, base, 0, base.length)) {
            throw refuse("署名済みの文書は、現在の版に追記（増分更新）したものでなければなりません。",
                    "The signed document must extend the current version by incremental update.");
        }
        if (Revisions.of(signed).ends().stream().filter(end -> end > base.length).count() != 1) {
            throw refuse("署名済みの文書は、現在の版に署名の追記（増分更新）を 1 回だけ加えたものでなければなりません。",
                    "The signed document must be the current version plus exactly one incremental update, the signature's.");
        }
        VerificationReport before = verify(base);
        VerificationReport after = verify(signed);
        List<SignatureReport> signatures = signatures(after);
        if (signatures.size() != signatures(before).size() + 1) {
            throw refuse("署名がちょうど 1 つ追加されていなければなりません。", "Exactly one signature must be added.");
        }
        SignatureReport added = signatures.get(signatures.size() - 1);
        if (added.coverage().signedBytes() != signed.length) {
            throw refuse("新しい署名が文書全体を覆っていません（署名の後にデータが追加されています）。署名した PDF をそのままアップロードしてください。",
                    "The new signature does not cover the whole document (data follows it). Upload the PDF exactly as it was signed.");
        }
        requireOnlySignatureAdded(base, signed);
        if (!after.allValid()) {
            SignatureReport bad = after.signatures().stream().filter(s -> !s.valid()).findFirst().orElse(null);
            String detailJa = bad == null ? "" : "（署名 " + bad.number() + "）";
            throw new SiteSignException(ErrorCode.INVALID_SIGNATURE,
                    "署名の検証に失敗しました" + detailJa + "。\n" + after.toText(Locale.JAPANESE),
                    "The signature did not verify.\n" + after.toText(Locale.ENGLISH));
        }
        return added;
    }

    private void requireOnlySignatureAdded(byte[] base, byte[] signed) {
        List<Change> disallowed;
        SafePdf reading = SafePdf.start(verifier.limits());
        try {
            disallowed = SignatureUpdate.changes(base, signed, reading).stream()
                    .filter(change -> !change.allowed()).toList();
        } catch (IOException e) {
            reading.checkLimits();
            throw refuse("PDF を検証できません。", "The PDF cannot be verified.");
        }
        if (!disallowed.isEmpty()) {
            throw refuse("署名の追記に、署名以外の変更が含まれています。\n" + lines(disallowed, Locale.JAPANESE),
                    "The update that adds the signature changes other things too.\n" + lines(disallowed, Locale.ENGLISH));
        }
    }

    private static String lines(List<Change> changes, Locale locale) {
        ReportText words = new ReportText(locale);
        return changes.stream().map(change -> "・" + words.change(change)).collect(Collectors.joining("\n"));
    }

    private VerificationReport verify(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (VerificationException e) {
            if (e.reason() == VerificationException.Reason.TOO_COMPLEX) {
                throw e.getCause() instanceof SiteSignException s ? s : new SiteSignException(ErrorCode.DOCUMENT_TOO_COMPLEX);
            }
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
