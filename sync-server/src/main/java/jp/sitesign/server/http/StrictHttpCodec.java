package jp.sitesign.server.http;

import jp.sitesign.model.error.ErrorBody;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 parser, stricter in one place and with our error body. A header line without a colon
 * is refused with 400 at once: Grizzly kept reading the following lines as part of its name, looking for
 * the colon, and waited for more bytes until the keep-alive timeout closed the connection. The answers the
 * parser gives itself (400, 505) carry the JSON error body of every other answer.
 */
final class StrictHttpCodec extends HttpServerFilter {

    @SuppressWarnings("deprecation") // the constructor Grizzly's own HttpServer uses for this filter
    private StrictHttpCodec(HttpServerFilter replaced, NetworkListener listener) {
        super(listener.isChunkingEnabled(), listener.getMaxHttpHeaderSize(), null, listener.getKeepAlive(), null,
                listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        setAllowPayloadForUndefinedHttpMethods(replaced.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(replaced.getMaxPayloadRemainderToSkip());
    }

    /** Puts this parser in the place of Grizzly's in a listener's filter chain (the listener's settings kept). */
    static AddOn addOn() {
        return (listener, chain) -> {
            int at = chain.indexOfType(HttpServerFilter.class);
            chain.set(at, new StrictHttpCodec((HttpServerFilter) chain.get(at), listener));
        };
    }

    @Override
    protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state, byte[] input,
            int end) {
        int limit = Math.min(end, state.arrayOffset + state.packetLimit);
        for (int i = state.arrayOffset + state.offset; i < limit && input[i] != ':'; i++) {
            refuseLineEnd(input[i]);
        }
        return super.parseHeaderName(header, headers, state, input, end);
    }

    @Override
    protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state, Buffer input) {
        int limit = Math.min(input.limit(), state.packetLimit);
        for (int i = state.offset; i < limit && input.get(i) != ':'; i++) {
            refuseLineEnd(input.get(i));
        }
        return super.parseHeaderName(header, headers, state, input);
    }

    /** Grizzly turns an exception while parsing the head into a 400 answer and closes the connection. */
    private static void refuseLineEnd(byte b) {
        if (b == '\r' || b == '\n') {
            throw new IllegalStateException("a header line without a colon");
        }
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        byte[] body = RawAnswers.json(ErrorBody.of(RawAnswers.forStatus(response.getStatus())));
        response.setContentType(RawAnswers.CONTENT_TYPE);
        response.setContentLength(body.length);
        SecurityHeaders.apply(response::setHeader);
        return HttpContent.builder(response).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true).build();
    }
}
