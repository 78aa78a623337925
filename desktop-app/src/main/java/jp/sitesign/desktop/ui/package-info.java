/**
 * What every screen shares, below the features: the texts in Japanese and English
 * ({@link jp.sitesign.desktop.ui.I18n}, {@link jp.sitesign.desktop.ui.Language}),
 * {@link jp.sitesign.desktop.ui.ViewLoader} for the View / ViewModel / FXML triplets, dates in the chosen
 * style ({@link jp.sitesign.desktop.ui.DateDisplay}), the sync state the status bar shows
 * ({@link jp.sitesign.desktop.ui.SyncStatus}) and the way screens ask for files. It imports no feature
 * package, so the features can all use it without tying each other into a cycle (ArchitectureTest).
 */
package jp.sitesign.desktop.ui;
