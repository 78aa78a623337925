package jp.sitesign.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Refuses a JSON body that is not well-formed UTF-8 before Jackson reads it. Jackson's own decoder
 * takes overlong forms ({@code C0 AF} read as "/") and encoded surrogates, which would store text no
 * client meant to send and no strict UTF-8 reader (PostgreSQL, the desktop app) accepts. The body is
 * already bounded by {@link BodyLimit}, so holding it in memory once is safe.
 */
@Priority(Priorities.ENTITY_CODER)
public final class StrictUtf8 implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new SiteSignException(ErrorCode.INVALID_ENCODING);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
