package jp.sitesign.model.signature.core;

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
            "The signature does not fit in the space reserved in the PDF (%s bytes)."),
    REVOCATION_UNAVAILABLE("証明書「%s」の失効情報を取得できませんでした（%s）。長期検証用の情報を付けられないため、PDF は出力していません。時間をおいてやり直すか、管理者に連絡してください。",
            "Could not get revocation data for certificate \"%s\" (%s). Without it the long-term validation data cannot be added, so no PDF was produced. Try again later or contact your administrator."),
    CERTIFICATE_EXPIRED("証明書「%s」は有効期間外です（有効期間 %s ～ %s）。有効な証明書で署名するか、管理者に証明書の更新を依頼してください。",
            "Certificate \"%s\" is not valid now (valid from %s to %s). Sign with a valid certificate or ask your administrator to renew it."),
    CERTIFICATE_REVOKED("証明書「%s」は失効しています（失効日時 %s、理由: %s）。この証明書では署名できません。有効な証明書を使ってください。",
            "Certificate \"%s\" has been revoked (at %s, reason: %s). It cannot be used for signing. Use a valid certificate."),
    NOT_SIGNED("この PDF には署名がないため、長期検証用の情報やアーカイブタイムスタンプを追加できません。",
            "The PDF has no signature, so no validation data or archive timestamp can be added."),
    APPEARANCE_FAILED("署名の外観（印影・文字）を作成できませんでした（%s）。",
            "The visible signature (seal and text) could not be made (%s).");

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
