package jp.sitesign.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import jp.sitesign.server.testing.ApiClient;

/**
 * Hand-written HTTP/1.1 over TLS, for requests a well-behaved client will not send: chunked bodies of
 * any size, oversized headers, hundreds of headers. One request per connection ({@code Connection: close}).
 */
public final class RawHttps {
    private final int port;
    private final X509Certificate certificate;
    /** The client's own address (another loopback address, 127.0.0.2), or null for the system's choice. */
    private final InetAddress local;

    public RawHttps(int port, X509Certificate certificate) {
        this(port, certificate, null);
    }

    /**
     * Connects from the {@code local} address (e.g. 127.0.0.2, another loopback address), so the server sees
     * the request come from there; null for the system's choice.
     */
    public RawHttps(int port, X509Certificate certificate, InetAddress local) {
        this.port = port;
        this.certificate = certificate;
        this.local = local;
    }

    /** The same server, reached from {@code address} (e.g. 127.0.0.2: another client of this machine). */
    public RawHttps from(String address) {
        try {
            return new RawHttps(port, certificate, InetAddress.getByName(address));
        } catch (java.net.UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the request head (request line and headers, without the blank line) and, if given, the body
     * in chunks; returns the answer, or {@link Answer#closed()} when the server just hung up.
     */
    public Answer send(String head, byte[] chunkedBody) {
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\nConnection: close\r\n"
                        + (chunkedBody == null ? "" : "Transfer-Encoding: chunked\r\n") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                if (chunkedBody != null) {
                    writeChunked(out, chunkedBody);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything; read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection the test writes to piece by piece: a body that stalls, a head sent exactly as given. */
    Conversation open() {
        try {
            return new Conversation(connect());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SSLSocket connect() throws IOException {
        SSLSocket socket = (SSLSocket) ApiClient.pinned(certificate).getSocketFactory().createSocket(
                InetAddress.getByName("127.0.0.1"), port, local, 0);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    /** One open connection; its bytes go out exactly as written. */
    static final class Conversation implements AutoCloseable {
        private final SSLSocket socket;

        private Conversation(SSLSocket socket) {
            this.socket = socket;
        }

        Conversation write(String text) {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        Conversation write(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads the interim "100 Continue" answer to a request sent with {@code Expect: 100-continue}. */
        Conversation awaitContinue() {
            try {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IllegalStateException("closed instead of 100 Continue: " + head);
                    }
                    head.append((char) b);
                }
                if (!head.toString().startsWith("HTTP/1.1 100")) {
                    throw new IllegalStateException("not 100 Continue: " + head);
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whatever the server answers until it closes the connection (or stays silent for 30 s). */
        Answer answer() {
            try {
                return parse(readAll(socket.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * True when nothing at all has arrived from the server yet. It looks for a moment only, so it
         * proves silence only where the server has no reason to answer (its timeouts are far away).
         */
        boolean silentSoFar() {
            try {
                socket.setSoTimeout(200);
                try {
                    socket.getInputStream().read();
                    return false; // a byte, or the end of the stream: the server answered or hung up
                } catch (java.net.SocketTimeoutException e) {
                    return true;
                } finally {
                    socket.setSoTimeout(30_000);
                }
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection the server may have closed already
            }
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 8192;
        for (int off = 0; off < body.length; off += chunk) {
            int n = Math.min(chunk, body.length - off);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, off, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                all.write(buf, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer (or instead of one): keep whatever arrived.
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (raw.length == 0 || end < 0 || !text.startsWith("HTTP/")) {
            return new Answer(-1, Map.of(), raw);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A status (-1 when the connection was closed without an HTTP answer), lower-case headers, the body. */
    public record Answer(int status, Map<String, String> headers, byte[] bytes) {
        boolean closed() {
            return status < 0;
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return closed() ? "(closed without an HTTP answer)" : status + " " + headers + " " + body();
        }
    }
}
