package jp.sitesign.desktop.settings;

import java.nio.file.Path;

/**
 * One PKCS#11 library in the settings list, as shown: its path, what users call it (from the known
 * libraries, else empty) and whether the file is on this computer.
 */
public record TokenLibraryRow(Path path, String name, boolean installed) {
}
