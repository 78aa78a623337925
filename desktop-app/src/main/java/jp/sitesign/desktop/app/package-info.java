/**
 * What every screen shares: the JavaFX application and its start from the launcher (with a clear message
 * where there is no display), the texts in Japanese and English ({@link jp.sitesign.desktop.app.I18n}),
 * {@link jp.sitesign.desktop.app.ViewLoader} for the View / ViewModel / FXML triplets of the feature
 * packages, the window's assembly ({@link jp.sitesign.desktop.app.AppShell}) and
 * {@link jp.sitesign.desktop.app.SyncStatus}, the sync state the status bar shows.
 */
package jp.sitesign.desktop.app;
