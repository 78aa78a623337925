/**
 * The SiteSign desktop app: {@link jp.sitesign.desktop.Launcher} runs the headless commands
 * ({@code cli}) or opens the JavaFX window ({@code app}); one package per feature holds its View /
 * ViewModel / FXML triplet ({@code main}, {@code preview}, {@code settings}, …); {@code store} is the
 * local encrypted store.
 */
package jp.sitesign.desktop;
