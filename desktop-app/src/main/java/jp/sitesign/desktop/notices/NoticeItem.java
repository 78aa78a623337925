package jp.sitesign.desktop.notices;

/**
 * One notice as the list shows it.
 *
 * @param category the category in the window's language
 * @param date     publication time in JST
 * @param read     read on the server, or opened here and the read mark not yet sent
 */
public record NoticeItem(long id, String category, String title, String body, String date, boolean read) {
}
