package jp.sitesign.desktop.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.desktop.contracts.ConflictsViewModel;
import jp.sitesign.desktop.contracts.TurnItem;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.desktop.tools.DemoServer;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 要対応 for every demo login, against the demo server of {@code ./sitesign demo} (in-process): after a sync it lists
 * exactly the contracts waiting on that user, as the printout tells a newcomer — the 発注者's 管理者 approves the
 * 承認待ち contract (the UX review's 佐藤 花子, who was told nothing needed her), each printed signer signs theirs,
 * the drafter revises the returned draft — and nothing for anybody else.
 */
class DemoTurnsIT {
    private static final Pattern CONTRACT = Pattern.compile("^  (DEMO-\\d{4}-\\d{3})  (.+)$");
    private static final Pattern DRAFTED_BY = Pattern.compile("^DEMO contracts .*, drafted by (.+):$");
    static DemoServer demo;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void eachDemoUserSeesExactlyTheContractsWaitingOnThem() throws Exception {
        Map<String, Set<String>> expected = expectedFromThePrintout();
        assertThat(expected.values().stream().mapToInt(Set::size).sum()).as("the printout names turns: " + expected)
                .isGreaterThanOrEqualTo(4);

        ServerApi api = new ServerApi(URI.create(demo.server().server().baseUrl()),
                demo.server().server().tls().certificate());
        for (DemoServer.Login l : demo.logins()) {
            ServerApi.Login login = api.login(l.userId(), l.password().toCharArray());
            try (StoreSession store = new LocalStores(home.resolve(l.userId())).openOnline(
                    demo.server().server().baseUrl(), login.userId(), login.companyId(), l.password().toCharArray())
                    .session()) {
                new SyncEngine(api, store, login.token(), Clock.systemUTC()).syncOnce();
                ConflictsViewModel vm = new ConflictsViewModel(store, () -> { }, Runnable::run, Runnable::run,
                        I18n.bundle(Language.JA));
                vm.refresh().get();

                Set<String> listed = new HashSet<>();
                for (TurnItem t : vm.turns()) {
                    listed.add(store.contracts().current(t.contractId()).orElseThrow().current().managementNumber());
                }
                assertThat(listed).as(l.name() + " (" + l.side() + " " + l.role() + ")")
                        .isEqualTo(expected.getOrDefault(l.userId(), Set.of()));
                assertThat(vm.countProperty().get()).as("the badge of " + l.name()).isEqualTo(listed.size());
            }
        }
    }

    /**
     * Who each demo contract waits on, read from the printout as a newcomer reads it: the 承認待ち contract is the
     * 発注者's 管理者's to approve, each "Sign … as …" line is that signer's, the returned draft is its drafter's.
     */
    private static Map<String, Set<String>> expectedFromThePrintout() {
        Map<String, Set<String>> expected = new HashMap<>();
        String drafter = null;
        for (String line : demo.credentials().split("\n")) {
            Matcher d = DRAFTED_BY.matcher(line);
            if (d.matches()) {
                drafter = d.group(1);
            }
        }
        String drafterName = drafter;
        String drafterId = demo.logins().stream().filter(l -> l.name().equals(drafterName)).findFirst().orElseThrow()
                .userId();
        String approver = demo.person("発注者", "管理者").userId();
        for (String line : demo.credentials().split("\n")) {
            Matcher m = CONTRACT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String status = m.group(2).strip();
            if (status.startsWith("承認待ち")) {
                expected.computeIfAbsent(approver, k -> new HashSet<>()).add(m.group(1));
            } else if (status.startsWith("下書き（差戻し）")) {
                expected.computeIfAbsent(drafterId, k -> new HashSet<>()).add(m.group(1));
            }
        }
        for (DemoServer.Awaiting a : demo.awaiting()) {
            expected.computeIfAbsent(a.userId(), k -> new HashSet<>()).add(a.number());
        }
        return expected;
    }
}
