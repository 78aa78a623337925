package jp.sitesign.server.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.ServerContext;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.server.audit.AuditCsv;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.audit.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checking and exporting the login and operation log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export the audit log.",
        subcommands = {AuditCommands.Verify.class, AuditCommands.Export.class})
final class AuditCommands {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the whole hash chain; exit 1 and name the first altered, deleted, inserted or"
                    + " reordered event.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                Optional<AuditChain.Break> broken = ctx.audit().verify();
                if (broken.isPresent()) {
                    spec.commandLine().getErr().println("監査ログが改ざんされています / Audit log is broken: "
                            + broken.get().description());
                    return 1;
                }
                spec.commandLine().getOut().println("Audit log intact (監査ログは改ざんされていません).");
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a company's log as CSV (UTF-8 with BOM, times in JST).")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--company", required = true, paramLabel = "C00000000", description = "Company id.")
        String company;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (JST), inclusive.")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (JST), inclusive.")
        LocalDate to;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CompanyId id = Ids.company(company);
            AuditQuery q = new AuditQuery(id.value(), from == null ? null : JapanTime.startOfDay(from),
                    to == null ? null : JapanTime.endOfDayExclusive(to), null, null, 0, Integer.MAX_VALUE);
            try (ServerContext ctx = common.open(); OutputStream stream = Files.newOutputStream(out)) {
                AuditCsv csv = new AuditCsv(stream);
                int[] count = {0};
                ctx.audit().forEach(q, e -> {
                    csv.write(e);
                    count[0]++;
                });
                csv.flush();
                ctx.audit().append(new AuditLog.Entry("operator", id.value(), AuditAction.AUDIT_EXPORTED, null,
                        AuditOutcome.SUCCESS, null, q.describe() + " events=" + count[0]));
                spec.commandLine().getOut().println(count[0] + " events written to " + out);
                return 0;
            }
        }
    }
}
