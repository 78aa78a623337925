package jp.sitesign.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real server in a process of its own ({@code ServerCli serve}), so a test can kill it with SIGKILL
 * and start it again on the same data folder and database.
 */
public final class ServerProcess implements AutoCloseable {
    private static final java.util.regex.Pattern LISTENING =
            java.util.regex.Pattern.compile("listening on https://[^:]+:(\\d+)");
    private final Process process;
    private int port;
    private final StringBuilder output = new StringBuilder();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code serve} on the data folder and waits until it listens (or fails with its output). On a free
     * port this method picks, unless {@code extraArgs} name {@code --port}: then the port the server prints.
     */
    public static ServerProcess start(Path dataDir, String... extraArgs) {
        boolean ownPort = List.of(extraArgs).contains("--port");
        int port = ownPort ? 0 : freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "jp.sitesign.server.cli.ServerCli", "serve", "--data-dir", dataDir.toString()));
        if (!ownPort) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        command.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            ServerProcess s = new ServerProcess(pb.start(), port);
            s.awaitListening();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            synchronized (output) {
                output.append(line).append('\n');
            }
            java.util.regex.Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
            if (line.startsWith("Press Ctrl+C")) {
                CompletableFuture.runAsync(() -> drain(lines));
                return;
            }
        }
        throw new IllegalStateException("the server process ended before listening:\n" + output);
    }

    private void drain(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public ApiClient api(X509Certificate certificate) {
        return new ApiClient("https://127.0.0.1:" + port, certificate);
    }

    /** SIGKILL: no shutdown hook, no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an operator's service manager stops the server; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (after {@link #terminate()}) and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
