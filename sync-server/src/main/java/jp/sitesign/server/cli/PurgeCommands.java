package jp.sitesign.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.contracts.ContractRetention;
import jp.sitesign.server.retention.Purge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's purge (DESIGN §8, ADR 13); the same the daily job runs. */
@Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete what passed its retention period.",
        subcommands = {PurgeCommands.Run.class})
final class PurgeCommands {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Delete contracts past their retention period and terminated companies past their grace"
                    + " period; --dry-run only lists them.")
    static final class Run implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
        boolean dryRun;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                Purge.Report r = ctx.purge().run(dryRun);
                PrintWriter out = spec.commandLine().getOut();
                String verb = dryRun ? "would be deleted / 削除対象" : "deleted / 削除しました";
                for (String company : r.companies()) {
                    out.println("company " + company + " " + verb);
                }
                for (ContractRetention.Due d : r.contracts()) {
                    out.println("contract " + d.id() + " (" + d.status() + ", " + d.sender() + ") " + verb + ": "
                            + d.reason());
                }
                out.println(r.contracts().size() + " contract(s), " + r.companies().size() + " compan(ies)"
                        + (dryRun ? " — dry run, nothing deleted" : "") + "; " + r.contractsTransferred()
                        + " contract(s) handed into a partner's custody.");
                return 0;
            }
        }
    }
}
