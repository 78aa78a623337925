/**
 * The desktop app's local store (DESIGN §4, §5): one AES-encrypted H2 file per (server, user) under
 * {@link jp.sitesign.desktop.store.DataHome}, its random key wrapped by the user's password in an
 * owner-only key file. {@link jp.sitesign.desktop.store.LocalStores} logs in and returns a
 * {@link jp.sitesign.desktop.store.StoreSession}: change-feed pages applied atomically with their checkpoint,
 * the durable {@link jp.sitesign.desktop.store.Outbox}, PDFs by SHA-256 ({@link jp.sitesign.desktop.store.Blobs}),
 * and {@link jp.sitesign.desktop.store.LocalContracts}, the server's snapshots with the user's pending draft
 * work laid over them, searched with the server's own {@code ContractQuery}. Headless: no JavaFX here.
 */
package jp.sitesign.desktop.store;
