package jp.sitesign.server.http;

import java.net.URISyntaxException;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;

/**
 * Grizzly's one handler: runs each request through {@link BodyGate} (a worker only once the body is in),
 * answers what was settled before Jersey could run it, and hands everything else to Jersey.
 */
final class ApiHandler extends HttpHandler {
    /** Up to how large a refused declared body is still drained so that its sender reads the answer. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private final GrizzlyHttpContainer jersey;
    private final BodyGate gate;

    ApiHandler(GrizzlyHttpContainer jersey, BodyGate gate) {
        super("sitesign-api");
        this.jersey = jersey;
        this.gate = gate;
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return gate;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        SiteSignException refusal = BodyGate.refusal(request);
        if (refusal != null) {
            long declared = request.getContentLengthLong();
            if (declared < 0 || declared > DRAIN_LIMIT || refusal.code() != ErrorCode.PAYLOAD_TOO_LARGE) {
                // The rest of the body will not be read: the connection closes after the answer instead of
                // waiting to skip bytes that may never come, and the answer says so.
                request.getRequest().setContentBroken(true);
                response.setHeader(Header.Connection, "close");
            }
            // A declared body a little over the limit is read and dropped after the answer (Grizzly skips it):
            // closing with those bytes unread makes the kernel reset the connection, and the client, still
            // sending, loses the answer (BadInputIT saw it).
            RawAnswers.send(response, refusal);
            return;
        }
        try {
            jersey.service(request, response);
        } catch (IllegalArgumentException e) {
            // Jersey parses the URL (a lone '%', a '{') before any of its error handling exists.
            if (!(e.getCause() instanceof URISyntaxException) || response.isCommitted()) {
                throw e;
            }
            RawAnswers.send(response, new SiteSignException(ErrorCode.MALFORMED_URL));
        }
    }
}
