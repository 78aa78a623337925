package jp.sitesign.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.companies.CompanyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The operator's company commands. */
@Command(name = "company", mixinStandardHelpOptions = true, description = "Create or terminate a company.",
        subcommands = {CompanyCommands.Create.class, CompanyCommands.Terminate.class,
            CompanyCommands.SetRetention.class})
final class CompanyCommands {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a company with its owner (責任者); prints the ids and the owner's one-time password.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--name", required = true, description = "Company name (企業名).")
        String name;
        @Option(names = "--name-kana", description = "Company name in kana.")
        String nameKana;
        @Option(names = "--corporate-number", description = "法人番号 (13 digits).")
        String corporateNumber;
        @Option(names = "--address", description = "Address.")
        String address;
        @Option(names = "--representative", description = "Representative.")
        String representative;
        @Option(names = "--owner-name", required = true, description = "Owner's name.")
        String ownerName;
        @Option(names = "--owner-kana", required = true, description = "Owner's name in katakana.")
        String ownerKana;
        @Option(names = "--owner-email", required = true, description = "Owner's email.")
        String ownerEmail;
        @Option(names = "--owner-department", description = "Owner's department (所属).")
        String ownerDepartment;
        @Option(names = "--owner-title", description = "Owner's title (役職).")
        String ownerTitle;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ServerContext ctx = common.open()) {
                CompanyService.Created c = ctx.companies().create(new CompanyService.Registration(name, nameKana,
                        corporateNumber, address, representative,
                        new UserProfile(ownerName, ownerKana, ownerEmail, ownerDepartment, ownerTitle)));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("companyId", c.companyId().value());
                    m.put("ownerId", c.ownerId().value());
                    m.put("oneTimePassword", c.oneTimePassword());
                    out.println(new ObjectMapper().writeValueAsString(m));
                } else {
                    out.println("Company id:          " + c.companyId());
                    out.println("Owner user id:       " + c.ownerId());
                    out.println("One-time password:   " + c.oneTimePassword() + "  (must be changed at first login)");
                }
                return 0;
            }
        }
    }

    @Command(name = "terminate", mixinStandardHelpOptions = true,
            description = "End a company's contract (利用契約終了): sessions end now; its owner and admins may log in to"
                    + " view and export until termination.grace-days have passed, then the purge deletes its data.")
    static final class Terminate implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--company", required = true, paramLabel = "C00000000", description = "Company id.")
        String company;
        @Option(names = "--purge-now", description = "No grace period (the customer asked): the next purge deletes"
                + " the data. Also brings the purge of an already terminated company forward.")
        boolean purgeNow;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CompanyId id = Ids.company(company);
            try (ServerContext ctx = common.open()) {
                java.time.Instant purgeAfter = ctx.companies().terminate(id, purgeNow);
                spec.commandLine().getOut().println("Company " + id + " terminated; its data is purged after "
                        + jp.sitesign.model.time.JapanTime.display(purgeAfter)
                        + (purgeNow ? " (run `purge run` to delete it now)." : "."));
                return 0;
            }
        }
    }

    @Command(name = "set-retention", mixinStandardHelpOptions = true,
            description = "How long a company keeps contracts: completed ones N years after completion (at least 7),"
                    + " unfinished ones N days after their last change.")
    static final class SetRetention implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--company", required = true, paramLabel = "C00000000", description = "Company id.")
        String company;
        @Option(names = "--completed-years", required = true, paramLabel = "N", description = "Years (default 10).")
        int completedYears;
        @Option(names = "--unfinished-days", required = true, paramLabel = "N", description = "Days (default 365).")
        int unfinishedDays;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CompanyId id = Ids.company(company);
            try (ServerContext ctx = common.open()) {
                ctx.companies().setRetention(id, completedYears, unfinishedDays);
                spec.commandLine().getOut().println("Company " + id + ": completed contracts kept " + completedYears
                        + " years, unfinished ones " + unfinishedDays + " days.");
                return 0;
            }
        }
    }
}
