package jp.sitesign.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import jp.sitesign.server.testing.ApiClient;

/**
 * Clients that send a login's head and the start of its body, then nothing. Each holds one connection; when
 * the server gives up on it (408) it opens another, so the given number stay stalled throughout.
 */
final class StalledBodies implements AutoCloseable {
    private static final String HEAD = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"userId\":";

    private final SSLSocketFactory sockets;
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger open = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private final List<Socket> current = new ArrayList<>();

    private StalledBodies(int port, X509Certificate certificate) {
        this.port = port;
        this.sockets = ApiClient.pinned(certificate).getSocketFactory();
    }

    static StalledBodies open(int port, X509Certificate certificate, int count) {
        StalledBodies s = new StalledBodies(port, certificate);
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(s::stallAgainAndAgain, "stalled-" + i);
            t.setDaemon(true);
            s.clients.add(t);
            t.start();
        }
        while (s.open.get() < count) {
            Thread.onSpinWait();
        }
        return s;
    }

    int open() {
        return open.get();
    }

    private void stallAgainAndAgain() {
        while (running.get()) {
            try (Socket socket = sockets.createSocket("127.0.0.1", port)) {
                synchronized (current) {
                    current.add(socket);
                }
                socket.getOutputStream().write(HEAD.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                open.incrementAndGet();
                try {
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // the server's answer (408) and its closing of the connection
                    }
                } finally {
                    open.decrementAndGet();
                    synchronized (current) {
                        current.remove(socket);
                    }
                }
            } catch (IOException e) {
                if (running.get()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        synchronized (current) {
            for (Socket s : current) {
                try {
                    s.close();
                } catch (IOException e) {
                    // already closed by the server
                }
            }
        }
    }
}
