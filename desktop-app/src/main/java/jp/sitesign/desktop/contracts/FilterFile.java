package jp.sitesign.desktop.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The user's contract-list filters, kept in a small file in the user's own store folder (one folder per
 * server and user), so the next login shows the list as it was left.
 */
public final class FilterFile {
    static final String NAME = "contract-filters.properties";

    private final Path file;

    public FilterFile(Path storeFolder) {
        this.file = storeFolder.resolve(NAME);
    }

    /** The saved filters, or none when nothing was saved yet. */
    public ContractFilter load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return ContractFilter.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return ContractFilter.fromProperties(p);
    }

    /** Replaces the file in one step, so a crash leaves the old filters or the new ones. */
    public void save(ContractFilter filter) {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            filter.toProperties().store(out, "SiteSign contract list filters");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
