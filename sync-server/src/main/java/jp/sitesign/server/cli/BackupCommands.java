package jp.sitesign.server.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's backup commands (DESIGN §8, ADR 12). */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Create, list, verify and restore backups.",
        subcommands = {BackupCommands.Create.class, BackupCommands.ListBackups.class, BackupCommands.Verify.class,
            BackupCommands.Restore.class, BackupCommands.Export.class})
final class BackupCommands {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Take a data backup (differential against the newest full one, or full) or, with --logs,"
                    + " a log backup. Works on a running server and on a stopped data folder.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--to", paramLabel = "DIR", description = "Folder of backups (default: backup.dir).")
        Path to;
        @Option(names = "--full", description = "A full backup even when a differential would do.")
        boolean full;
        @Option(names = "--logs", description = "A log backup: the audit log in full and the log files.")
        boolean logs;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                Path dir = to != null ? to : ctx.config().backupDir();
                Backups.Listing made = logs ? ctx.backups().createLog(dir) : ctx.backups().createData(dir, full);
                PrintWriter out = spec.commandLine().getOut();
                out.println(OperatorMessage.BACKUP_CREATED.line(made.id(), made.kind(), made.bytes()));
                out.println("  " + made.dir());
                out.println("バックアップ鍵 / backup key: " + ctx.config().backupKeyFile()
                        + "  (keep it apart from the backups / バックアップとは別の場所に保管してください)");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the backups in a folder.")
    static final class ListBackups implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "DIR", required = true, description = "Folder of backups.")
        Path from;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Backups.Listing> all = Backups.list(from);
            if (all.isEmpty()) {
                out.println(OperatorMessage.NO_BACKUPS.line(from));
            }
            for (Backups.Listing l : all) {
                out.printf("%-32s %-12s %s  %,15d bytes%s%n", l.id(), l.kind(), JapanTime.display(l.createdAt()),
                        l.bytes(), l.base() == null ? "" : "  (base " + l.base() + ")");
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every part of a backup (or of every backup in a folder) against its manifest and key;"
                    + " exit 1 naming the first bad part.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--from", paramLabel = "DIR", required = true,
                description = "One backup's folder, or a folder of backups.")
        Path from;
        @Option(names = "--key", paramLabel = "FILE", description = "The backup key (default: backup.key-file).")
        Path key;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path keyFile = key != null ? key : common.config(Map.of()).backupKeyFile();
            List<Path> dirs = Files.exists(from.resolve("manifest.json")) ? List.of(from)
                    : Backups.list(from).stream().map(Backups.Listing::dir).toList();
            if (dirs.isEmpty()) {
                spec.commandLine().getErr().println(OperatorMessage.NO_BACKUPS_TO_VERIFY.line(from));
                return 1;
            }
            for (Path dir : dirs) {
                Backups.Listing ok = Backups.verify(dir, keyFile);
                spec.commandLine().getOut().println("OK " + ok.id() + " (" + ok.kind() + ")");
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore into an empty data folder (--data-dir) and, with --db, an empty database: the newest"
                    + " backup, the newest of generation N, or the newest at or before a day.")
    static final class Restore implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--from", paramLabel = "DIR", required = true, description = "Folder of backups.")
        Path from;
        @Option(names = "--key", paramLabel = "FILE", required = true, description = "The backup key file.")
        Path key;
        @Option(names = "--generation", paramLabel = "N", description = "1 = the newest generation, 2 = the one before.")
        Integer generation;
        @Option(names = "--at", paramLabel = "YYYY-MM-DD", description = "The newest backup made by the end of this day (JST).")
        LocalDate at;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerConfig target = common.config(Map.of());
            Backups.Restored r = Backups.restore(from, key, generation, at == null ? null : JapanTime.endOfDayExclusive(at),
                    target, Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            out.println(OperatorMessage.RESTORED.line(r.backup().id(), r.backup().kind(), r.rows(),
                    target.dataDir().toAbsolutePath(), target.isEmbeddedDatabase() ? "" : " and " + target.dbUrl()));
            out.println(OperatorMessage.NEW_MASTER_KEY.line(target.dataDir().resolve("master.key")));
            for (String erased : r.erasedCompanies()) {
                out.println(OperatorMessage.PURGED_AFTER_BACKUP.line(erased));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write one company's data (contracts with their PDFs, the audit log, users) for the customer"
                    + " who asked: an encrypted file and a README; prints the key to hand over separately.")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--company", required = true, paramLabel = "C00000000", description = "Company id.")
        String company;
        @Option(names = "--to", paramLabel = "DIR", required = true, description = "An empty or new folder.")
        Path to;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                jp.sitesign.server.backup.CompanyExport.Key key = jp.sitesign.server.backup.CompanyExport.write(
                        ctx.companies(), ctx.users(), ctx.contracts(), ctx.audit(), Ids.company(company), to);
                PrintWriter out = spec.commandLine().getOut();
                out.println(OperatorMessage.EXPORTED.line(key.folder().toAbsolutePath()));
                out.println(OperatorMessage.EXPORT_KEY_ID.line(key.keyId()));
                out.println(OperatorMessage.EXPORT_KEY.line(key.keyHex()));
                out.println(OperatorMessage.HAND_KEY_APART.line());
                return 0;
            }
        }
    }
}
