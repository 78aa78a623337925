package jp.sitesign.desktop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import jp.sitesign.desktop.login.ServerTrustFile;
import jp.sitesign.desktop.store.DataHome;
import jp.sitesign.desktop.sync.PinnedTrust;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Records the server this computer talks to without the first-run screen, for set-ups where the
 * certificate reaches the user another way (an administrator's deployment, the README's demo, which
 * hands over the certificate of the server it just started). It is the same record the first-run screen
 * writes after the user compared the fingerprint.
 */
@Command(name = "trust-server", mixinStandardHelpOptions = true,
        description = "Record the server address and its certificate (PEM) as confirmed, skipping the first-run screen.")
final class TrustServerCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "https://host:port")
    URI server;

    @Option(names = "--certificate", required = true, paramLabel = "CERT.pem",
            description = "The server's certificate, as the operator gave it.")
    Path certificate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"https".equals(server.getScheme()) || server.getHost() == null) {
            err.println(CliMessage.SERVER_ADDRESS_NOT_HTTPS.line());
            return 2;
        }
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(certificate)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            err.println(CliMessage.NOT_A_CERTIFICATE.line(certificate));
            return 2;
        }
        // The data folder chosen in the settings, where the window looks for the server trust.
        Path home = jp.sitesign.desktop.settings.DataFolder.effective(DataHome.resolve());
        new ServerTrustFile(home).save(new ServerTrustFile.ServerTrust(server, cert));
        out.println(CliMessage.SERVER_RECORDED.line(server, home));
        out.println("SHA-256: " + PinnedTrust.fingerprint(cert));
        return 0;
    }
}
