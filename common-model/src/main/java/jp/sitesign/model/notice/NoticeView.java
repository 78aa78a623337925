package jp.sitesign.model.notice;

import java.time.Instant;

/** A notice with its read state for the user who asks: what the API and the sync feed carry. */
public record NoticeView(long id, NoticeCategory category, String categoryLabel, String title, String body,
        Instant publishedAt, boolean read) {

    public static NoticeView of(Notice n, boolean read) {
        return new NoticeView(n.id(), n.category(), n.category().labelJa(), n.title(), n.body(), n.publishedAt(),
                read);
    }
}
