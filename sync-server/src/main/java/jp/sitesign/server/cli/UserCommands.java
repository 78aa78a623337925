package jp.sitesign.server.cli;

import java.util.concurrent.Callable;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's user commands. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Operator commands on users.",
        subcommands = {UserCommands.ResetPassword.class})
final class UserCommands {

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Issue a new one-time password; the account is unlocked and its sessions end.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--user", required = true, paramLabel = "U00000000", description = "User id.")
        String user;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UserId id = Ids.user(user);
            try (ServerContext ctx = common.open()) {
                String oneTime = ctx.auth().resetPassword(id);
                spec.commandLine().getOut().println("One-time password for " + id + ": " + oneTime
                        + "  (must be changed at next login)");
                return 0;
            }
        }
    }
}
