package jp.sitesign.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 between the client and the server, for tests of broken connections. It forwards
 * bytes both ways untouched (TLS passes through, so the client still checks the real server certificate),
 * counts what the server sent, and — while told to — closes a connection once the server has sent
 * {@code limit} bytes on it since the cutting began, as a dropped mobile link would.
 */
final class CuttingProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final AtomicLong fromServer = new AtomicLong();
    private final AtomicLong cuts = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long limit = -1;
    private volatile long generation;

    CuttingProxy(int targetPort) {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, each connection is cut after the server sent it {@code bytes} more bytes. */
    void cutAfter(long bytes) {
        generation++;
        limit = bytes;
    }

    void stopCutting() {
        limit = -1;
    }

    /** Bytes the server sent through the proxy so far (TLS records included). */
    long bytesFromServer() {
        return fromServer.get();
    }

    /** How many connections the proxy has cut. */
    long cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 10_000);
                open.add(client);
                open.add(server);
                start(() -> pump(client, server, false), "proxy-up");
                start(() -> pump(server, client, true), "proxy-down");
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        byte[] buffer = new byte[16 * 1024];
        long seenGeneration = generation;
        long sentSinceArmed = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!downstream) {
                    out.write(buffer, 0, n);
                    out.flush();
                    continue;
                }
                long cutAt = limit;
                if (generation != seenGeneration) {
                    seenGeneration = generation;
                    sentSinceArmed = 0;
                }
                int pass = n;
                if (cutAt >= 0 && sentSinceArmed + n > cutAt) {
                    pass = (int) Math.max(0, cutAt - sentSinceArmed);
                }
                out.write(buffer, 0, pass);
                out.flush();
                fromServer.addAndGet(pass);
                sentSinceArmed += pass;
                if (pass < n) {
                    cuts.incrementAndGet();
                    break;
                }
            }
        } catch (SocketException e) {
            // the other side closed, or we cut it: either way this relay is done
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(CuttingProxy::closeQuietly);
    }
}
