package jp.sitesign.desktop.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.sitesign.model.signature.testing.TestPdfs;

/** Generated PDFs on disk for the preview tests. */
final class TestDocuments {
    private TestDocuments() {
    }

    static Path pages(Path dir, int pages) {
        try {
            return Files.write(dir.resolve(pages + "-pages.pdf"), TestPdfs.multiPage(pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
