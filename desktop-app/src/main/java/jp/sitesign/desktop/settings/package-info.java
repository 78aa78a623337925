/** The user's preferences on this computer (language so far), their file and the settings screen. */
package jp.sitesign.desktop.settings;
