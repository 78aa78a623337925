package jp.sitesign.server.config;

/**
 * What the server's start-up set-up says, in Japanese and English, shaped like {@code SigningError}: one place for
 * the texts operators and scripts read. These stop the start before any request is served, so they carry no
 * {@code ErrorCode} and are printed as "日本語 / English"; the Japanese names the essentials ({@code %1$s}) and
 * the English adds the detail ({@code %2$s}) an operator needs to fix it.
 */
enum ConfigMessage {
    DATA_FOLDER_IN_USE("このデータフォルダではすでに SiteSign サーバー（pid %1$s）が動いています。",
            "Another SiteSign server (pid %1$s) is already serving the data folder %2$s: stop it first, or give this one"
                    + " a data folder of its own (several servers share a PostgreSQL database, each with its own"
                    + " --data-dir; the embedded H2 serves one process only).");

    private final String messageJa;
    private final String messageEn;

    ConfigMessage(String messageJa, String messageEn) {
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    /** The line: the Japanese, a slash, and the English, with {@code args} filled in. */
    String line(Object... args) {
        return String.format(messageJa, args) + " / " + String.format(messageEn, args);
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
