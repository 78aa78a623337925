package jp.sitesign.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.Callable;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.certificates.CertificateApplication;
import jp.sitesign.server.certificates.CertificateFile;
import jp.sitesign.server.certificates.CertificateOperator;
import jp.sitesign.server.config.DataDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's certificate commands: list applications, fulfil one (demo CA or import), revoke. */
@Command(name = "cert", mixinStandardHelpOptions = true, description = "Signing certificates (電子証明書).",
        subcommands = {CertCommands.Applications.class, CertCommands.Issue.class, CertCommands.Import.class,
            CertCommands.Revoke.class})
final class CertCommands {

    @Command(name = "applications", mixinStandardHelpOptions = true,
            description = "List every company's certificate applications.")
    static final class Applications implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                PrintWriter out = spec.commandLine().getOut();
                for (CertificateApplication a : ctx.certificateOperator().applications()) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", a.id(), a.status(), a.companyId(),
                            JapanTime.iso(a.appliedAt()), a.holder().name(), nullToDash(a.holder().department()),
                            nullToDash(a.holder().title()), a.certificateNumber() == null ? "-" : a.certificateNumber());
                }
                return 0;
            }
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Fulfil an application with a certificate from the embedded DEMO CA (not for real contracts).")
    static final class Issue implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--application", required = true, paramLabel = "N", description = "Application number.")
        long application;
        @Option(names = "--key-out", paramLabel = "FILE.p12",
                description = "Where to write the new key and certificate as PKCS#12 (0600) when the application"
                        + " has no CSR; its password is printed once.")
        Path keyOut;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ServerContext ctx = common.open()) {
                CertificateOperator.Issued issued = ctx.certificateOperator().issueFromDemoCa(application);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Certificate " + issued.number() + " issued by the DEMO CA for application " + application
                        + " (DEMO: not for real contracts).");
                if (issued.privateKey() != null) {
                    Path file = keyOut != null ? keyOut
                            : common.dataDir().resolve("demo-" + issued.number() + ".p12");
                    String password = writePkcs12(file, issued);
                    out.println("Key and certificate: " + file + "  password: " + password);
                }
                out.print(CertificateFile.pem(issued.certificate()));
                return 0;
            }
        }

        private static String writePkcs12(Path file, CertificateOperator.Issued issued)
                throws IOException, GeneralSecurityException {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(issued.number(), issued.privateKey(), password.toCharArray(),
                    new Certificate[] {issued.certificate(), issued.caCertificate()});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password.toCharArray());
            DataDir.writeSecret(file.toAbsolutePath(), bytes.toByteArray());
            return password;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Fulfil an application with a certificate a real CA issued (PEM or DER).")
    static final class Import implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--application", required = true, paramLabel = "N", description = "Application number.")
        long application;
        @Option(names = "--cert", required = true, paramLabel = "FILE.pem", description = "The certificate file.")
        Path cert;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            byte[] encoded;
            try {
                encoded = Files.readAllBytes(cert);
            } catch (IOException e) {
                throw OperatorMessage.CERTIFICATE_FILE_UNREADABLE.exception(cert);
            }
            try (ServerContext ctx = common.open()) {
                String number = ctx.certificateOperator().importFor(application, encoded);
                spec.commandLine().getOut().println("Certificate " + number + " registered for application "
                        + application + ".");
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a certificate: no signing authority from it from now on; the DEMO CA reports it revoked.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--certificate", required = true, paramLabel = "JC-00000000", description = "Management number.")
        String certificate;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                ctx.certificateOperator().revoke(certificate);
                spec.commandLine().getOut().println("Certificate " + certificate + " revoked.");
                return 0;
            }
        }
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
