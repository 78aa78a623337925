package jp.sitesign.server.config;

import jp.sitesign.model.error.CataloguedMessage;

/**
 * What the server's start-up set-up says, in Japanese and English, shaped like {@code SigningError}: one place for
 * the texts operators and scripts read. These stop the start before any request is served, so they carry no
 * {@code ErrorCode} and are printed as "日本語 / English"; the Japanese names the essentials ({@code %1$s}) and
 * the English adds the detail ({@code %2$s}) an operator needs to fix it.
 */
enum ConfigMessage implements CataloguedMessage {
    DATA_FOLDER_IN_USE("このデータフォルダではすでに SiteSign サーバー（pid %1$s）が動いています。",
            "Another SiteSign server (pid %1$s) is already serving the data folder %2$s: stop it first, or give this one"
                    + " a data folder of its own (several servers share a PostgreSQL database, each with its own"
                    + " --data-dir; the embedded H2 serves one process only).");

    private final Texts texts;

    ConfigMessage(String messageJa, String messageEn) {
        this.texts = new Texts(null, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }

    /** The line: the Japanese, a slash, and the English, with {@code args} filled in. */
    String line(Object... args) {
        return ja(args) + " / " + en(args);
    }
}
