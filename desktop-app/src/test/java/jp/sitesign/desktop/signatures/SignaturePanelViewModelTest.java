package jp.sitesign.desktop.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature panel's logic on real signed PDFs (common-model's test CA, TSA on loopback and PKCS#12
 * signers), verified with the verifier and anchors the app uses: what a non-expert reads for a valid B-T
 * signature, a PDF annotated after signing, a signer from an unknown CA, and two signatures followed by a
 * document timestamp; an unsigned draft and a file that is not a PDF; and that only the newest document's
 * result is shown.
 */
class SignaturePanelViewModelTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);

    @TempDir
    static Path dir;
    static SignedPdfs pdfs;

    @BeforeAll
    static void signers() {
        pdfs = new SignedPdfs(dir);
    }

    @AfterAll
    static void stop() {
        pdfs.close();
    }

    @Test
    void aTimestampedSignatureIsIntactTrustedAndItsTimeProvenByTheTimestamp() throws Exception {
        SignaturePanelViewModel panel = panel(pdfs.anchors(), JA);

        panel.show(file("bt.pdf", pdfs.aliceBt())).join();

        assertThat(panel.summaryProperty().get()).isEqualTo("すべての署名とタイムスタンプが有効です（1 件）。");
        assertThat(panel.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.light()).isEqualTo(SignatureLight.GREEN);
            assertThat(entry.verdict()).isEqualTo("有効");
            assertThat(entry.heading()).isEqualTo("署名 1: Alice Yamada（山田建設株式会社）");
            assertThat(entry.when()).startsWith("署名日時: ").doesNotContain("+09:00").matches(".*\\d\\d:\\d\\d:\\d\\d.*")
                    .endsWith("（タイムスタンプで証明済み）");
            assertThat(entry.lines()).containsExactly(
                    "改ざんなし: 署名された内容は、署名の後に書き換えられていません。",
                    entry.lines().get(1),
                    entry.lines().get(2),
                    "署名後の変更なし: 表示中の文書は、署名されたときのままです。");
            assertThat(entry.lines().get(1)).startsWith("署名者は信頼済み: 信頼済みの認証局「" + SignedPdfs.CA_NAME + "」");
            assertThat(entry.lines().get(2)).startsWith("タイムスタンプあり: 時刻認証局「SiteSign Test TSA」が、")
                    .doesNotContain("+09:00");
        });
        assertThat(panel.warnings()).isEmpty();
        assertThat(panel.detailsProperty().get()).as("the verifier's own text for experts").contains("総合判定");
        assertThat(panel.busyProperty().get()).isFalse();
    }

    @Test
    void aPdfAnnotatedAfterSigningSaysWhatChangedInBothLanguages() throws Exception {
        Path file = file("annotated.pdf", pdfs.aliceThenAnnotated());
        SignaturePanelViewModel ja = panel(pdfs.anchors(), JA);
        SignaturePanelViewModel en = panel(pdfs.anchors(), EN);

        ja.show(file).join();
        en.show(file).join();

        SignatureEntry entry = ja.entries().get(0);
        assertThat(entry.light()).isEqualTo(SignatureLight.RED);
        assertThat(entry.lines()).contains("改ざんなし: 署名された内容は、署名の後に書き換えられていません。",
                "署名後に変更があります（注釈の追加・変更）。表示中の文書は、署名された内容と違う可能性があります。",
                "・1 ページ目に注釈が追加されました");
        assertThat(ja.summaryProperty().get()).startsWith("確認が必要な署名があります");
        assertThat(en.entries().get(0).lines()).contains(
                "Changed after signing (annotations added or changed). The document shown may differ from what was signed.",
                "• An annotation was added on page 1");
        assertThat(en.entries().get(0).verdict()).isEqualTo("Invalid");
    }

    @Test
    void aSignerFromAnUnknownCaIsIntactButNotTrustedAndTheIssuerIsNamed() throws Exception {
        TestCa other = TestCa.create("Some Other CA");
        SignaturePanelViewModel panel = panel(List.of(other.root()), JA);

        panel.show(file("unknown-ca.pdf", pdfs.aliceBt())).join();

        SignatureEntry entry = panel.entries().get(0);
        assertThat(entry.light()).isEqualTo(SignatureLight.YELLOW);
        assertThat(entry.verdict()).isEqualTo("要確認");
        assertThat(entry.lines()).contains("改ざんなし: 署名された内容は、署名の後に書き換えられていません。",
                "署名者は信頼されていません: 証明書の発行元「" + SignedPdfs.CA_NAME
                        + "」は、信頼済みの認証局ではありません（不明な発行元）。");
        assertThat(panel.summaryProperty().get()).startsWith("確認が必要な署名があります");
    }

    @Test
    void twoSignaturesAndADocumentTimestampAreThreeEntriesInTheOrderTheyWereAdded() throws Exception {
        SignaturePanelViewModel panel = panel(pdfs.anchors(), JA);

        panel.show(file("two-and-stamp.pdf", pdfs.twoSignaturesAndADocumentTimestamp())).join();

        assertThat(panel.entries()).extracting(SignatureEntry::number).containsExactly(1, 2, 3);
        assertThat(panel.entries()).extracting(SignatureEntry::timestamp).containsExactly(false, false, true);
        assertThat(panel.entries()).extracting(SignatureEntry::light)
                .containsOnly(SignatureLight.GREEN);
        assertThat(panel.entries().get(0).heading()).isEqualTo("署名 1: Alice Yamada（山田建設株式会社）");
        assertThat(panel.entries().get(1).heading()).isEqualTo("署名 2: Bob Suzuki（鈴木工務店）");
        assertThat(panel.entries().get(2).heading()).isEqualTo("文書タイムスタンプ 3: SiteSign Test TSA");
        assertThat(panel.entries().get(0).lines())
                .contains("署名後に追加されたのは、後の署名・タイムスタンプ・検証用データだけです。署名された内容は変わっていません。")
                .anySatisfy(line -> assertThat(line).startsWith("・後の署名（").endsWith("）が追加されました（問題ありません）"));
        assertThat(panel.entries().get(2).lines()).anySatisfy(line -> assertThat(line)
                .startsWith("タイムスタンプ: 時刻認証局「SiteSign Test TSA」が、").contains("この文書（それまでの署名を含む）"));
        assertThat(panel.entries().get(2).lines()).anySatisfy(line -> assertThat(line).startsWith("時刻認証局は信頼済み"));
        assertThat(panel.summaryProperty().get()).isEqualTo("すべての署名とタイムスタンプが有効です（3 件）。");
    }

    @Test
    void anUnsignedDraftSaysThereAreNoSignaturesYet() throws Exception {
        SignaturePanelViewModel panel = panel(pdfs.anchors(), EN);

        panel.show(file("draft.pdf", SignedPdfs.unsigned())).join();

        assertThat(panel.summaryProperty().get()).isEqualTo("This document has no signatures yet.");
        assertThat(panel.entries()).isEmpty();
        assertThat(panel.warnings()).as("the summary already says it").isEmpty();
    }

    @Test
    void aFileThatIsNotAPdfSaysItCouldNotBeVerifiedInsteadOfFailing() throws Exception {
        SignaturePanelViewModel panel = panel(pdfs.anchors(), JA);

        panel.show(file("broken.pdf", "not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).join();

        assertThat(panel.summaryProperty().get()).isEqualTo("このファイルは PDF ではないため、署名を検証できません。");
        assertThat(panel.entries()).isEmpty();
        assertThat(panel.busyProperty().get()).isFalse();
    }

    @Test
    void theCommonReasonsADocumentCannotBeReadAreSaidInTheWindowsLanguage_notInTheVerifiersEnglish() throws Exception {
        Path damaged = file("damaged.pdf", java.util.Arrays.copyOf(SignedPdfs.unsigned(), 40));
        Path encrypted = file("encrypted.pdf", encrypted(SignedPdfs.unsigned()));
        Path missing = dir.resolve("gone.pdf");
        SignaturePanelViewModel ja = panel(pdfs.anchors(), JA);
        SignaturePanelViewModel en = panel(pdfs.anchors(), EN);

        ja.show(damaged).join();
        assertThat(ja.summaryProperty().get()).startsWith("この PDF は壊れているか途中で切れているため").doesNotContain("PDF:");
        ja.show(encrypted).join();
        assertThat(ja.summaryProperty().get()).startsWith("この文書は暗号化されているため");
        ja.show(missing).join();
        assertThat(ja.summaryProperty().get()).startsWith("文書のファイルをこのコンピューターで読み込めなかった");

        en.show(damaged).join();
        assertThat(en.summaryProperty().get()).startsWith("This PDF is damaged or cut short");
        en.show(encrypted).join();
        assertThat(en.summaryProperty().get()).startsWith("This document is encrypted");
        en.show(file("text.pdf", "plain text".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).join();
        assertThat(en.summaryProperty().get()).isEqualTo("This file is not a PDF, so its signatures cannot be verified.");
    }

    @Test
    void aNewerMainDocumentOfTheSameContractForgetsTheOldResult_aRefreshWithTheSameDocumentKeepsIt() throws Exception {
        SignaturePanelViewModel panel = panel(pdfs.anchors(), JA);
        javafx.beans.property.ObjectProperty<Path> document = new javafx.beans.property.SimpleObjectProperty<>();
        javafx.beans.property.ObjectProperty<jp.sitesign.model.sync.ContractSnapshot> contract =
                new javafx.beans.property.SimpleObjectProperty<>();
        panel.follow(document, contract);
        jp.sitesign.model.sync.ContractSnapshot v1 = jp.sitesign.desktop.store.UiTestStores.draft("k1", "足場工事",
                "K-1", java.time.LocalDate.of(2026, 4, 1), 1_000L, 1);
        contract.set(withMainDocument(v1, "aa".repeat(32)));
        document.set(file("v1.pdf", pdfs.aliceBt()));
        assertThat(panel.entries()).hasSize(1);

        contract.set(withMainDocument(v1, "aa".repeat(32)));
        assertThat(panel.entries()).as("same document after a refresh").hasSize(1);

        contract.set(withMainDocument(v1, "bb".repeat(32)));
        assertThat(panel.entries()).as("the old version's result is gone").isEmpty();
        assertThat(panel.summaryProperty().get()).isEqualTo(JA.getString("signatures.noDocument"));
    }

    private static jp.sitesign.model.sync.ContractSnapshot withMainDocument(jp.sitesign.model.sync.ContractSnapshot d,
            String sha) {
        return new jp.sitesign.model.sync.ContractSnapshot(d.id(), d.senderId(), d.creatorId(), d.form(), d.status(),
                d.managementNumber(), d.title(), d.transactionDate(), d.amountYen(), d.taxIncluded(), d.construction(),
                d.terms(), d.note(), d.originalId(), d.parties(), d.currentParty(), d.routePosition(), d.deadline(),
                d.returnComment(), sha, d.documents(), d.revision(), d.createdAt(), d.updatedAt());
    }

    private static byte[] encrypted(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf);
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "open",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void verificationRunsInTheBackgroundShowingProgressAndOnlyTheNewestDocumentIsShown() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            SignaturePanelViewModel panel = new SignaturePanelViewModel(pdfs::anchors, Clock.systemUTC(),
                    queued::add, ui, JA);
            Path signed = file("newest.pdf", pdfs.aliceBt());

            CompletableFuture<Void> older = ui.submit(() -> panel.show(file("older.pdf", SignedPdfs.unsigned())))
                    .get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> newer = ui.submit(() -> panel.show(signed)).get(30, TimeUnit.SECONDS);
            assertThat(ui.submit(() -> panel.busyProperty().get()).get(30, TimeUnit.SECONDS))
                    .as("nothing verified on the calling thread; progress shows").isTrue();
            assertThat(ui.submit(() -> panel.summaryProperty().get()).get(30, TimeUnit.SECONDS))
                    .isEqualTo("署名を検証しています…");

            queued.get(1).run();
            newer.get(30, TimeUnit.SECONDS);
            queued.get(0).run();
            older.get(30, TimeUnit.SECONDS);

            assertThat(ui.submit(() -> panel.entries().size()).get(30, TimeUnit.SECONDS))
                    .as("the older, unsigned document finished last but is not shown").isEqualTo(1);
            assertThat(ui.submit(() -> panel.busyProperty().get()).get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            ui.shutdownNow();
        }
    }

    private static SignaturePanelViewModel panel(List<X509Certificate> anchors, ResourceBundle bundle) {
        return new SignaturePanelViewModel(() -> anchors, Clock.systemUTC(), Runnable::run, Runnable::run, bundle);
    }

    private static Path file(String name, byte[] pdf) throws Exception {
        return Files.write(dir.resolve(name), pdf);
    }
}
