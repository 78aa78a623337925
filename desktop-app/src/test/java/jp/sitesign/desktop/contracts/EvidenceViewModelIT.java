package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.sync.ContractSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 証拠一式を保存 on the detail screen, through its view model against a real server. */
class EvidenceViewModelIT {
    static final Executor NOW = Runnable::run;
    static EvidenceServer fx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        fx = EvidenceServer.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aCompletedContractsPackageIsSavedWhereTheUserChose_forEitherParty() throws Exception {
        for (String token : new String[] {fx.senderToken, fx.receiverToken}) {
            EvidenceViewModel vm = viewModel(fx.api, token, Language.JA);
            ContractSnapshot k = fx.snapshot(token, fx.completedId);
            vm.show(k);
            assertThat(vm.availableProperty().get()).isTrue();
            assertThat(vm.suggestedFileName()).startsWith("evidence-").endsWith(".zip");
            Path target = dir.resolve(token.substring(0, 8) + ".zip");

            vm.save(target).join();

            assertThat(vm.messageProperty().get()).contains("保存しました", target.getFileName().toString());
            var entries = EvidencePackage.read(Files.readAllBytes(target));
            assertThat(entries.keySet()).contains("contract.pdf", "certificate.pdf", "report.json", "manifest.json");
            assertThat(Digests.sha256Hex(entries.get("contract.pdf"))).isEqualTo(k.mainDocument());
        }
    }

    @Test
    void anUnfinishedContractOffersNothing_andSaysWhyInTheUsersLanguage() {
        EvidenceViewModel vm = viewModel(fx.api, fx.senderToken, Language.EN);
        vm.show(fx.snapshot(fx.senderToken, fx.unfinishedId));
        Path target = dir.resolve("nothing.zip");

        vm.save(target).join();

        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.reasonProperty().get()).contains("only for a completed contract");
        assertThat(vm.messageProperty().get()).isEqualTo(vm.reasonProperty().get());
        assertThat(target).doesNotExist();
    }

    @Test
    void offlineItSaysTheServerMakesThePackage() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServerApi unreachable = new ServerApi(URI.create("https://127.0.0.1:" + closed),
                fx.server.server().tls().certificate());
        EvidenceViewModel vm = viewModel(unreachable, fx.senderToken, Language.JA);
        vm.show(fx.snapshot(fx.senderToken, fx.completedId));
        Path target = dir.resolve("offline.zip");

        vm.save(target).join();

        assertThat(vm.messageProperty().get()).contains("オフラインでは保存できません");
        assertThat(target).doesNotExist();
    }

    private static EvidenceViewModel viewModel(ServerApi api, String token, Language language) {
        return new EvidenceViewModel(path -> api.download(path, token), NOW, NOW, I18n.bundle(language));
    }
}
