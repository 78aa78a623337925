package jp.sitesign.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import jp.sitesign.model.signature.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The server's .deb end to end (issue 12): built by {@link ServerPackageBuild}; installed with {@code dpkg -i} when
 * the tests run as root (CI), which must create the {@code sitesign} user and its private data folder and put the
 * unit where systemd reads it, with {@code systemd-analyze verify} content; the installed launcher, on the
 * package's own runtime, serves HTTPS as that user with the data folder it owns; removing and purging the package
 * takes its files and keeps the data. Not as root, the package is unpacked and its launcher runs from there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerDebIT {
    private static final Path WORK = Path.of("target", "it-server-deb").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on (https://\\S+)");
    private static Path deb;
    private static Path root;
    private static boolean dpkgInstalled;

    @BeforeAll
    static void buildAndInstall() throws IOException {
        assumeTrue(InstallerBuild.Platform.current() == InstallerBuild.Platform.LINUX, "the .deb is built on Linux");
        if (!DebTools.onPath("dpkg-deb")) {
            fail("dpkg-deb is missing: apt-get install -y dpkg");
        }
        InstallerBuild.deleteRecursively(WORK);
        ServerPackageBuild build = new ServerPackageBuild(new ServerPackageBuild.Inputs(
                Path.of(System.getProperty("installer.serverJar")), Path.of(System.getProperty("installer.serverDist")),
                System.getProperty("installer.version")), WORK, new PrintWriter(System.out, true));
        deb = build.deb(WORK.resolve("out"));
        if (DebTools.asRoot() && !run(List.of("dpkg-query", "-W", "-f=${Status}", ServerPackageBuild.PACKAGE_NAME), true)
                .contains("installed")) {
            run(List.of("dpkg", "-i", deb.toString()));
            dpkgInstalled = true;
            root = Path.of("/");
        } else {
            root = WORK.resolve("root");
            run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        }
    }

    @AfterAll
    static void purge() {
        if (dpkgInstalled) {
            run(List.of("dpkg", "--purge", ServerPackageBuild.PACKAGE_NAME), true);
        }
    }

    @Test
    @Order(1)
    void thePackageIsNamedAndVersionedAsDebianExpectsAndHoldsTheTarballsFilesAndARuntime() {
        assertThat(deb.getFileName().toString()).startsWith("sitesign-server_0.").endsWith(".deb");
        String info = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Depends"));
        assertThat(info).contains("Package: sitesign-server", "Depends: passwd");
        assertThat(info).doesNotContain("-SNAPSHOT");
        List<String> files = List.of(run(List.of("dpkg-deb", "-c", deb.toString())).split("\n"));
        assertThat(files).anySatisfy(f -> assertThat(f).startsWith("-rwxr-xr-x root/root").endsWith(
                "./opt/sitesign-server/bin/sitesign-server"));
        assertThat(String.join("\n", files)).contains("./opt/sitesign-server/lib/sitesign-server.jar",
                "./opt/sitesign-server/runtime/bin/java", "./opt/sitesign-server/sitesign.properties.sample",
                "." + ServerPackageBuild.UNIT_PATH);
    }

    @Test
    @Order(2)
    void installingCreatesTheServiceUserItsPrivateDataFolderAndAUnitSystemdAccepts() throws IOException {
        assumeTrue(dpkgInstalled, "dpkg -i needs root (CI runs as root)");
        String user = run(List.of("getent", "passwd", ServerPackageBuild.USER));
        assertThat(user).contains(":" + ServerPackageBuild.DATA_DIR + ":", "nologin");
        String folder = run(List.of("stat", "-c", "%U:%G %a", ServerPackageBuild.DATA_DIR)).strip();
        assertThat(folder).isEqualTo("sitesign:sitesign 700");
        String settings = run(List.of("stat", "-c", "%U %a", ServerPackageBuild.DATA_DIR + "/sitesign.properties"));
        assertThat(settings.strip()).isEqualTo("sitesign 600");

        ExternalTools.Result verify = ExternalTools.run(List.of("systemd-analyze", "verify", ServerPackageBuild.UNIT_PATH));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("no warnings either").isBlank();
    }

    @Test
    @Order(3)
    void theInstalledLauncherServesHttpsOnThePackagesOwnRuntimeAsTheServiceUser() throws Exception {
        Path launcher = root.resolve("opt/sitesign-server/bin/sitesign-server");
        Path data = dpkgInstalled ? Path.of(ServerPackageBuild.DATA_DIR) : WORK.resolve("data");
        List<String> command = new ArrayList<>();
        if (dpkgInstalled) {
            command.addAll(List.of("runuser", "-u", ServerPackageBuild.USER, "--"));
        }
        command.addAll(List.of(launcher.toString(), "serve", "--data-dir", data.toString(), "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA");
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"); // no other java to fall back on
        Process server = builder.start();
        try {
            String url = awaitUrl(server);
            HttpResponse<String> live = insecureClient().send(HttpRequest.newBuilder(URI.create(url + "/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            ProcessHandle started = server.toHandle();
            assertThat(Stream.concat(Stream.of(started), started.descendants())
                    .map(p -> p.info().command().orElse("")).filter(c -> c.endsWith("/java")).findFirst())
                    .as("the package's runtime, not a java on PATH")
                    .hasValueSatisfying(java -> assertThat(java).endsWith("opt/sitesign-server/runtime/bin/java"));
            if (dpkgInstalled) {
                String owners = run(List.of("find", data.toString(), "-not", "-user", ServerPackageBuild.USER));
                assertThat(owners.strip()).as("everything the server wrote belongs to its user").isEmpty();
            }
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    @Order(4)
    void removingAndPurgingTakeThePackagesFilesAndKeepTheContracts() {
        assumeTrue(dpkgInstalled, "dpkg -i needs root (CI runs as root)");
        run(List.of("dpkg", "--purge", ServerPackageBuild.PACKAGE_NAME));
        dpkgInstalled = false;

        assertThat(Path.of(ServerPackageBuild.INSTALL_DIR)).doesNotExist();
        assertThat(Path.of(ServerPackageBuild.UNIT_PATH)).doesNotExist();
        assertThat(Path.of(ServerPackageBuild.DATA_DIR, "sitesign.properties")).as("the data folder is kept").exists();
    }

    private static String awaitUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        return fail("the server ended before listening:%n%s", seen);
    }

    /** The test only asks whether HTTPS answers; which certificate the new server made does not matter here. */
    private static HttpClient insecureClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static String run(List<String> command) {
        return run(command, false);
    }

    private static String run(List<String> command, boolean mayFail) {
        return DebTools.run(command, mayFail);
    }
}
