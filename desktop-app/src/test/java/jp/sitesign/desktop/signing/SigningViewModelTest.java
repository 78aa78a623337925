package jp.sitesign.desktop.signing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionException;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.token.Pkcs11Slot;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static jp.sitesign.desktop.editor.EditorFixtures.ME;
import static jp.sitesign.desktop.editor.EditorFixtures.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing dialog's logic with a real PKCS#11 token (SoftHSM2) on a contract awaiting this user's
 * signature in a local store: the token is found by its label, the signature verifies against the token CA
 * and the SIGN command is queued; a wrong PIN and an expired certificate are named as such.
 */
class SigningViewModelTest {
    static final String ID = "k-sign";

    @TempDir
    Path dir;
    private StoreSession store;
    private SoftHsmToken token;
    private String baseSha;

    @BeforeEach
    void open() {
        token = SoftHsmToken.shared();
        store = EditorFixtures.store(dir.resolve("home"));
        baseSha = store.blobs().put(EditorFixtures.pdf(2));
        store.apply(new jp.sitesign.model.sync.ChangePage(List.of(
                Change.of(EditorFixtures.user(ME, "山田 太郎", "ヤマダ タロウ", true,
                        jp.sitesign.model.user.UserStatus.ACTIVE), 100),
                Change.of(awaitingMySignature(baseSha), 101)), 101, false, false));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SigningViewModel viewModel(Language language) {
        return viewModel(language, List.of(SoftHsmToken.MODULE), null);
    }

    private SigningViewModel viewModel(Language language, List<Path> libraries, java.net.URI tsa) {
        ContractSigning signing = new ContractSigning(store, (id, sha) -> {
            throw new AssertionError("the PDF is on this computer");
        }, List.of(token.ca().root()), Clock.systemUTC());
        return new SigningViewModel(signing, ID, libraries, tsa, null, "Linux", Runnable::run,
                Runnable::run, Clock.systemUTC(), language, I18n.bundle(language), null);
    }

    /** A PKCS#12 file with one key whose certificate the token CA issued (valid now). */
    private Path oneKeyFile(Path file, String holder) {
        TestCa ca = token.ca();
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant now = Instant.now();
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), holder, now.minus(1, ChronoUnit.DAYS),
                now.plus(300, ChronoUnit.DAYS));
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Pkcs12Files.write(file, keys, certificate, ca.root(), "only", "pw-123456");
    }

    private static void choose(SigningViewModel vm, String label) {
        Pkcs11Slot slot = vm.slots().stream().filter(s -> s.label().filter(label::equals).isPresent()).findFirst()
                .orElseThrow();
        vm.slotProperty().set(slot);
    }

    @Test
    void theTokenIsListedByItsLabelAndSigningQueuesAVerifiedSignature() {
        SigningViewModel vm = viewModel(Language.JA);
        assertThat(vm.libraryProperty().get().path()).isEqualTo(SoftHsmToken.MODULE);
        assertThat(vm.slots()).extracting(Pkcs11Slot::displayName).contains(SoftHsmToken.LABEL);
        choose(vm, SoftHsmToken.LABEL);
        vm.keyAliasProperty().set(SoftHsmToken.RSA_ALIAS);
        char[] pin = SoftHsmToken.PIN.toCharArray();

        ContractSigning.Signed signed = vm.sign(pin).join();

        assertThat(pin).containsOnly('\0');
        assertThat(signed.baseSha256()).isEqualTo(baseSha);
        assertThat(signed.signature().valid()).isTrue();
        assertThat(store.outbox().pending()).singleElement().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.SIGN);
            Command.Sign sign = (Command.Sign) e.command();
            assertThat(sign.documentSha256()).isEqualTo(signed.signedSha256());
            assertThat(sign.baseSha256()).isEqualTo(baseSha);
        });
        assertThat(store.blobs().has(signed.signedSha256())).isTrue();
        assertThat(vm.signedProperty().get()).isTrue();
        assertThat(vm.reportProperty().get()).startsWith("この署名は有効です");
        assertThat(vm.statusProperty().get()).as("no internal ids on screen")
                .doesNotContain(signed.commandId().toString()).isEqualTo("署名しました。次の同期でサーバーに送ります。");
        assertThat(vm.canSignProperty().get()).as("signed once: 署名する is done").isFalse();
        assertThat(vm.detailsProperty().get()).as("the verifier's text, for experts").isNotEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aTokenErrorGoesAwayWhenThePkcs12FileIsChosenAndComesBackWithTheTokenChoice() {
        SigningViewModel vm = viewModel(Language.JA);
        vm.libraryProperty().set(new TokenLibraries.Library("カードなし", dir.resolve("missing-pkcs11.so")));
        String tokenError = vm.errorProperty().get();
        assertThat(tokenError).isNotEmpty();

        vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        assertThat(vm.errorProperty().get()).isEmpty();

        vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.TOKEN);
        assertThat(vm.errorProperty().get()).isEqualTo(tokenError);
    }

    @Test
    void aWrongPinIsNamedAsSuchAndNothingIsQueued() {
        SigningViewModel vm = viewModel(Language.JA);
        choose(vm, SoftHsmToken.SPARE_LABEL);
        vm.keyAliasProperty().set(SoftHsmToken.RSA_ALIAS);

        assertThatThrownBy(() -> vm.sign("000000".toCharArray()).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN));
        assertThat(vm.errorProperty().get()).isEqualTo(new SigningException(SigningError.WRONG_PIN).messageJa());
        assertThat(store.outbox().all()).isEmpty();
        assertThat(vm.signedProperty().get()).isFalse();
    }

    @Test
    void anExpiredCertificateIsNamedAsTheCauseInEnglishForAnEnglishUser() {
        TestCa ca = token.ca();
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant now = Instant.now();
        X509Certificate expired = ca.issueSigner(keys.getPublic(), "期限切れ 署名者",
                now.minus(400, ChronoUnit.DAYS), now.minus(35, ChronoUnit.DAYS));
        Path p12 = Pkcs12Files.write(dir.resolve("old.p12"), keys, expired, ca.root(), "old", "pw-123456");
        SigningViewModel vm = viewModel(Language.EN);
        vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        vm.pkcs12FileProperty().set(p12);

        assertThatThrownBy(() -> vm.sign("pw-123456".toCharArray()).join()).hasCauseInstanceOf(SigningException.class);

        assertThat(vm.errorProperty().get()).startsWith("Certificate \"").contains("is not valid now");
        assertThat(store.outbox().all()).isEmpty();
    }

    @Test
    void withoutATimestampServerOnlyTheBasicLevelIsOfferedAndAskingForBtIsRefused() {
        SigningViewModel vm = viewModel(Language.JA);
        assertThat(vm.levels()).containsExactly(SignatureLevel.B_B);
        assertThat(vm.levelProperty().get()).isEqualTo(SignatureLevel.B_B);
        vm.levelProperty().set(SignatureLevel.B_T);
        char[] pin = SoftHsmToken.PIN.toCharArray();

        assertThat(vm.sign(pin)).isCompletedExceptionally();
        assertThat(pin).containsOnly('\0');
        assertThat(vm.errorProperty().get()).contains("タイムスタンプサーバー");
    }

    @Test
    void theDialogSaysWhatIsSignedNumberTitleCounterpartyAmountAndVersionWithItsFingerprint() {
        SigningViewModel vm = viewModel(Language.JA);
        vm.subject(jp.sitesign.desktop.contracts.SigningSubjects.of(store, ID, I18n.bundle(Language.JA)).orElseThrow());

        assertThat(vm.whatIsSigned()).extracting(p -> p[0] + "=" + p[1]).containsExactly(
                "文書管理番号=K-9",
                "契約文書名=署名待ちの契約",
                "取引先=" + vm.whatIsSigned().get(2)[1],
                "取引金額=¥1,000（税込）",
                "文書の版=第1版（指紋 " + baseSha.substring(0, 4) + " " + baseSha.substring(4, 8) + " "
                        + baseSha.substring(8, 12) + " " + baseSha.substring(12, 16) + "）");
        assertThat(vm.whatIsSigned().get(2)[1]).as("the counterparty is named").isNotBlank().isNotEqualTo("—");
    }

    @Test
    void noErrorBeforeTheUserActsOnlyAHintAndTheErrorWhenTheyLookForTokensThemselves() throws Exception {
        Path notALibrary = java.nio.file.Files.writeString(dir.resolve("broken-pkcs11.so"), "not a library");

        SigningViewModel vm = viewModel(Language.JA, List.of(notALibrary), null);

        assertThat(vm.errorProperty().get()).as("nothing done yet: no red error").isEmpty();
        assertThat(vm.hintProperty().get()).contains("トークンを探す");
        vm.findSlots();
        assertThat(vm.errorProperty().get()).as("the user looked: now it is an error").isNotEmpty();
    }

    @Test
    void theDefaultLevelIsTheSettingsOneEvenWhenATimestampServerIsThere() {
        java.net.URI tsa = java.net.URI.create("http://127.0.0.1:9/tsa");
        SigningViewModel vm = viewModel(Language.JA, List.of(SoftHsmToken.MODULE), tsa);
        assertThat(vm.levels()).contains(SignatureLevel.B_T);

        vm.defaultLevel(SignatureLevel.B_B);
        assertThat(vm.levelProperty().get()).as("設定 → 署名レベルの既定値").isEqualTo(SignatureLevel.B_B);
        vm.defaultLevel(SignatureLevel.B_T);
        assertThat(vm.levelProperty().get()).isEqualTo(SignatureLevel.B_T);
    }

    @Test
    void theLastKeySourceAndFileAreRememberedAndTheChooserOpensInTheirFolder() {
        Path p12 = oneKeyFile(dir.resolve("keys").resolve("mine.p12"), "山田 太郎");
        jp.sitesign.desktop.settings.Remembered memory = new jp.sitesign.desktop.settings.Remembered(dir.resolve("home"));
        SigningViewModel first = viewModel(Language.JA).remember(memory);
        assertThat(first.sourceKindProperty().get()).as("nothing remembered yet").isEqualTo(
                SigningViewModel.KeySourceKind.TOKEN);
        first.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        jp.sitesign.desktop.ui.ScriptedDialogs dialogs = new jp.sitesign.desktop.ui.ScriptedDialogs().choose(p12);
        first.chooseFile(dialogs);
        assertThat(first.pkcs12FileProperty().get()).isEqualTo(p12);

        first.sign("pw-123456".toCharArray()).join();

        SigningViewModel next = viewModel(Language.JA).remember(new jp.sitesign.desktop.settings.Remembered(
                dir.resolve("home")));
        assertThat(next.sourceKindProperty().get()).isEqualTo(SigningViewModel.KeySourceKind.PKCS12);
        assertThat(next.pkcs12FileProperty().get()).isEqualTo(p12.toAbsolutePath());
        assertThat(next.errorProperty().get()).isEmpty();
        next.pkcs12FileProperty().set(null);
        jp.sitesign.desktop.ui.ScriptedDialogs again = new jp.sitesign.desktop.ui.ScriptedDialogs().choose(null);
        next.chooseFile(again);
        assertThat(again.folders()).containsExactly(p12.toAbsolutePath().getParent());
    }

    @Test
    void inTheDemoTheChooserFirstOpensInTheDemoTokensFolder() throws Exception {
        Path tokens = java.nio.file.Files.createDirectories(dir.resolve("demo").resolve("tokens"));
        SigningViewModel vm = viewModel(Language.JA).remember(new jp.sitesign.desktop.settings.Remembered(
                dir.resolve("demo").resolve("desktop")));
        vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        jp.sitesign.desktop.ui.ScriptedDialogs dialogs = new jp.sitesign.desktop.ui.ScriptedDialogs().choose(null);

        vm.chooseFile(dialogs);

        assertThat(dialogs.folders()).containsExactly(tokens.toAbsolutePath());
    }

    @Test
    void severalKeysAreOfferedByTheirCertificatesAndOneKeyIsChosenAtOnce() {
        SigningViewModel token = viewModel(Language.JA);
        choose(token, SoftHsmToken.LABEL);
        token.readKeys(SoftHsmToken.PIN.toCharArray()).join();
        assertThat(token.keys()).hasSizeGreaterThan(1);
        assertThat(token.keyProperty().get()).as("several: the user chooses").isNull();
        assertThat(token.hintProperty().get()).contains("複数");
        token.keyProperty().set(token.keys().stream().filter(k -> k.alias().equals(SoftHsmToken.RSA_ALIAS))
                .findFirst().orElseThrow());
        assertThat(token.keyAliasProperty().get()).isEqualTo(SoftHsmToken.RSA_ALIAS);
        assertThat(token.keyDescriptionProperty().get()).contains("発行元").contains("有効期間");

        Path p12 = oneKeyFile(dir.resolve("one.p12"), "鈴木 一郎");
        SigningViewModel file = viewModel(Language.JA);
        file.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        file.pkcs12FileProperty().set(p12);
        char[] pin = "pw-123456".toCharArray();
        file.readKeys(pin).join();
        assertThat(pin).containsOnly('\0');
        assertThat(file.keys()).singleElement();
        assertThat(file.keyDescriptionProperty().get()).startsWith("鈴木 一郎").contains("/");
        ContractSigning.Signed signed = file.sign("pw-123456".toCharArray()).join();
        assertThat(signed.signature().valid()).isTrue();
        assertThat(file.canSignProperty().get()).isFalse();
    }

    static ContractSnapshot awaitingMySignature(String mainDocument) {
        CompanyId partner = EditorFixtures.CONSENTED;
        List<PartyStep> parties = List.of(new PartyStep(OWN, null, List.of(), ME, false),
                new PartyStep(partner, new UserId("U00000201"), List.of(), null, false));
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, parties,
                0, 0, null, null);
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, "K-9", "署名待ちの契約", LocalDate.of(2026, 4, 1),
                1_000L, true, false, null, null, null, List.of(), List.of(), null, null);
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        return ContractSnapshot.of(ID, OWN, ME, p, d.data(), mainDocument, List.of(), 3, t, t);
    }
}
