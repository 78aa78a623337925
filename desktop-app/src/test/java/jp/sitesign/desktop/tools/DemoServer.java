package jp.sitesign.desktop.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.server.demo.DemoData;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestServer;

/**
 * The server of {@code ./sitesign demo}, in-process on loopback: demo mode with its demo data (two companies,
 * DEMO signing keys, a contract in every status), and the printed demo logins read back from the text a
 * newcomer sees, so whatever uses it relies only on what that text says.
 */
public final class DemoServer implements AutoCloseable {
    private static final Pattern COMPANY = Pattern.compile("^DEMO (発注者|受注者) (C\\d{8}) (.+)$");
    private static final Pattern USER = Pattern.compile("^  (責任者 OWNER|管理者 ADMIN|一般 MEMBER)\\s+(U\\d{8})"
            + "  password: (\\S+)  (.+?)\\s*(?:署名鍵 key: (\\S+)  PIN: (\\S+)  \\((JC-\\d+)\\))?$");
    private static final Pattern SIGN = Pattern.compile("^Sign (\\S+) as (.+) \\((U\\d{8})\\) with their key.*$");
    private static final Pattern TOKENS = Pattern.compile("^DEMO signing keys: PKCS#12 files in (.+), key alias \"(.+)\",.*$");

    /** One printed login: side 発注者/受注者, role as printed, and the signing key file and PIN if any. */
    public record Login(String side, String company, String role, String userId, String password, String name,
            Path p12, String pin) {
        public boolean signs() {
            return p12 != null;
        }
    }

    /** One printed "Sign DEMO-… as …" line: the contract's 文書管理番号 and the signer's user id. */
    public record Awaiting(String number, String userId) {
    }

    private final TestServer server;
    private final String credentials;
    private final List<Login> logins = new ArrayList<>();
    private final List<Awaiting> awaiting = new ArrayList<>();
    private String keyAlias;

    private DemoServer(TestServer server) {
        this.server = server;
        this.credentials = DemoData.ensure(server.context());
        parse();
    }

    /** Starts the demo server (a fixed free port: the DEMO CA writes its address into its certificates). */
    public static DemoServer start() {
        return new DemoServer(TestServer.start(Map.of("port", Integer.toString(freePort()), "demo", "true"),
                MutableClock.running()));
    }

    private void parse() {
        String side = null;
        String company = null;
        Path tokens = null;
        List<String[]> signLines = new ArrayList<>();
        List<String[]> users = new ArrayList<>();
        for (String line : credentials.split("\n")) {
            Matcher c = COMPANY.matcher(line);
            Matcher u = USER.matcher(line);
            Matcher t = TOKENS.matcher(line);
            Matcher s = SIGN.matcher(line);
            if (c.matches()) {
                side = c.group(1);
                company = c.group(2);
            } else if (u.matches()) {
                users.add(new String[] {side, company, u.group(1), u.group(2), u.group(3), u.group(4), u.group(5),
                        u.group(6)});
            } else if (t.matches()) {
                tokens = Path.of(t.group(1));
                keyAlias = t.group(2);
            } else if (s.matches()) {
                signLines.add(new String[] {s.group(1), s.group(3)});
            }
        }
        if (tokens == null || users.isEmpty()) {
            throw new IllegalStateException("the demo credentials text has no logins or keys:\n" + credentials);
        }
        for (String[] u : users) {
            logins.add(new Login(u[0], u[1], u[2], u[3], u[4], u[5], u[6] == null ? null : tokens.resolve(u[6]), u[7]));
        }
        for (String[] s : signLines) {
            awaiting.add(new Awaiting(s[0], s[1]));
        }
    }

    public TestServer server() {
        return server;
    }

    /** The text {@code ./sitesign demo} prints. */
    public String credentials() {
        return credentials;
    }

    public List<Login> logins() {
        return List.copyOf(logins);
    }

    /** The printed login of {@code side} (発注者/受注者) with a role starting with {@code role} (責任者, 管理者, 一般). */
    public Login person(String side, String role) {
        return logins.stream().filter(l -> l.side().equals(side) && l.role().startsWith(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + side + " " + role + " in:\n" + credentials));
    }

    public Login login(String userId) {
        return logins.stream().filter(l -> l.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no login " + userId + " in:\n" + credentials));
    }

    /** The printed "Sign … as …" lines: the 署名待ち contracts and whose signature each awaits. */
    public List<Awaiting> awaiting() {
        return List.copyOf(awaiting);
    }

    /** The key alias the printout names for every demo PKCS#12 file. */
    public String keyAlias() {
        return keyAlias;
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
