package jp.sitesign.server.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream of an open ZIP entry for a writer that closes what it is given (a CSV writer, a nested
 * export): closing it only flushes, so the ZIP goes on to its next entry.
 */
public final class ZipEntryStream extends FilterOutputStream {
    public ZipEntryStream(OutputStream zip) {
        super(zip);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
