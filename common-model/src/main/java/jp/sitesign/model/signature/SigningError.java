package jp.sitesign.model.signature;

/**
 * Why signing failed, as a stable code with a message in Japanese and English that says what to do
 * next. Messages may contain {@code %s} placeholders filled from {@link SigningException}'s
 * arguments.
 */
public enum SigningError {
    WRONG_PIN("PIN（パスワード）が正しくありません。入力し直してください。",
            "The PIN (password) is incorrect. Please enter it again."),
    PIN_LOCKED("PIN がロックされています。トークンの発行元に連絡してください。",
            "The PIN is locked. Please contact whoever issued the token."),
    PIN_CANCELLED("PIN の入力が取り消されたため、署名しませんでした。",
            "PIN entry was cancelled, so nothing was signed."),
    TOKEN_NOT_FOUND("トークン「%s」が見つかりません。トークンが接続されているか確認してください。",
            "Token \"%s\" was not found. Check that the token is connected."),
    TOKEN_UNAVAILABLE("トークン「%s」を利用できません（%s）。接続とドライバーを確認してください。",
            "Token \"%s\" cannot be used (%s). Check the connection and the driver."),
    KEY_NOT_FOUND("署名鍵「%s」が見つかりません。選択した鍵を確認してください。",
            "No signing key with the alias \"%s\". Check the selected key."),
    KEY_UNSUPPORTED("この鍵（%s）は署名に使えません。RSA（2048 ビット以上）または ECDSA P-256/P-384 の鍵を使ってください。",
            "This key (%s) cannot be used for signing. Use an RSA key of 2048 bits or more, or ECDSA P-256/P-384."),
    KEY_OPERATION_FAILED("トークンで署名処理ができませんでした（%s）。",
            "The token could not create the signature (%s)."),
    DOCUMENT_UNREADABLE("PDF を読み込めません（%s）。", "The PDF cannot be read (%s)."),
    DOCUMENT_ENCRYPTED("パスワードで保護された PDF には署名できません。保護を解除した PDF を使ってください。",
            "A password-protected PDF cannot be signed. Use a PDF without protection."),
    DOCUMENT_LOCKED("この PDF は作成者の認証署名で変更が禁止されているため、署名を追加できません。",
            "The PDF's certifying signature forbids any change, so no signature can be added."),
    TIMESTAMP_FAILED("タイムスタンプサーバー %s からタイムスタンプを取得できませんでした（%s）。署名は作成していません。",
            "Could not get a timestamp from %s (%s). No signature was made."),
    SIGNATURE_TOO_LARGE("署名データが PDF に確保した領域に収まりません（%s バイト）。",
            "The signature does not fit in the space reserved in the PDF (%s bytes).");

    private final String messageJa;
    private final String messageEn;

    SigningError(String messageJa, String messageEn) {
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    String messageJa(Object... args) {
        return String.format(messageJa, args);
    }

    String messageEn(Object... args) {
        return String.format(messageEn, args);
    }
}
