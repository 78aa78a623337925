package jp.sitesign.server.cli;

import java.util.concurrent.Callable;
import jp.sitesign.model.notice.Notice;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.server.ServerContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** お知らせ: the operator publishes function changes, maintenance schedules and incident reports. */
@Command(name = "notice", mixinStandardHelpOptions = true, description = "Publish notices (お知らせ).",
        subcommands = {NoticeCommands.Publish.class})
final class NoticeCommands {

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish a notice to every user.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Option(names = "--category", required = true,
                description = "One of: ${COMPLETION-CANDIDATES}.")
        NoticeCategory category;
        @Option(names = "--title", required = true, description = "Title (件名).")
        String title;
        @Option(names = "--body", required = true, description = "Body text (本文).")
        String body;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerContext ctx = common.open()) {
                Notice n = ctx.notices().publish(category, title, body);
                spec.commandLine().getOut().println("Notice " + n.id() + " published.");
                return 0;
            }
        }
    }
}
