package jp.sitesign.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import jp.sitesign.model.error.ErrorBody;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The error answers given below Jersey, where {@link ErrorMapper} cannot reach: a body refused before the
 * request runs, a URL Jersey cannot parse, and Grizzly's own errors (as its error page "generator", and
 * through {@link StrictHttpCodec}). The same JSON body as every other error, and nothing that names the
 * server software, its version or an exception.
 */
final class RawAnswers implements ErrorPageGenerator {
    static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final ObjectMapper JSON = JsonMapper.create();

    /** The code for a status Grizzly chose on its own. */
    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 503 -> ErrorCode.SERVER_BUSY;
            default -> status >= 500 && status != 505 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
    }

    static byte[] json(ErrorBody body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serializable", e);
        }
    }

    /** Answers a request Jersey has not seen, with the refusal's status and JSON body. */
    static void send(Response response, SiteSignException refusal) throws IOException {
        byte[] body = json(ErrorBody.of(refusal));
        response.setStatus(refusal.code().httpStatus());
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        SecurityHeaders.apply(response::setHeader);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        // Grizzly writes the page as text/html unless a type is set already; it has logged any exception.
        request.getResponse().setContentType(CONTENT_TYPE);
        SecurityHeaders.apply(request.getResponse()::setHeader);
        return new String(json(ErrorBody.of(forStatus(status))), StandardCharsets.UTF_8);
    }
}
