package jp.sitesign.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.CharConversionException;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sitesign.model.error.ErrorBody;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: a status, a stable code and a message in both
 * languages. Nothing internal (stack traces, SQL, class names) reaches the client; unexpected errors
 * are logged once here with an id the client also gets.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        ErrorBody body = describe(t);
        Response.ResponseBuilder answer = Response.status(ErrorCode.valueOf(body.code()).httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body);
        RetryLater later = cause(t, RetryLater.class);
        if (later != null) {
            answer.header("Retry-After", later.retryAfterSeconds());
        }
        return answer.build();
    }

    private ErrorBody describe(Throwable t) {
        SiteSignException known = cause(t, SiteSignException.class);
        if (known != null) {
            return ErrorBody.of(known);
        }
        Throwable json = jsonCause(t);
        if (json != null) {
            return json(json);
        }
        if (t instanceof NotFoundException) {
            return ErrorBody.of(ErrorCode.NOT_FOUND);
        }
        if (t instanceof NotAllowedException) {
            return ErrorBody.of(ErrorCode.METHOD_NOT_ALLOWED);
        }
        if (t instanceof NotSupportedException) {
            return ErrorBody.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return status == 413 ? ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE)
                    : status == 401 ? ErrorBody.of(ErrorCode.UNAUTHENTICATED)
                    : ErrorBody.of(ErrorCode.BAD_REQUEST);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected failure, incident {}", incident, t);
        ErrorCode c = ErrorCode.INTERNAL;
        return new ErrorBody(c.name(), HttpMessage.INCIDENT.ja(c.messageJa(), incident),
                HttpMessage.INCIDENT.en(c.messageEn(), incident), null);
    }

    /** The first throwable of this type in the chain (async answers arrive wrapped in CompletionException). */
    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static Throwable jsonCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException || c instanceof CharConversionException) {
                return c;
            }
        }
        return null;
    }

    /** A field's refusal as an answer body naming the field. */
    private static ErrorBody body(HttpMessage m, String field) {
        return new ErrorBody(m.code().name(), m.ja(field), m.en(field), field);
    }

    private static ErrorBody json(Throwable t) {
        if (t instanceof UnrecognizedPropertyException u) {
            return body(HttpMessage.UNKNOWN_FIELD, u.getPropertyName());
        }
        if (t instanceof CharConversionException || isEncoding(t)) {
            return ErrorBody.of(ErrorCode.INVALID_ENCODING);
        }
        if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return body(HttpMessage.FIELD_MALFORMED, field);
        }
        if (t instanceof JsonParseException || t instanceof JsonEOFException) {
            return ErrorBody.of(ErrorCode.MALFORMED_JSON);
        }
        return ErrorBody.of(ErrorCode.MALFORMED_JSON);
    }

    private static boolean isEncoding(Throwable t) {
        String m = t.getMessage();
        return m != null && (m.contains("Invalid UTF-8") || m.contains("UTF8") || m.contains("Invalid UTF"));
    }
}
