/**
 * The way into the app: first run (server address and its certificate's fingerprint, pinned), login
 * online or offline, the forced password change, and logout back to the login.
 */
package jp.sitesign.desktop.login;
