package jp.sitesign.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.keys.MasterKeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's key commands (ADR 36): rotate the master key, retire the old one, see where they stand. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Key rotation: rotate-master, retire-master, rotate-company, status.",
        subcommands = {KeyCommands.Status.class, KeyCommands.RotateMaster.class, KeyCommands.RetireMaster.class,
            KeyCommands.RotateCompany.class})
final class KeyCommands {

    /** How a rotation paces itself on a serving server: rows a transaction, rest between transactions. */
    static final class Pacing {
        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
                description = "Keys or values per transaction (default 100; PDFs at most 4).")
        int batchSize;
        @Option(names = "--pause-ms", paramLabel = "MS", defaultValue = "0",
                description = "Rest between batches, to spare a busy server (default 0).")
        long pauseMs;

        void check() {
            if (batchSize < 1 || pauseMs < 0) {
                throw OperatorMessage.BATCH_OPTIONS_INVALID.exception();
            }
        }

        Duration pause() {
            return Duration.ofMillis(pauseMs);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The current and previous master key ids and how many company keys each wraps.")
    static final class Status implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                MasterKeyRotation.Status s = ctx.masterKeys().status();
                PrintWriter out = spec.commandLine().getOut();
                out.println("Current master key:  " + s.currentId() + " (company keys: " + s.underCurrent() + ")");
                out.println("Previous master key: " + s.previousId().map(id -> id + " (company keys: "
                        + s.underPrevious() + ")").orElse("none"));
                java.util.List<String> rotating = ctx.companyKeys().underWay();
                out.println("Company key rotations under way: " + (rotating.isEmpty() ? "none"
                        : String.join(", ", rotating)));
                if (!s.underNeither().isEmpty()) {
                    out.println("Company keys under neither key: " + s.underNeither().size() + " ("
                            + s.underNeither().get(0) + " first)");
                    return 1;
                }
                return 0;
            }
        }
    }

    @Command(name = "rotate-master", mixinStandardHelpOptions = true,
            description = "Make a new master key current and re-wrap every company key under it, in batches, while"
                    + " the server serves. Killed half-way, run it again: it finishes. The old key file stays"
                    + " (master.previous.key) until keys retire-master.")
    static final class RotateMaster implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--new-key", paramLabel = "FILE",
                description = "A 256-bit key in Base64 made elsewhere (default: a new random key).")
        Path newKey;
        @Mixin
        Pacing pacing;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            pacing.check();
            Optional<byte[]> key = newKey == null ? Optional.empty() : Optional.of(readKey(newKey));
            try (ServerContext ctx = common.open()) {
                MasterKeyRotation.Rotated r = ctx.masterKeys().rotate(key, pacing.batchSize,
                        pacing.pause());
                PrintWriter out = spec.commandLine().getOut();
                out.println((r.newKey() ? "New master key " : "Master key ") + r.currentId() + " is current; "
                        + r.rewrapped() + " of " + r.companies() + " company keys re-wrapped now, all under it.");
                out.println("The previous key " + r.previousId() + " stays in master.previous.key. Copy master.key and"
                        + " purpose.keys to every server of this database, take and keep a backup, then run"
                        + " keys retire-master.");
                return 0;
            }
        }

        private static byte[] readKey(Path file) {
            try {
                byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (raw.length == 32) {
                    return raw;
                }
            } catch (IOException | IllegalArgumentException e) {
                // reported below, in both languages
            }
            throw OperatorMessage.NEW_KEY_UNREADABLE.exception(file);
        }
    }

    @Command(name = "retire-master", mixinStandardHelpOptions = true,
            description = "Delete the previous master key's file, once no company key needs it and the newest data"
                    + " backup taken since the rotation verifies with the backup key.")
    static final class RetireMaster implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                String retired = ctx.masterKeys().retire();
                spec.commandLine().getOut().println("Previous master key " + retired + " retired; only "
                        + ctx.masterKeys().status().currentId() + " is kept.");
                return 0;
            }
        }
    }

    @Command(name = "rotate-company", mixinStandardHelpOptions = true,
            description = "Give a company a new data key and re-seal its content under it, in batches, while the"
                    + " server serves. Killed half-way, run it again: it goes on. The old key is destroyed once"
                    + " nothing sealed under it is left.")
    static final class RotateCompany implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--company", required = true, paramLabel = "C00000000", description = "Company id.")
        String company;
        @Mixin
        Pacing pacing;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            jp.sitesign.model.company.CompanyId id = Ids.company(company);
            pacing.check();
            try (ServerContext ctx = common.open()) {
                jp.sitesign.server.keys.CompanyKeyRotation.Rotated r = ctx.companyKeys().rotate(id,
                        pacing.batchSize, pacing.pause());
                spec.commandLine().getOut().println("Company " + id + ": " + (r.started() ? "new data key; " : "")
                        + r.resealed() + " values re-sealed now; " + (r.finished() ? "the previous data key is destroyed."
                        : "the previous data key is kept: run the command again to finish."));
                return 0;
            }
        }
    }
}
