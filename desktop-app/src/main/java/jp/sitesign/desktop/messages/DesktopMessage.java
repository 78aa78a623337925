package jp.sitesign.desktop.messages;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Every message the desktop raises or shows outside its window texts, each in Japanese and English and
 * saying what to do next, shaped like the engine's {@code SigningError}: a wording fix or a third language
 * touches this one file. Texts may hold {@code %s} placeholders, filled in order (or {@code %1$s} by
 * position) from the arguments. A message with an error code is raised with {@link #exception}; the others
 * are sentences for the sync state ({@link #ja}, {@link #en}) or the log ({@link #bilingual}).
 */
public enum DesktopMessage {
    NO_SIGNING_AUTHORITY(ErrorCode.FORBIDDEN,
            "署名権限がありません。管理者に、有効な電子証明書への紐付けを依頼してください。",
            "You have no signing authority. Ask an administrator to bind you to a valid signing certificate."),
    CONTRACT_NOT_ON_THIS_COMPUTER(ErrorCode.NOT_FOUND, "案件 %s はこのパソコンにありません。",
            "Contract %s is not on this computer."),
    ACCOUNT_NOT_SYNCED(ErrorCode.CONFLICT, "利用者情報がまだ同期されていません。オンラインで一度同期してください。",
            "Your account has not been synced yet. Sync once online first."),
    WRONG_CURRENT_PASSWORD(ErrorCode.LOGIN_FAILED, "現在のパスワードが違います。",
            "The current password is not correct."),
    AUDIT_DATES_REVERSED(ErrorCode.INVALID_FIELD, "開始日は終了日以前の日付にしてください。",
            "The start date must not be after the end date."),
    AUDIT_USER_UNKNOWN(ErrorCode.INVALID_FIELD, "実行者「%s」に当たる自社の利用者がいません。名前の一部か利用者IDを入れてください。",
            "No user of your company matches \"%s\". Enter part of a name or a user ID."),
    AUDIT_USER_AMBIGUOUS(ErrorCode.INVALID_FIELD, "実行者「%s」に当たる利用者が複数います: %s。名前をもう少し詳しく入れるか、利用者IDを入れてください。",
            "More than one user matches \"%s\": %s. Enter more of the name, or the user ID."),
    DATA_FOLDER_INVALID(ErrorCode.INVALID_FIELD, "フォルダーの指定が正しくありません: %s",
            "This is not a valid folder path: %s"),
    DATA_FOLDER_NOT_ABSOLUTE(ErrorCode.INVALID_FIELD,
            "データフォルダーは絶対パスで指定してください（例: /home/user/sitesign-data）。",
            "Give the data folder as an absolute path (e.g. /home/user/sitesign-data)."),
    DATA_FOLDER_IS_A_FILE(ErrorCode.INVALID_FIELD, "指定したパスはフォルダーではなくファイルです: %s",
            "The path is a file, not a folder: %s"),
    DATA_FOLDER_NOT_WRITABLE(ErrorCode.INVALID_FIELD,
            "このフォルダーには書き込めません。書き込み権限のあるフォルダーを選んでください: %s",
            "This folder cannot be written. Choose a folder you have write permission for: %s"),
    DOCUMENT_DAMAGED(ErrorCode.INVALID_DOCUMENT, "受信した文書が壊れていました。次の同期でもう一度受信します。",
            "The downloaded document was damaged; it will be downloaded again at the next sync."),
    SERVER_ANSWER_UNREADABLE(ErrorCode.INTERNAL, "サーバーの応答を読み取れませんでした。",
            "The server's answer could not be read: %s"),
    SERVER_ANSWER_UNEXPECTED(ErrorCode.INTERNAL, "サーバーが予期しない応答を返しました（HTTP %1$s）。",
            "The server answered unexpectedly (HTTP %1$s): %2$s"),
    SERVER_TRUST_ANCHORS_UNREADABLE(ErrorCode.INTERNAL, "サーバーの信頼する証明書を読み取れませんでした。",
            "The server's trust anchors could not be read: %s"),
    SERVER_TSA_URL_UNREADABLE(ErrorCode.INTERNAL, "サーバーのタイムスタンプサーバーのURLを読み取れませんでした。",
            "The server's timestamp server URL could not be read: %s"),
    SYNC_OFFLINE(null, "オフラインで作業中です。サーバーに接続できると自動で同期します。",
            "Working offline. Sync starts by itself once the server can be reached."),
    SYNC_SERVER_UNREACHABLE(null, "サーバーに接続できません。接続が戻ると自動で同期します。",
            "Cannot reach the server. Sync resumes automatically when the connection is back."),
    SERVER_UNREACHABLE(null, "サーバー %1$s に接続できません", "cannot reach %1$s: %2$s"),
    SERVER_CERTIFICATE_CHANGED(null, "サーバー証明書が、確認済みのものと異なります",
            "the server's certificate is not the one confirmed for this server"),
    ONLINE_ONLY(null, "オンライン時のみ利用できます", "available only while online"),
    NO_DISPLAY(null, "SiteSign の画面を表示できません: ディスプレイがありません（DISPLAY も WAYLAND_DISPLAY も未設定です）。"
            + "デスクトップのセッションで起動してください。署名と検証は画面なしのコマンドでも行えます（--help）。",
            "SiteSign cannot open its window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)."
            + " Start it in a desktop session; signing and verifying also work as commands without a window (--help)."),
    TOOLKIT_FAILED(null, "SiteSign の画面を表示できません: 画面表示の仕組み（JavaFX）を起動できませんでした（%s）。",
            "SiteSign cannot open its window: the display toolkit (JavaFX) did not start (%s)."),
    START_FAILED(null, "SiteSign の起動中に内部エラーが発生しました。以下の内容をサポートにお知らせください。",
            "SiteSign failed while starting; please send the following to support."),
    BULK_CANCELLED(null, "一括署名を中止したため、署名していません。", "Not signed: the bulk signing was stopped."),
    BULK_FAILED(null, "署名できませんでした（%s）。", "Could not be signed (%s).");

    private final ErrorCode code;
    private final String ja;
    private final String en;

    DesktopMessage(ErrorCode code, String ja, String en) {
        this.code = code;
        this.ja = ja;
        this.en = en;
    }

    /** The error code it is raised with; null for a sentence that is never raised as an error. */
    public ErrorCode code() {
        return code;
    }

    public String ja(Object... args) {
        return String.format(ja, args);
    }

    public String en(Object... args) {
        return String.format(en, args);
    }

    /** Both languages in one line, for a message that goes to the log or a stack trace rather than a screen. */
    public String bilingual(Object... args) {
        return ja(args) + " / " + en(args);
    }

    /** The failure with this message in both languages. */
    public SiteSignException exception(Object... args) {
        if (code == null) {
            throw new IllegalStateException(name() + " is not an error message");
        }
        return new SiteSignException(code, ja(args), en(args));
    }
}
