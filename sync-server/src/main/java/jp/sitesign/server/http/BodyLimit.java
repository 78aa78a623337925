package jp.sitesign.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Refuses request bodies over the configured size with 413, both when Content-Length says so up front
 * and when a chunked body grows past it while being read. PDF uploads ({@code application/pdf}) have
 * their own, larger limit; every other body (JSON) the small one.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimit implements ContainerRequestFilter {
    private static final MediaType PDF = new MediaType("application", "pdf");

    private final long maxBytes;
    private final long maxDocumentBytes;

    public BodyLimit(long maxBytes, long maxDocumentBytes) {
        this.maxBytes = maxBytes;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        long max = type != null && PDF.isCompatible(type) ? maxDocumentBytes : maxBytes;
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    private static SiteSignException tooLarge(long maxBytes) {
        return new SiteSignException(ErrorCode.PAYLOAD_TOO_LARGE,
                "送信されたデータが大きすぎます（上限 " + maxBytes + " バイト）。",
                "The request body is too large (limit " + maxBytes + " bytes).");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long remaining;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
            this.remaining = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge(max);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge(max);
                }
            }
            return n;
        }
    }
}
