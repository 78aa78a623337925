/** The main window shell: navigation, the open section, the sync status bar and the notices badge. */
package jp.sitesign.desktop.main;
