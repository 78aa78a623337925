package jp.sitesign.desktop.editor;

import static jp.sitesign.desktop.editor.EditorFixtures.CONSENTED;
import static jp.sitesign.desktop.editor.EditorFixtures.ME;
import static jp.sitesign.desktop.editor.EditorFixtures.OWN;
import static jp.sitesign.desktop.editor.EditorFixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.DocumentKind;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's rules on a real local store: checklist, inline errors, the commands saving queues, PDFs. */
class ContractEditorViewModelTest {
    @TempDir
    Path dir;
    private StoreSession store;
    private ContractEditorViewModel vm;
    private final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void open() {
        store = EditorFixtures.store(dir.resolve("home"), Change.of(completed("k-done"), 0));
        vm = new ContractEditorViewModel(store, saved::incrementAndGet, Language.JA, I18n.bundle(Language.JA));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void fillValidDraft() {
        vm.titleProperty().set("外構工事 注文書");
        vm.transactionDateProperty().set(LocalDate.of(2026, 4, 10));
        vm.amountProperty().set("1,100,000");
        Partnership partner = vm.partnerOptions().get(0);
        assertThat(vm.addCounterparty(partner, "U00000201")).isTrue();
        vm.signerProperty().set(vm.signerOptions().get(0));
    }

    private List<OutboxEntry> queued() {
        return store.outbox().all();
    }

    @Test
    void theChecklistNamesEveryRequiredItemOnlyOnceConstructionIsTickedAndDropsFilledOnes() {
        assertThat(vm.constructionProperty().get()).as("建設工事 is ticked for a new contract").isTrue();
        vm.constructionProperty().set(false);
        assertThat(vm.missingItems()).isEmpty();

        vm.constructionProperty().set(true);
        assertThat(vm.missingItems()).containsExactlyElementsOf(
                List.of(ConstructionItem.values()).stream().filter(ConstructionItem::required).toList());
        assertThat(vm.missingItems()).doesNotContain(ConstructionItem.NON_WORKING_DAYS);

        vm.termProperty(ConstructionItem.WORK_NAME).set("○○ビル新築工事");
        assertThat(vm.missingItems()).doesNotContain(ConstructionItem.WORK_NAME).contains(ConstructionItem.WORK_SITE);
        vm.termProperty(ConstructionItem.WORK_NAME).set("   ");
        assertThat(vm.missingItems()).contains(ConstructionItem.WORK_NAME);
    }

    @Test
    void aTooLongConstructionItemIsMarkedUnderTheFieldAndNothingIsSaved() {
        fillValidDraft();
        vm.constructionProperty().set(true);
        vm.termProperty(ConstructionItem.WORK_CONTENT).set("あ".repeat(4001));

        assertThat(vm.termErrorProperty(ConstructionItem.WORK_CONTENT).get()).contains("4,000");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isNotBlank();
        assertThat(queued()).isEmpty();
    }

    @Test
    void anAmountThatIsNotAWholeNumberOfYenIsMarkedAtOnceAndBlocksSaving() {
        fillValidDraft();
        vm.amountProperty().set("12万円");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("取引金額は 0 以上の整数（円）で入力してください。");
        assertThat(vm.save()).isFalse();
        vm.amountProperty().set("120,000円");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
    }

    @Test
    void aMissingTitleIsRefusedUnderTheFieldInTheUsersLanguage() {
        ContractEditorViewModel english = new ContractEditorViewModel(store, saved::incrementAndGet, Language.EN,
                I18n.bundle(Language.EN));
        assertThat(english.save()).isFalse();
        assertThat(english.titleErrorProperty().get()).isEqualTo("The title is required.");
        assertThat(queued()).isEmpty();
        assertThat(saved).hasValue(0);
    }

    @Test
    void tooManyCounterpartiesForTheFormAreRefusedWithTheDraftsOwnMessage() {
        fillValidDraft();
        vm.counterparties().add(new ContractEditorViewModel.CounterpartyRow("C00000009", "他社", "U00000901"));

        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).contains("当事者は送付元を含めて 2 社まで");
        assertThat(queued()).isEmpty();
    }

