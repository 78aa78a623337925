package jp.sitesign.model.notice;

import java.time.Instant;
import java.util.Objects;

/** お知らせ: a service announcement published by the operator and listed to every user. */
public record Notice(long id, NoticeCategory category, String title, String body, Instant publishedAt) {
    public Notice {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
