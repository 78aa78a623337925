package jp.sitesign.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The server's data folder: database, keys, certificate, backups. Owner-only where the OS allows. */
public final class DataDir {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataDir() {
    }

    /** {@code ~/.sitesign/server}, unless {@code SITESIGN_DATA_DIR} says otherwise. */
    public static Path defaultLocation() {
        String env = System.getenv("SITESIGN_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".sitesign", "server");
    }

    /**
     * Creates the folder if missing and makes it owner-only (rwx------) either way: it holds the master
     * key and the database, and files inside inherit no protection of their own.
     */
    public static Path ensure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            restrictDirectory(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
    }

    /** Writes a file readable and writable by the owner only (0600), atomically. */
    public static void writeSecret(Path file, byte[] content) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (POSIX) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            }
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictDirectory(Path dir) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
