package jp.sitesign.server.evidence;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Why an evidence package cannot be made, in Japanese and English, shaped like {@code SigningError}: one
 * constant per failure with its error code and both texts. Only refusals live here; the certificate of
 * completion's own wording is document content and stays with {@link CertificatePdf}. Texts may hold
 * {@code %s} placeholders, filled from the arguments of {@link #exception(Object...)}.
 */
enum EvidenceMessage {
    NOT_CONFIGURED(ErrorCode.CONFLICT,
            "このサーバーには封印用の証明書（seal.keystore）またはタイムスタンプ局（tsa.url）が設定されていないため、"
                    + "証拠一式を作成できません。サーバー管理者に設定を依頼してください。",
            "This server has no seal certificate (seal.keystore) or no TSA (tsa.url), so it cannot make"
                    + " evidence packages. Ask the server's administrator to configure them."),
    FONT_MISSING(ErrorCode.INTERNAL,
            "締結証明書に使う日本語フォント（IPA ゴシック、%s）がサーバーにありません。"
                    + "サーバー管理者が fonts-ipafont-gothic をインストールしてください。",
            "The Japanese font for the certificate (IPA Gothic, %s) is not installed on the server."
                    + " The server's administrator should install fonts-ipafont-gothic."),
    PDF_NOT_VERIFIABLE(ErrorCode.INTERNAL, "契約の PDF を検証できません: %s", "The contract PDF cannot be verified: %s");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    EvidenceMessage(ErrorCode code, String messageJa, String messageEn) {
        this.code = code;
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    /** The Japanese text with {@code args} filled in. */
    String ja(Object... args) {
        return String.format(messageJa, args);
    }

    /** The English text with {@code args} filled in. */
    String en(Object... args) {
        return String.format(messageEn, args);
    }

    /** The refusal with this constant's code and {@code args} filled in. */
    SiteSignException exception(Object... args) {
        return new SiteSignException(code, ja(args), en(args));
    }
}
