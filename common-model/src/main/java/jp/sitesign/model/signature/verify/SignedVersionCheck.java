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
            throw SignedVersionMessage.NOT_AN_INCREMENTAL_UPDATE.exception();
        }
        if (Revisions.of(signed).ends().stream().filter(end -> end > base.length).count() != 1) {
            throw SignedVersionMessage.NOT_ONE_UPDATE.exception();
        }
        VerificationReport before = verify(base);
        VerificationReport after = verify(signed);
        List<SignatureReport> signatures = signatures(after);
        if (signatures.size() != signatures(before).size() + 1) {
            throw SignedVersionMessage.NOT_ONE_SIGNATURE_ADDED.exception();
        }
        SignatureReport added = signatures.get(signatures.size() - 1);
        if (added.coverage().signedBytes() != signed.length) {
            throw SignedVersionMessage.SIGNATURE_NOT_COVERING.exception();
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
            throw SignedVersionMessage.CANNOT_VERIFY.exception();
        }
        if (!disallowed.isEmpty()) {
            throw SignedVersionMessage.OTHER_CHANGES.exception(lines(disallowed, Locale.JAPANESE),
                    lines(disallowed, Locale.ENGLISH));
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
            throw SignedVersionMessage.CANNOT_VERIFY.exception();
        }
    }

    private static List<SignatureReport> signatures(VerificationReport r) {
        return r.signatures().stream().filter(s -> s.kind() == SignatureKind.SIGNATURE).toList();
    }
}
