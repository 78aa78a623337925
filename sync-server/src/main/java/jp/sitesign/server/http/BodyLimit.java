package jp.sitesign.server.http;

import java.util.Locale;
import jp.sitesign.model.error.SiteSignException;

/**
 * How large a request body may be: PDF uploads ({@code application/pdf}) have their own, larger limit;
 * every other body (JSON, upload chunks) the small one. {@link BodyGate} enforces it while the body
 * arrives, on the declared Content-Length and on the bytes of a chunked body alike.
 */
public record BodyLimit(long maxBytes, long maxDocumentBytes) {
    private static final String PDF = "application/pdf";

    /** The limit for a body of this Content-Type (null or unparsable: the small one). */
    public long maxFor(String contentType) {
        if (contentType == null) {
            return maxBytes;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return PDF.equals(type.toLowerCase(Locale.ROOT)) ? maxDocumentBytes : maxBytes;
    }

    static SiteSignException tooLarge(long maxBytes) {
        return HttpMessage.BODY_TOO_LARGE.exception(maxBytes);
    }
}
