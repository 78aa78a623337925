package jp.sitesign.desktop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.sitesign.model.evidence.EvidenceCheck;
import jp.sitesign.model.evidence.EvidenceChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks an evidence package offline, for auditors, courts and banks (issue 15): the sibling of {@code verify}
 * for the ZIP a party downloads. Prints each entry's result in Japanese and English (or one of them with
 * {@code --lang}). Exit code 0 when everything is consistent, 1 when anything was altered, removed or added
 * (each problem names its entry), 2 on a usage error (no such file, an unreadable trust anchor).
 */
@Command(name = "verify-evidence", mixinStandardHelpOptions = true,
        description = "Check an evidence package (ZIP) offline (exit 0 consistent, 1 altered, 2 usage error).")
final class VerifyEvidenceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The evidence package to check.")
    Path file;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = "A CA certificate signers, the server's seal and TSAs must chain to (repeatable; PEM or DER).")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "ja|en|both", defaultValue = "both",
            description = "Output language (default both).")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] zip;
        List<X509Certificate> trust = new ArrayList<>();
        try {
            zip = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println(CliMessage.CANNOT_READ_FILE.line(file));
            return 2;
        }
        for (Path anchor : anchors) {
            try {
                trust.addAll(VerifyCommand.read(anchor));
            } catch (IOException | CertificateException e) {
                err.println(CliMessage.CANNOT_READ_CA_ANCHOR.line(anchor, e.getMessage()));
                return 2;
            }
        }
        EvidenceCheck check = new EvidenceChecker(trust, Clock.systemUTC()).check(zip);
        if (!"en".equals(lang)) {
            out.print(check.toText(Locale.JAPANESE));
        }
        if (!"ja".equals(lang)) {
            out.print(check.toText(Locale.ENGLISH));
        }
        out.flush();
        return check.consistent() ? 0 : 1;
    }
}
