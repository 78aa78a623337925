package jp.sitesign.server.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.ServerContext;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.server.audit.AuditAnchoring;
import jp.sitesign.server.audit.AuditCsv;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.audit.AuditQuery;
import jp.sitesign.server.audit.AuditRetention;
import jp.sitesign.server.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checking and exporting the login and operation log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify, export, timestamp or cut the audit log.",
        subcommands = {AuditCommands.Verify.class, AuditCommands.Export.class, AuditCommands.Anchor.class,
            AuditCommands.Cut.class})
final class AuditCommands {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain from its retention checkpoint and every TSA anchor; exit 1 and name"
                    + " the first altered, deleted, inserted or reordered event and each anchor that fails.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                AuditVerification.Report report = ctx.auditVerification().run();
                AuditReportText.print(report, ctx.auditAnchoring().configured(), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
                return report.intact() ? 0 : 1;
            }
        }
    }

    @Command(name = "anchor", mixinStandardHelpOptions = true,
            description = "Timestamp the audit chain's head now with the configured TSA (tsa.url; the DEMO TSA in demo"
                    + " mode).")
    static final class Anchor implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                if (!ctx.auditAnchoring().configured()) {
                    spec.commandLine().getErr().println(OperatorMessage.NO_TSA.line());
                    return 1;
                }
                Optional<AuditAnchoring.Anchored> a = ctx.auditAnchoring().anchor(AuditAnchoring.Reason.OPERATOR, null);
                spec.commandLine().getOut().println(a.map(x -> "Anchor " + x.id() + ": event #" + x.sequence()
                        + " timestamped at " + JapanTime.display(x.time()) + " by " + x.tsa()
                        + " (監査ログにタイムスタンプを付けました).").orElse("The log is empty: nothing to timestamp."));
                return 0;
            }
        }
    }

    @Command(name = "cut", mixinStandardHelpOptions = true,
            description = "Remove the events older than audit.retention-years, leaving a sealed and timestamped"
                    + " checkpoint that audit verify starts from.")
    static final class Cut implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                Optional<AuditRetention.Cut> cut = ctx.auditRetention().cutDue();
                spec.commandLine().getOut().println(cut.map(x -> "Events #" + x.from() + " to #" + x.to() + " ("
                        + x.events() + ") from before " + JapanTime.display(x.before()) + " removed; checkpoint #"
                        + x.to() + (x.anchor() == null ? " (not timestamped: no TSA)" : ", anchor " + x.anchor())
                        + " (保存期間を過ぎた監査ログを削除しました).")
                        .orElse("No events are older than " + JapanTime.display(ctx.auditRetention().threshold())
                                + " (保存期間を過ぎた監査ログはありません)."));
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
