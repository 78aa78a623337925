package jp.sitesign.server.cli;

import java.io.PrintWriter;
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
            AuditCommands.class, CertCommands.class, CommandLine.HelpCommand.class})
public final class ServerCli {

    public static void main(String[] args) {
        // Jersey and Grizzly log through java.util.logging; route it to the one logging backend.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 failed, 2 usage error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
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
        return cli.execute(args);
    }
}
