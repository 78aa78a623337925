package jp.sitesign.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.model.error.SiteSignException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The server's runnable jar: {@code serve}, and the operator's commands, which also work offline on a
 * stopped server's data folder.
 */
@Command(name = "sitesign-server", mixinStandardHelpOptions = true, version = "SiteSign server 0.1",
        description = "SiteSign sync server and operator commands.",
        subcommands = {ServeCommand.class, CompanyCommands.class, UserCommands.class, NoticeCommands.class,
            AuditCommands.class, CertCommands.class, ApiAppCommands.class, BackupCommands.class, PurgeCommands.class, KeyCommands.class,
            CommandLine.HelpCommand.class})
public final class ServerCli {

    public static void main(String[] args) {
        // Jersey and Grizzly log through java.util.logging; route it to the one logging backend.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line and returns its exit code: 0 ok, 1 failed, 2 usage error. An operator command
     * for a data folder whose server is running is run by that server ({@link OperatorChannel}).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && !LOCAL_ONLY.contains(args[0])) {
            Optional<OperatorChannel.Answer> answered = OperatorChannel.forward(dataDir(args), List.of(args));
            if (answered.isPresent()) {
                out.print(answered.get().out());
                out.flush();
                err.print(answered.get().err());
                err.flush();
                return answered.get().exit();
            }
        }
        return execute(cli(out, err), args);
    }

    /**
     * Runs an operator command inside the running server on its context: relative paths are the operator's
     * (resolved against {@code cwd}), and the context stays open when the command is done.
     */
    static int runAttached(String[] args, Path cwd, ServerContext context, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && LOCAL_ONLY.contains(args[0])) {
            err.println("Error: " + args[0] + " cannot run inside a running server.");
            return 2;
        }
        CommandLine cli = cli(out, err);
        cli.registerConverter(Path.class, s -> cwd.resolve(s));
        CommonOptions.attach(context);
        try {
            return execute(cli, args);
        } finally {
            CommonOptions.attach(null);
        }
    }

    /** Commands that never go to a running server. */
    private static final java.util.Set<String> LOCAL_ONLY = java.util.Set.of("serve", "help", "-h", "--help", "-V",
            "--version");

    /** The data folder the command line names, as {@link CommonOptions} reads it. */
    private static Path dataDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return DataDir.defaultLocation();
    }

    private static int execute(CommandLine cli, String[] args) {
        return cli.execute(args);
    }

    private static CommandLine cli(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ServerCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SiteSignException s) {
                err.println("エラー: " + s.messageJa());
                err.println("Error: " + s.messageEn());
            } else {
                err.println("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            return 1;
        });
        return cli;
    }
}
