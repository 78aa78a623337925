/**
 * The SiteSign desktop app (JavaFX): views and view models per feature, the local encrypted store, the
 * sync engine, PDF preview and token signing. A skeleton until the desktop issues land.
 */
package jp.sitesign.desktop;
