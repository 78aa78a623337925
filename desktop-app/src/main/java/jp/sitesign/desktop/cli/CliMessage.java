package jp.sitesign.desktop.cli;

/**
 * Every sentence the command line prints, in Japanese and English, in one place like the window's
 * {@code DesktopMessage}: a wording fix touches this file only. A terminal shows both languages, Japanese
 * first, because scripts and their readers may be in either; the {@code %s} placeholders are filled in
 * order (or {@code %1$s} by position).
 */
enum CliMessage {
    ERROR("エラー: %s", "Error: %s"),
    SKIPPED_WOULD_OVERWRITE("スキップ（入力を上書きしません）: %s", "skipped (would overwrite the input): %s"),
    SIGNED("署名しました: %s", "signed: %s"),
    NOT_SIGNED("署名できません: %s: %s", "not signed: %s: %s"),
    CANNOT_READ_OR_WRITE("読み書きできません: %s: %s", "cannot read or write: %s: %s"),
    PROGRESS("進捗 %s / %s 件（%s 件/秒）", "progress %s / %s files (%s/s)"),
    SIGNED_COUNT("%s / %s 件に署名しました", "%s / %s signed"),
    UNKNOWN_LEVEL("署名レベルが不明です: %s（%s のいずれか）", "Unknown signature level: %s (one of %s)"),
    LEVEL_NEEDS_TSA("%s にはタイムスタンプサーバー（--tsa）が必要です。", "%s needs a timestamp server (--tsa)."),
    ONE_SLOT_CHOICE("--slot-index と --token-label のどちらか一方を指定してください。",
            "Give exactly one of --slot-index and --token-label."),
    SEAL_NEEDS_PAGE_AND_PLACE("印影を付けるには --seal-page と --seal-at の両方を指定してください。",
            "Give both --seal-page and --seal-at to show the seal."),
    SEAL_PLACE_INVALID("--seal-page は 1 以上、--seal-at は X,Y（PDF のポイント）で指定してください。",
            "--seal-page must be 1 or more, and --seal-at X,Y in PDF points."),
    NO_SEAL_FONT("印影の文字に使う IPA ゴシックが見つかりません（apt-get install fonts-ipafont-gothic）。",
            "IPA Gothic, which the seal's text is drawn with, is not installed (apt-get install fonts-ipafont-gothic)."),
    SECRET_NOT_SET("環境変数 %s に PIN／パスワードが設定されていません。",
            "Environment variable %s holding the PIN or password is not set."),
    SERVER_ADDRESS_NOT_HTTPS("サーバーのアドレスは https://ホスト:ポート で指定してください。",
            "The server address must be https://host:port."),
    NOT_A_CERTIFICATE("証明書を読み込めません: %s", "not a certificate: %s"),
    SERVER_RECORDED("サーバーを登録しました: %s（%s）", "server recorded: %s (%s)"),
    CANNOT_READ("読み込めません: %s", "cannot read: %s"),
    CANNOT_READ_TRUST_ANCHOR("信頼する証明書を読み込めません: %s", "cannot read a trust anchor: %s"),
    CANNOT_VERIFY("検証できません: %s", "cannot verify: %s"),
    CANNOT_READ_FILE("ファイルを読み込めません: %s", "cannot read the file: %s"),
    CANNOT_READ_CA_ANCHOR("信頼する CA 証明書を読み込めません: %s: %s", "cannot read the trust anchor %s: %s");

    private final String ja;
    private final String en;

    CliMessage(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    String ja(Object... args) {
        return String.format(ja, args);
    }

    String en(Object... args) {
        return String.format(en, args);
    }

    /** Both languages on one line, for results and per-file outcomes. */
    String line(Object... args) {
        return ja(args) + " / " + en(args);
    }

    /** Both languages on two lines, for a mistake the user must fix before anything runs. */
    String twoLines(Object... args) {
        return ja(args) + System.lineSeparator() + en(args);
    }

    /** The usage mistake this message describes (exit code 2). */
    DesktopCli.UsageProblem usage(Object... args) {
        return new DesktopCli.UsageProblem(this, args);
    }
}
