package jp.sitesign.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.integration.IntegrationApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's review of integration API applications (連携アプリケーション). */
@Command(name = "api-app", mixinStandardHelpOptions = true,
        description = "Integration API applications: list them and review them (approve, reject, suspend, revoke).",
        subcommands = {ApiAppCommands.ListApps.class, ApiAppCommands.Approve.class, ApiAppCommands.Reject.class,
            ApiAppCommands.Suspend.class, ApiAppCommands.Revoke.class})
final class ApiAppCommands {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every company's applications: id, status, company, applied (JST), name, scopes, addresses.")
    static final class ListApps implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                PrintWriter out = spec.commandLine().getOut();
                for (IntegrationApplication a : ctx.integration().all()) {
                    out.printf("%s\t%s\t%s\t%s\t%s\t%s\t%s%n", a.id(), a.status(), a.companyId(),
                            JapanTime.iso(a.appliedAt()), a.name(),
                            a.scopes().stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(",")),
                            String.join(",", a.allowedAddresses()));
                }
                return 0;
            }
        }
    }

    /** One review step on one application; the model decides which steps apply. */
    abstract static class Review implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--id", required = true, paramLabel = "A00000000", description = "The application's id.")
        String id;
        @Spec
        CommandSpec spec;

        abstract ApplicationStatus.Review step();

        String reason() {
            return null;
        }

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                IntegrationApplication a = ctx.integration().review(id, step(), reason());
                spec.commandLine().getOut().println("Application " + a.id() + " (" + a.companyId() + ") is now "
                        + a.status() + " / " + a.status().labelJa() + ".");
                return 0;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a pending application, or a suspended one again; its admin can then take the key.")
    static final class Approve extends Review {
        @Override
        ApplicationStatus.Review step() {
            return ApplicationStatus.Review.APPROVE;
        }
    }

    /** A step that needs a reason the admin will read. */
    abstract static class ReasonedReview extends Review {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the admin reads it).")
        String reason;

        @Override
        String reason() {
            return reason;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a pending application.")
    static final class Reject extends ReasonedReview {
        @Override
        ApplicationStatus.Review step() {
            return ApplicationStatus.Review.REJECT;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspend an approved application: its key is refused at once until it is approved again.")
    static final class Suspend extends ReasonedReview {
        @Override
        ApplicationStatus.Review step() {
            return ApplicationStatus.Review.SUSPEND;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an application for good: its key never works again.")
    static final class Revoke extends ReasonedReview {
        @Override
        ApplicationStatus.Review step() {
            return ApplicationStatus.Review.REVOKE;
        }
    }
}
