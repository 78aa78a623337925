package jp.sitesign.desktop.signing;

import static jp.sitesign.desktop.editor.EditorFixtures.ME;
import static jp.sitesign.desktop.editor.EditorFixtures.OWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.contracts.SigningSubjects;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.signing.seal.SealMemory;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 一括署名 window's logic with a real PKCS#11 token (SoftHSM2) on contracts in a local store: the list is
 * the contracts waiting on the user's signature (a contract waiting on someone else is not in it), the seal
 * follows the user's remembered spot, and one run signs the ticked ones with the PIN typed once, each with its
 * result and the progress in words.
 */
class BulkSigningViewModelTest {
    private static final Path FONT = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
    private static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    Path dir;
    private StoreSession store;
    private SoftHsmToken token;

    @BeforeEach
    void open() {
        token = SoftHsmToken.shared();
        store = EditorFixtures.store(dir.resolve("home"));
        String pdf = store.blobs().put(EditorFixtures.pdf(3));
        store.apply(new jp.sitesign.model.sync.ChangePage(List.of(
                Change.of(EditorFixtures.user(ME, "山田 太郎", "ヤマダ タロウ", true,
                        jp.sitesign.model.user.UserStatus.ACTIVE), 100),
                Change.of(awaiting("k-1", "K-1", "第1工区", ME, pdf), 101),
                Change.of(awaiting("k-2", "K-2", "第2工区", ME, pdf), 102),
                Change.of(awaiting("k-3", "K-3", "第3工区", ME, pdf), 103),
                Change.of(awaiting("k-other", "K-9", "ほかの人の署名待ち", EditorFixtures.SIGNER, pdf), 104)),
                104, false, false));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BulkSigningViewModel viewModel(SealMemory memory, Optional<Path> font) {
        ContractSigning signing = new ContractSigning(store, (id, sha) -> {
            throw new AssertionError("the PDF is on this computer");
        }, List.of(token.ca().root()), Clock.systemUTC());
        SigningViewModel keys = new SigningViewModel(signing, null, List.of(SoftHsmToken.MODULE), null, null, "Linux",
                Runnable::run, Runnable::run, Clock.systemUTC(), Language.JA, JA, null);
        return new BulkSigningViewModel(new BulkSigning(signing), keys, memory, ME.value(), font, "自社建設",
                Runnable::run, Runnable::run, Language.JA, JA);
    }

    @Test
    void theTickedContractsWaitingOnMeAreSignedWithTheTokenOnceWithTheSealAtMyRememberedSpot() throws Exception {
        SealMemory memory = new SealMemory(dir.resolve("seal.properties"));
        memory.remember(ME.value(), new SealMemory.Spot(0, 0.75, 0.9));
        BulkSigningViewModel vm = viewModel(memory, Optional.of(FONT));
        vm.load(() -> SigningSubjects.waitingToSign(store, JA)).join();

        assertThat(vm.rows()).extracting(r -> r.entry().contractId()).containsExactlyInAnyOrder("k-1", "k-2", "k-3");
        assertThat(vm.rows()).allMatch(r -> r.tickedProperty().get());
        assertThat(vm.sealProperty().get()).as("the single dialog's default: my last spot")
                .isEqualTo(BulkSigningViewModel.SealChoice.REMEMBERED);
        vm.rows().stream().filter(r -> r.entry().contractId().equals("k-2")).findFirst().orElseThrow()
                .tickedProperty().set(false);
        assertThat(vm.confirmation()).startsWith("2 件の契約に署名します");
        SigningViewModel keys = vm.keys();
        keys.slotProperty().set(keys.slots().stream()
                .filter(s -> s.label().filter(SoftHsmToken.LABEL::equals).isPresent()).findFirst().orElseThrow());
        // The token holds several keys: read with the PIN, the user picks one by its certificate.
        assertThat(keys.readKeys(SoftHsmToken.PIN.toCharArray()).join()).hasSizeGreaterThan(1);
        keys.keyProperty().set(keys.keys().stream().filter(k -> k.alias().equals(SoftHsmToken.RSA_ALIAS)).findFirst()
                .orElseThrow());
        char[] pin = SoftHsmToken.PIN.toCharArray();

        List<BulkSigning.Result> results = vm.sign(pin).join();

        assertThat(pin).as("the PIN is cleared after the run").containsOnly('\0');
        // The window hands the PIN over once: a second login would have had none and failed the second contract.
        assertThat(results).extracting(BulkSigning.Result::outcome).containsOnly(BulkSigning.Outcome.SIGNED)
                .hasSize(2);
        assertThat(vm.progressTextProperty().get()).isEqualTo("2 / 2 件");
        assertThat(vm.statusProperty().get()).startsWith("署名しました: 2 件、署名していないもの: 0 件");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.resultProperty().get())
                .isEqualTo(r.entry().contractId().equals("k-2") ? "" : "署名しました（有効）"));
        assertThat(vm.canSignProperty().get()).as("a run is not repeated from the same window").isFalse();
        assertThat(store.outbox().pending()).extracting(e -> e.command().entityId())
                .containsExactlyInAnyOrder("k-1", "k-3");
        Command.Sign sign = (Command.Sign) store.outbox().pending().get(0).command();
        try (PDDocument doc = Loader.loadPDF(store.blobs().get(sign.documentSha256()).orElseThrow())) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            assertThat(doc.getPages().indexOf(field.getWidgets().get(0).getPage())).as("the last page, as remembered")
                    .isEqualTo(2);
            assertThat(field.getWidgets().get(0).getRectangle().getLowerLeftX()).as("on the right half")
                    .isGreaterThan(doc.getPage(2).getCropBox().getWidth() / 2);
        }
    }

    @Test
    void aMistypedPinSignsNothingSaysSoOnEachRowAndTheUserMayTryAgainInTheSameWindow() {
        BulkSigningViewModel vm = viewModel(new SealMemory(dir.resolve("none.properties")), Optional.of(FONT));
        vm.load(() -> SigningSubjects.waitingToSign(store, JA)).join();
        SigningViewModel keys = vm.keys();
        keys.slotProperty().set(keys.slots().stream()
                .filter(s -> s.label().filter(SoftHsmToken.LABEL::equals).isPresent()).findFirst().orElseThrow());
        keys.keyAliasProperty().set(SoftHsmToken.RSA_ALIAS);

        List<BulkSigning.Result> wrong = vm.sign("not-the-pin".toCharArray()).join();

        assertThat(wrong).extracting(BulkSigning.Result::outcome).containsExactly(BulkSigning.Outcome.FAILED,
                BulkSigning.Outcome.NOT_SIGNED, BulkSigning.Outcome.NOT_SIGNED);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.resultProperty().get()).contains("PIN"));
        assertThat(store.outbox().pending()).isEmpty();
        assertThat(vm.canSignProperty().get()).as("nothing was signed: the user may try again").isTrue();

        assertThat(vm.sign(SoftHsmToken.PIN.toCharArray()).join()).extracting(BulkSigning.Result::outcome)
                .containsOnly(BulkSigning.Outcome.SIGNED);
        assertThat(store.outbox().pending()).hasSize(3);
        assertThat(vm.canSignProperty().get()).as("signed: not again from this window").isFalse();
    }

    @Test
    void beforeAnySealWasPlacedByHandOrWithoutAFontTheRunIsInvisibleAndSaysWhy() {
        BulkSigningViewModel neverPlaced = viewModel(new SealMemory(dir.resolve("none.properties")), Optional.of(FONT));
        assertThat(neverPlaced.canUseRememberedSeal()).isFalse();
        assertThat(neverPlaced.sealProperty().get()).isEqualTo(BulkSigningViewModel.SealChoice.NONE);
        assertThat(neverPlaced.sealUnavailable()).isEqualTo(JA.getString("bulk.seal.notYetPlaced"));

        BulkSigningViewModel noFont = viewModel(new SealMemory(dir.resolve("none.properties")), Optional.empty());
        assertThat(noFont.sealProperty().get()).isEqualTo(BulkSigningViewModel.SealChoice.NONE);
        assertThat(noFont.sealUnavailable()).isEqualTo(JA.getString("bulk.seal.noFont"));
    }

    private static ContractSnapshot awaiting(String id, String number, String title, UserId signer, String pdf) {
        List<PartyStep> parties = List.of(new PartyStep(OWN, null, List.of(), signer, false),
                new PartyStep(EditorFixtures.CONSENTED, new UserId("U00000201"), List.of(), null, false));
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, parties,
                0, 0, null, null);
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, number, title, LocalDate.of(2026, 4, 1),
                1_000L, true, false, null, null, null, List.of(), List.of(), null, null);
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        return ContractSnapshot.of(id, OWN, ME, p, d.data(), pdf, List.of(), 3, t, t);
    }
}
