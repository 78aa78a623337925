package jp.sitesign.server.cli;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the operator CLI features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum OperatorMessage {
    CERTIFICATE_FILE_UNREADABLE(ErrorCode.NOT_FOUND, "証明書ファイルを読み込めません: %s",
            "Cannot read the certificate file: %s"),
    COMPANY_ID_MALFORMED(ErrorCode.INVALID_FIELD, "企業 ID は C + 8 桁の数字です: %s",
            "A company id is C followed by 8 digits: %s"),
    USER_ID_MALFORMED(ErrorCode.INVALID_FIELD, "利用者 ID は U + 8 桁の数字です: %s",
            "A user id is U followed by 8 digits: %s"),
    BATCH_OPTIONS_INVALID(ErrorCode.INVALID_FIELD, "--batch-size は 1 以上、--pause-ms は 0 以上です。",
            "--batch-size must be at least 1 and --pause-ms at least 0."),
    NEW_KEY_UNREADABLE(ErrorCode.INVALID_FIELD, "新しい鍵のファイル %s を読めないか、Base64 の 256 ビット鍵ではありません。",
            "The new key file %s cannot be read or does not hold a 256-bit key in Base64.");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    OperatorMessage(ErrorCode code, String messageJa, String messageEn) {
        this.code = code;
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    /** The refusal with {@code args} filled into both texts. */
    SiteSignException exception(Object... args) {
        return new SiteSignException(code, String.format(messageJa, args), String.format(messageEn, args));
    }

    /** The Japanese text, unfilled; for the catalogue's own test. */
    String messageJa() {
        return messageJa;
    }

    /** The English text, unfilled; for the catalogue's own test. */
    String messageEn() {
        return messageEn;
    }
}