    @Test
    void theFirstSaveQueuesCreateDraftWithANewIdAndTheNextAnEditOfThatDraft() {
        fillValidDraft();
        vm.constructionProperty().set(true);
        vm.termProperty(ConstructionItem.WORK_NAME).set("○○ビル新築工事");
        vm.addApprover(vm.approverOptions().get(1));
        vm.deadlineProperty().set(LocalDate.of(2026, 4, 30));

        assertThat(vm.save()).isTrue();
        String id = vm.contractId().orElseThrow();
        assertThat(queued()).singleElement().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.CREATE_DRAFT);
            assertThat(e.command().entityId()).isEqualTo(id);
            ContractDraft d = ((Command.WithDraft) e.command()).draft();
            assertThat(d.title()).isEqualTo("外構工事 注文書");
            assertThat(d.amountYen()).isEqualTo(1_100_000L);
            assertThat(d.taxIncluded()).isTrue();
            assertThat(d.counterparties()).containsExactly(new ContractDraft.Counterparty(CONSENTED.value(), "U00000201"));
            assertThat(d.signer()).isEqualTo(SIGNER.value());
            assertThat(d.terms()).containsEntry(ConstructionItem.WORK_NAME, "○○ビル新築工事");
            assertThat(d.deadline()).isEqualTo(java.time.Instant.parse("2026-04-30T15:00:00Z"));
        });
        assertThat(saved).hasValue(1);
        assertThat(vm.messageProperty().get()).contains("保存しました");

        vm.titleProperty().set("外構工事 注文書（改）");
        assertThat(vm.save()).isTrue();
        assertThat(queued()).hasSize(2).last().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.EDIT_DRAFT);
            assertThat(e.command().entityId()).isEqualTo(id);
            assertThat(e.command().baseRevision()).as("the revision the server gives the new draft")
                    .isEqualTo(jp.sitesign.model.sync.ContractSnapshot.FIRST_REVISION);
            assertThat(((Command.WithDraft) e.command()).draft().title()).isEqualTo("外構工事 注文書（改）");
        });
        assertThat(store.contracts().current(id).orElseThrow().current().title()).isEqualTo("外構工事 注文書（改）");
    }

    @Test
    void aLoadedDraftShowsWhatWasSavedAndEditsItsRevision() {
        fillValidDraft();
        vm.constructionProperty().set(true);
        vm.termProperty(ConstructionItem.WORK_SITE).set("東京都千代田区");
        vm.save();
        String id = vm.contractId().orElseThrow();

        ContractEditorViewModel again = new ContractEditorViewModel(store, () -> { }, Language.JA,
                I18n.bundle(Language.JA));
        again.load(id);

        assertThat(again.titleProperty().get()).isEqualTo("外構工事 注文書");
        assertThat(again.amountProperty().get()).isEqualTo("1100000");
        assertThat(again.signerProperty().get().id()).isEqualTo(SIGNER.value());
        assertThat(again.counterparties()).extracting(ContractEditorViewModel.CounterpartyRow::companyName)
                .containsExactly("協力工業株式会社");
        assertThat(again.missingItems()).doesNotContain(ConstructionItem.WORK_SITE).contains(ConstructionItem.WORK_NAME);
        again.noteProperty().set("現場説明会は 4/5");
        assertThat(again.save()).isTrue();
        assertThat(queued()).last().satisfies(e -> assertThat(e.command().type()).isEqualTo(CommandType.EDIT_DRAFT));
    }

    @Test
    void onlyActiveUsersWithSigningAuthorityAreOfferedAsSigners() {
        assertThat(vm.signerOptions()).extracting(UserView::id).containsExactly(SIGNER.value());
        assertThat(vm.approverOptions()).extracting(UserView::id).doesNotContain(EditorFixtures.SUSPENDED_SIGNER.value())
                .contains(ME.value(), SIGNER.value());
    }

    @Test
    void onlyPartnersWhoGaveTheirConsentCanBeChosenAndTheReceiverMustBeAUserId() {
        assertThat(vm.partnerOptions()).extracting(p -> p.counterpartyId()).containsExactly(CONSENTED);

        assertThat(vm.addCounterparty(vm.partnerOptions().get(0), "yamada")).isFalse();
        assertThat(vm.counterpartyErrorProperty().get()).contains("U に続く 8 桁");
        assertThat(vm.counterparties()).isEmpty();
    }

    @Test
    void theMainPdfIsCheckedKeptLocallyAndAttachedAfterTheDraftIsSaved() throws Exception {
        fillValidDraft();
        Path pdf = Files.write(dir.resolve("注文書.pdf"), EditorFixtures.pdf(2));

        assertThat(vm.documents().attachMain(pdf)).isTrue();

        List<OutboxEntry> q = queued();
        assertThat(q).extracting(e -> e.command().type())
                .containsExactly(CommandType.CREATE_DRAFT, CommandType.ATTACH_DOCUMENT);
        Command.AttachDocument attach = (Command.AttachDocument) q.get(1).command();
        String sha = attach.documentSha256();
        assertThat(attach.documentKindOrMain()).isEqualTo(DocumentKind.MAIN);
        byte[] content = Files.readAllBytes(pdf);
        assertThat(store.blobs().get(sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        assertThat(vm.documents().mainNameProperty().get()).isEqualTo("注文書.pdf");
    }

    @Test
    void aSaveAfterAttachingIsBasedOnTheRevisionTheAttachProduces_notTheOneBeforeIt() throws Exception {
        store.close();
        store = EditorFixtures.store(dir.resolve("home2"), Change.of(draftAt("k-draft", 5), 1));
        vm = new ContractEditorViewModel(store, saved::incrementAndGet, Language.JA, I18n.bundle(Language.JA));
        vm.load("k-draft");
        Path pdf = Files.write(dir.resolve("注文書.pdf"), EditorFixtures.pdf(1));

        assertThat(vm.documents().attachMain(pdf)).isTrue();
        vm.titleProperty().set("外構工事 注文書（改）");
        assertThat(vm.save()).isTrue();
        assertThat(vm.save()).isTrue();

        assertThat(queued()).extracting(e -> e.command().type() + "@" + e.command().baseRevision())
                .containsExactly("ATTACH_DOCUMENT@5", "EDIT_DRAFT@6", "EDIT_DRAFT@7");
        assertThat(((Command.EditDraft) queued().get(1).command()).draft().revision()).isEqualTo(6L);
    }

    @Test
    void anAttachRightAfterANewDraftIsBasedOnTheServersFirstRevision() throws Exception {
        fillValidDraft();
        Path pdf = Files.write(dir.resolve("注文書.pdf"), EditorFixtures.pdf(1));

        assertThat(vm.documents().attachMain(pdf)).isTrue();
        assertThat(vm.save()).isTrue();

        assertThat(queued()).extracting(e -> e.command().type() + "@" + e.command().baseRevision())
                .containsExactly("CREATE_DRAFT@null", "ATTACH_DOCUMENT@1", "EDIT_DRAFT@2");
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedWithTheReasonAndNothingIsQueued() throws Exception {
        fillValidDraft();
        vm.save();
        Path text = Files.writeString(dir.resolve("memo.pdf"), "見積の覚え書き");

        assertThat(vm.documents().attachAttachment(text)).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("memo.pdf: PDF ファイルではありません。");
        assertThat(queued()).extracting(e -> e.command().type()).containsExactly(CommandType.CREATE_DRAFT);
        assertThat(vm.documents().attachments()).isEmpty();
    }

    @Test
    void dropsAttachTheMainPdfThenAttachmentsAndTheSixthAttachmentIsRefused() throws Exception {
        fillValidDraft();
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            files.add(Files.write(dir.resolve("doc" + i + ".pdf"), EditorFixtures.pdf(1 + i % 2)));
        }

        vm.documents().drop(files);

        assertThat(vm.documents().mainNameProperty().get()).isEqualTo("doc0.pdf");
        assertThat(vm.documents().attachments()).extracting(EditorDocuments.Document::name)
                .containsExactly("doc1.pdf", "doc2.pdf", "doc3.pdf", "doc4.pdf", "doc5.pdf");
        assertThat(vm.errorProperty().get()).startsWith("doc6.pdf: 添付書類は 5 件までです。");
        assertThat(queued().stream().map(OutboxEntry::command).filter(Command.AttachDocument.class::isInstance)
                .map(Command.AttachDocument.class::cast).filter(a -> a.documentKind() == DocumentKind.ATTACHMENT)
                .map(Command.AttachDocument::documentName).toList())
                .containsExactly("doc1.pdf", "doc2.pdf", "doc3.pdf", "doc4.pdf", "doc5.pdf");
    }

    @Test
    void aCompletedContractOffersAnAmendmentWhichQueuesAmendWithANewId() {
        vm.load("k-done");
        assertThat(vm.canAmendProperty().get()).isTrue();

        String newId = vm.amend().orElseThrow();

        assertThat(queued()).singleElement().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.AMEND);
            assertThat(e.command().entityId()).isEqualTo(newId).isNotEqualTo("k-done");
            assertThat(((Command.Amend) e.command()).originalId()).isEqualTo("k-done");
        });
    }

    @Test
    void aDraftOffersNoAmendment() {
        fillValidDraft();
        vm.save();
        vm.load(vm.contractId().orElseThrow());
        assertThat(vm.canAmendProperty().get()).isFalse();
        assertThat(vm.amend()).isEmpty();
    }

    private static ContractSnapshot draftAt(String id, long revision) {
        List<PartyStep> parties = List.of(new PartyStep(OWN, null, List.of(), SIGNER, false),
                new PartyStep(CONSENTED, new UserId("U00000201"), List.of(), null, false));
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.DRAFT, parties, 0, 0, null,
                null);
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, "K-2", "外構工事 注文書", LocalDate.of(2026, 4, 10),
                1_100_000L, true, false, null, null, null, List.of(), List.of(), null, null);
        return ContractSnapshot.of(id, OWN, ME, p, d.data(), null, List.of(), revision, EditorFixtures.T,
                EditorFixtures.T);
    }

    private static ContractSnapshot completed(String id) {
        List<PartyStep> parties = List.of(
                new PartyStep(OWN, null, List.of(), SIGNER, true),
                new PartyStep(CONSENTED, new UserId("U00000201"), List.of(), new UserId("U00000202"), true));
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.COMPLETED, parties, 1, 0, null,
                null);
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, "K-1", "締結済の契約", LocalDate.of(2026, 1, 5),
                500_000L, true, false, null, null, null, List.of(), List.of(), null, null);
        return ContractSnapshot.of(id, OWN, ME, p, d.data(), "ab".repeat(32), List.of(), 7, EditorFixtures.T,
                EditorFixtures.T);
    }
}
