/**
 * The user's preferences on this computer (language, date style, token libraries, signing level, data
 * folder), their file and the settings screen. The list of known PKCS#11 libraries lives here
 * ({@link jp.sitesign.desktop.settings.TokenLibraries}): signing reads the settings, not the other way.
 */
package jp.sitesign.desktop.settings;
