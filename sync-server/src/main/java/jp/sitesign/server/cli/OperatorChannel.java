package jp.sitesign.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jp.sitesign.server.ServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an operator command reaches a running server: {@code serve} listens on a Unix domain socket in its
 * data folder ({@code operator.sock}; the folder is the owner's only, so is the socket), and the command
 * line, finding it answer, hands its arguments over and prints what the server's run of the command said.
 * The command then runs inside the server, on its open database — the embedded H2 cannot be opened by a
 * second process — exactly as it would offline.
 */
final class OperatorChannel implements AutoCloseable {
    static final String SOCKET = "operator.sock";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread acceptor;

    private OperatorChannel(ServerSocketChannel server, Path socket, ServerContext context) {
        this.server = server;
        this.socket = socket;
        this.acceptor = new Thread(() -> serve(context), "sitesign-operator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A request: the command line and the folder it was typed in (relative paths are resolved there). */
    record Request(List<String> args, String cwd) {
    }

    /** What the command printed and its exit code. */
    record Answer(String out, String err, int exit) {
    }

    /** Listens in the data folder; a socket file left by a server that died is replaced. */
    static OperatorChannel listen(Path dataDir, ServerContext context) {
        Path socket = dataDir.toAbsolutePath().resolve(SOCKET);
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            if (socket.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return new OperatorChannel(server, socket, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for operator commands on " + socket, e);
        }
    }

    private void serve(ServerContext context) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                Request request = JSON.readValue(readAll(Channels.newInputStream(client)), Request.class);
                LOG.info("operator command: {}", request.args().isEmpty() ? "" : request.args().get(0) + " "
                        + (request.args().size() > 1 ? request.args().get(1) : ""));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = ServerCli.runAttached(request.args().toArray(String[]::new), Path.of(request.cwd()),
                        context, new PrintWriter(out, true), new PrintWriter(err, true));
                OutputStream reply = Channels.newOutputStream(client);
                reply.write(JSON.writeValueAsBytes(new Answer(out.toString(), err.toString(), exit)));
                reply.flush();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("an operator command could not be answered: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * Runs the command in the server listening on the data folder, if one does; empty when none answers
     * (the command then runs here, on the stopped folder).
     */
    static Optional<Answer> forward(Path dataDir, List<String> args) {
        Path socket = dataDir.toAbsolutePath().resolve(SOCKET);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException nobodyThere) {
                return Optional.empty();
            }
            byte[] request = JSON.writeValueAsBytes(new Request(args, Path.of("").toAbsolutePath().toString()));
            Channels.newOutputStream(channel).write(request);
            channel.shutdownOutput();
            return Optional.of(JSON.readValue(readAll(Channels.newInputStream(channel)), Answer.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the running server did not answer the command: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", socket, e.getMessage());
        }
    }
}
