/** The service notices (お知らせ): the list, the unread count, and marking one read when it is opened. */
package jp.sitesign.desktop.notices;
