package jp.sitesign.desktop.signing;

import static jp.sitesign.desktop.editor.EditorFixtures.ME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.sync.Change;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The signing dialog in a real (headless Monocle) window masks its form with 「署名しています…」 while the signature
 * is made, and unmasks it when it is done. The signing itself is real (a PKCS#12 key, the stored PDF); only its
 * start is held: the dialog's background executor queues it until the test runs it.
 */
@ExtendWith(ApplicationExtension.class)
class SigningMaskerFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private SigningViewModel viewModel;
    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

    @Start
    void start(Stage stage) {
        store = EditorFixtures.store(dir.resolve("home" + System.nanoTime()));
        String sha = store.blobs().put(EditorFixtures.pdf(2));
        store.apply(new jp.sitesign.model.sync.ChangePage(List.of(
                Change.of(EditorFixtures.user(ME, "山田 太郎", "ヤマダ タロウ", true,
                        jp.sitesign.model.user.UserStatus.ACTIVE), 100),
                Change.of(SigningViewModelTest.awaitingMySignature(sha), 101)), 101, false, false));
        TestCa ca = SoftHsmToken.shared().ca();
        ContractSigning signing = new ContractSigning(store, (id, s) -> {
            throw new AssertionError("the PDF is on this computer");
        }, List.of(ca.root()), Clock.systemUTC());
        viewModel = new SigningViewModel(signing, SigningViewModelTest.ID, List.of(), null, null, "Linux", held::add,
                Platform::runLater, Clock.systemUTC(), Language.JA, JA, null);
        viewModel.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        viewModel.pkcs12FileProperty().set(oneKeyFile(ca, dir.resolve("signer" + System.nanoTime() + ".p12")));
        stage.setScene(new Scene(new SigningView(viewModel).load(JA), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFormIsMaskedWithWordsWhileTheSignatureIsMadeAndUnmaskedAfter(FxRobot robot) throws Exception {
        MaskerPane masker = robot.lookup("#masker").queryAs(MaskerPane.class);
        assertThat(onFx(masker::isVisible)).as("nothing is being done yet").isFalse();

        CompletableFuture<ContractSigning.Signed> signed = onFx(() -> viewModel.sign("pw-123456".toCharArray()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(masker::isVisible)).as("masked while the signature is made").isTrue();
        assertThat(onFx(masker::getText)).isEqualTo(JA.getString("signing.signing"));
        assertThat(signed).isNotDone();

        assertThat(held).as("the signing, held until the test runs it").hasSize(1);
        held.remove().run();
        ContractSigning.Signed done = signed.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(done.signature().valid()).isTrue();
        assertThat(onFx(masker::isVisible)).as("unmasked once it is done").isFalse();
        assertThat(onFx(() -> viewModel.signedProperty().get())).isTrue();
    }

    /** A PKCS#12 file with one key whose certificate the token CA issued (valid now). */
    private static Path oneKeyFile(TestCa ca, Path file) {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant now = Instant.now();
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), "署名 太郎", now.minus(1, ChronoUnit.DAYS),
                now.plus(300, ChronoUnit.DAYS));
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Pkcs12Files.write(file, keys, certificate, ca.root(), "only", "pw-123456");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
