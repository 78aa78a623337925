/**
 * The desktop's catalogue of messages that are not window texts: failures the desktop itself raises (as
 * {@link jp.sitesign.model.error.SiteSignException}s with both languages, like the server's) and the sync
 * state's sentences. It imports no other desktop package, so the store and sync layers use it too; the
 * window's own texts are the {@code i18n/messages} bundles, and {@code ui.Language} picks the language.
 */
package jp.sitesign.desktop.messages;
