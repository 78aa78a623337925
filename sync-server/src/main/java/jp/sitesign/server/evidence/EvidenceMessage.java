package jp.sitesign.server.evidence;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * Why an evidence package cannot be made, in Japanese and English, shaped like {@code SigningError}: one
 * constant per failure with its error code and both texts. Only refusals live here; the certificate of
 * completion's own wording is document content and stays with {@link CertificatePdf}. Texts may hold
 * {@code %s} placeholders, filled from the arguments of {@link #exception(Object...)}.
 */
enum EvidenceMessage implements CataloguedMessage {
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

    private final Texts texts;

    EvidenceMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
