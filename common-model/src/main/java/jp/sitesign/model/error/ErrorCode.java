package jp.sitesign.model.error;

/**
 * Every error a client can be shown, with its HTTP status and a message in Japanese and English.
 * The code string is stable: clients branch on it, so never rename one.
 */
public enum ErrorCode {
    BAD_REQUEST(400, "リクエストの内容が正しくありません。", "The request is not valid."),
    MALFORMED_JSON(400, "JSON の形式が正しくありません。", "The JSON in the request body is malformed."),
    MALFORMED_URL(400, "URL の形式が正しくありません。", "The request URL is malformed."),
    INVALID_ENCODING(400, "文字コードが正しくありません（UTF-8 で送信してください）。", "The request is not valid UTF-8."),
    UNKNOWN_FIELD(400, "不明な項目が含まれています。", "The request contains an unknown field."),
    INVALID_FIELD(400, "入力内容に誤りがあります。", "A field has an invalid value."),
    INVALID_DOCUMENT(400, "この PDF は使用できません。", "This PDF cannot be used."),
    CONTRACT_INCOMPLETE(400, "契約の記載事項が不足しています。", "The contract is missing required content."),
    INVALID_SIGNATURE(400, "署名済みの文書を受け付けられません。", "The signed document cannot be accepted."),
    PASSWORD_RULE(400, "パスワードが条件を満たしていません。", "The password does not meet the rules."),
    UNAUTHENTICATED(401, "ログインしてください。", "Please log in."),
    SESSION_EXPIRED(401, "セッションの有効期限が切れました。もう一度ログインしてください。", "Your session has expired. Please log in again."),
    LOGIN_FAILED(401, "利用者 ID またはパスワードが正しくありません。", "The user id or password is incorrect."),
    WRONG_CURRENT_PASSWORD(403, "現在のパスワードが正しくありません。", "The current password is incorrect."),
    ACCOUNT_LOCKED(403, "ログインの失敗が続いたため、アカウントは一時的にロックされています。しばらくしてからお試しください。",
            "The account is locked after repeated failed logins. Please try again later."),
    ACCOUNT_UNAVAILABLE(403, "このアカウントは利用できません。管理者にお問い合わせください。",
            "This account cannot be used. Please contact your administrator."),
    LOCAL_LOGIN_FAILED(401, "このパソコンに保存されたデータを開けません。パスワードが正しくないか、別の場所でパスワードが変更されています。ネットワークに接続してログインしてください。",
            "The data saved on this computer cannot be opened: the password is wrong or was changed elsewhere. Please connect to the network and log in."),
    LOCAL_STORE_MISSING(401, "このパソコンではまだオンラインでログインしていません。オフラインで使う前に、ネットワークに接続して一度ログインしてください。",
            "You have not logged in online on this computer yet. Connect to the network and log in once before working offline."),
    PASSWORD_CHANGE_REQUIRED(403, "初回ログインのため、パスワードを変更してください。", "Please change your one-time password first."),
    API_KEY_INVALID(401, "API キーが正しくありません。管理者が発行した最新のキーを Authorization: Bearer で送信してください。",
            "The API key is not valid. Send the latest key your administrator issued as Authorization: Bearer."),
    API_APPLICATION_INACTIVE(403, "この API キーのアプリケーションは一時停止中または取消済みのため利用できません。サービス運営者にお問い合わせください。",
            "This API key's application is suspended or revoked. Please contact the service operator."),
    API_ADDRESS_NOT_ALLOWED(403, "この接続元アドレスは、このアプリケーションの許可アドレスに含まれていません。",
            "Calls from this client address are not allowed for this application."),
    API_SCOPE_MISSING(403, "この API キーのアプリケーションには、この操作のスコープが承認されていません。",
            "This API key's application has no approved scope for this."),
    API_KEY_NOT_ACCEPTED(403, "この操作は API キーでは行えません。SiteSign のアプリから利用者として行ってください。",
            "This cannot be done with an API key. Do it as a user in the SiteSign app."),
    API_APPLICATION_NOT_APPROVED(409, "このアプリケーションはまだ承認されていないため、API キーを発行できません。",
            "This application is not approved, so no API key can be issued."),
    FORBIDDEN(403, "この操作を行う権限がありません。", "You are not allowed to do this."),
    NOT_FOUND(404, "対象が見つかりません。", "Not found."),
    METHOD_NOT_ALLOWED(405, "この操作には対応していません。", "This method is not allowed here."),
    REQUEST_TIMEOUT(408, "送信が途中で止まったため、リクエストを打ち切りました。通信状態を確認して再度お試しください。",
            "The request body stopped arriving, so the request was abandoned. Check the connection and try again."),
    CONSENT_MISSING(409, "取引先から電子契約の承諾を得ていません。", "The counterparty has not consented to electronic contracting."),
    SIGN_AGAIN(409, "署名した後に文書が更新されました。最新の文書に署名し直してください。",
            "The document changed after you signed it. Please sign the current version."),
    ATTACHMENT_LIMIT(409, "添付書類の数が上限に達しています。", "The contract already has the maximum number of attachments."),
    DUPLICATE_DOCUMENT(409, "同じ内容の PDF が既にこの案件にあります。", "A PDF with the same content is already on this contract."),
    CONFLICT(409, "他の操作と競合しました。最新の状態を確認してください。", "The request conflicts with the current state."),
    PAYLOAD_TOO_LARGE(413, "送信されたデータが大きすぎます。", "The request body is too large."),
    UPLOAD_QUOTA(413, "完了していないアップロードの合計が上限に達しています。アップロード中の文書を完了させるか、しばらくしてからお試しください。",
            "Your unfinished uploads have reached their total size limit. Finish the uploads under way, or try again later."),
    UNSUPPORTED_MEDIA_TYPE(415, "この形式のデータには対応していません。", "This content type is not supported."),
    BACKUP_KEY_UNUSABLE(422, "バックアップ鍵を使えません。", "The backup key cannot be used."),
    BACKUP_DAMAGED(422, "バックアップが壊れているか、改ざんされています。", "The backup is damaged or was tampered with."),
    BACKUP_NOT_FOUND(404, "バックアップが見つかりません。", "No backup was found."),
    RESTORE_TARGET_NOT_EMPTY(409, "復元先は空ではありません。空のデータフォルダーとデータベースを指定してください。",
            "The restore target is not empty. Name an empty data folder and database."),
    DOCUMENT_TOO_COMPLEX(422, "この PDF は複雑すぎるため受け付けられません。PDF として保存し直す（印刷機能で PDF に出力するなど）か、分割してからお試しください。",
            "The document is too complex to be accepted. Save it again as PDF (for example by printing to PDF) or split it, then try again."),
    TOO_MANY_UPLOADS(429, "完了していないアップロードが多すぎます。アップロード中の文書を完了させるか、しばらくしてからお試しください。",
            "You have too many unfinished uploads. Finish the uploads under way, or try again later."),
    LOGIN_THROTTLED(429, "この接続元からのログインの失敗が続いたため、ログインを一時的に制限しています。しばらくしてからお試しください。",
            "Too many failed logins from this address; logins from it are paused for a while. Please try again later."),
    TOO_MANY_PROPOSALS(429, "取引先登録の申請が多すぎます。明日以降にお試しください。",
            "Too many partnership proposals today. Please try again tomorrow."),
    API_RATE_LIMITED(429, "このアプリケーションの呼び出し回数が上限に達しました。Retry-After の秒数だけ待ってから再度お試しください。",
            "This application has made too many calls. Wait for the seconds in Retry-After, then try again."),
    INTERNAL(500, "サーバーで問題が発生しました。時間をおいて再度お試しください。", "Something went wrong on the server. Please try again later."),
    SERVER_BUSY(503, "サーバーが混み合っています。しばらくしてから再度お試しください。", "The server is busy. Please try again shortly.");

    private final int httpStatus;
    private final String messageJa;
    private final String messageEn;

    ErrorCode(int httpStatus, String messageJa, String messageEn) {
        this.httpStatus = httpStatus;
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return messageEn;
    }
}
