package jp.sitesign.server.audit;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the audit log features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum AuditMessage implements CataloguedMessage {
    TIMESTAMP_FAILED(ErrorCode.INTERNAL, "監査ログのタイムスタンプを TSA %s から取得できませんでした。TSA の稼働と tsa.url を確認してください。（%s）",
            "The audit log could not be timestamped by the TSA %s. Check that the TSA is up and tsa.url is right. (%s)"),
    BROKEN_NO_PURGE(ErrorCode.CONFLICT, "監査ログが改ざんされているため、保存期間を過ぎたイベントを削除しません: %s",
            "The audit log is broken, so no events past retention are cut (that would destroy the evidence): %s");

    private final Texts texts;

    AuditMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
