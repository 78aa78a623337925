package jp.sitesign.desktop.cli;

import java.io.PrintWriter;
import java.util.Map;
import jp.sitesign.model.signature.core.SigningException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands of the desktop jar, on the same signature engine as the window. */
@Command(name = "sitesign", mixinStandardHelpOptions = true, version = "SiteSign desktop 0.1",
        description = "SiteSign: sign and verify PDF contracts (PAdES).",
        subcommands = {SignCommand.class, VerifyCommand.class, VerifyEvidenceCommand.class, TrustServerCommand.class, CommandLine.HelpCommand.class})
public final class DesktopCli {
    private final Map<String, String> environment;

    private DesktopCli(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs a command line in this process's environment; returns the exit code (0 done, 1 failed, 2 usage error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs a command line with the given environment (where PINs and passwords are read from). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new DesktopCli(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SigningException s) {
                err.println(CliMessage.ERROR.ja(s.messageJa()));
                err.println(CliMessage.ERROR.en(s.messageEn()));
            } else if (e instanceof UsageProblem u) {
                err.println(u.getMessage());
                return 2;
            } else {
                err.println(CliMessage.ERROR.en(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** The value of an environment variable, or null. */
    String env(String name) {
        return environment.get(name);
    }

    /** A problem with how the command was called that picocli cannot see (e.g. an unset variable). */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(CliMessage message, Object... args) {
            super(message.twoLines(args));
        }
    }
}
