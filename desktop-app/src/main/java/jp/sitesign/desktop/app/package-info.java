/**
 * The composition root: the JavaFX application and its start from the launcher (with a clear message where
 * there is no display), {@link jp.sitesign.desktop.app.EntryFlow}, which screen the window shows (first
 * run, login, password change, main window), and {@link jp.sitesign.desktop.app.AppShell}, the main
 * window's assembly of the feature screens. Nothing below imports this package; what every screen shares
 * lives in {@code ui}.
 */
package jp.sitesign.desktop.app;
