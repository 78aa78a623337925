package jp.sitesign.server.metrics;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the metrics features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum MetricsMessage implements CataloguedMessage {
    ADDRESS_NOT_ALLOWED(ErrorCode.FORBIDDEN, "このアドレスからはメトリクスを取得できません（metrics.allow）。",
            "Metrics are not available from this address (metrics.allow).");

    private final Texts texts;

    MetricsMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
