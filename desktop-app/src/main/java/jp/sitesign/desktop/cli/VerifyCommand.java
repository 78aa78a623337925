package jp.sitesign.desktop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Verifies a signed PDF for auditors and scripts: the same report as the app's signature panel, as text
 * or JSON. Exit code 0 when every signature and document timestamp is valid, 1 when not, 2 on error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the signatures and timestamps of a PDF (exit 0 valid, 1 invalid, 2 error).")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The PDF to verify.")
    Path file;

    @Option(names = "--trust", paramLabel = "CERT.pem", description = "A trust anchor (repeatable; PEM or DER).")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--lang", paramLabel = "ja|en", defaultValue = "ja", description = "Report language (default ja).")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<X509Certificate> trust = new ArrayList<>();
            for (Path anchor : anchors) {
                trust.addAll(read(anchor));
            }
            VerificationReport report = new PadesVerifier(trust, Clock.systemUTC()).verify(Files.readAllBytes(file));
            out.println(json ? report.toJson() : report.toText(Locale.forLanguageTag(lang)));
            return report.allValid() ? 0 : 1;
        } catch (IOException e) {
            err.println(CliMessage.CANNOT_READ.line(e.getMessage()));
        } catch (CertificateException e) {
            err.println(CliMessage.CANNOT_READ_TRUST_ANCHOR.line(e.getMessage()));
        } catch (VerificationException e) {
            err.println(CliMessage.CANNOT_VERIFY.line(e.getMessage()));
        }
        return 2;
    }

    /** The certificates in a PEM or DER file given with {@code --trust}; none is an error. */
    static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate in " + file);
            }
            return out;
        }
    }
}
