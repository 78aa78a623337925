package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs by SHA-256: resumable downloads, checked on completion, and the list of what offline use still needs. */
class BlobsTest {
    private static final byte[] PDF = ("%PDF-1.7\n" + "本文".repeat(5000) + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
    private static final String SHA = Digests.sha256Hex(PDF);

    @TempDir
    Path home;

    @Test
    void aDownloadResumesWhereTheStoreStoppedEvenAfterClosingIt() {
        TestStores stores = new TestStores(home);
        int cut = PDF.length / 3;
        try (StoreSession s = stores.open()) {
            s.blobs().append(SHA, 0, Arrays.copyOfRange(PDF, 0, cut));
            assertThat(s.blobs().get(SHA)).as("not readable before it is complete").isEmpty();
        }
        try (StoreSession s = stores.open()) {
            long from = s.blobs().received(SHA);
            assertThat(from).isEqualTo(cut);
            assertThatThrownBy(() -> s.blobs().append(SHA, 0, PDF)).isInstanceOf(IllegalArgumentException.class);
            s.blobs().append(SHA, from, Arrays.copyOfRange(PDF, cut, PDF.length));
            s.blobs().complete(SHA);

            assertThat(s.blobs().get(SHA)).get().isEqualTo(PDF);
            assertThat(s.blobs().received(SHA)).isZero();
        }
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreDroppedWithAClearMessage() {
        try (StoreSession s = new TestStores(home).open()) {
            byte[] damaged = PDF.clone();
            damaged[100] ^= 1;
            s.blobs().append(SHA, 0, damaged);

            assertThatThrownBy(() -> s.blobs().complete(SHA)).isInstanceOfSatisfying(SiteSignException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT);
                assertThat(e.messageJa()).contains("もう一度");
            });
            assertThat(s.blobs().has(SHA)).isFalse();
            assertThat(s.blobs().received(SHA)).as("the next attempt starts from 0").isZero();
        }
    }

    @Test
    void theStoreListsThePdfsItsContractsNameButItDoesNotHave() {
        try (StoreSession s = new TestStores(home).open()) {
            String other = Digests.sha256Hex(new byte[] {9});
            ContractSnapshot k = TestStores.contract("k1", "x", 1);
            ContractSnapshot withDocs = new ContractSnapshot(k.id(), k.senderId(), k.creatorId(), k.form(), k.status(),
                    k.managementNumber(), k.title(), k.transactionDate(), k.amountYen(), k.taxIncluded(),
                    k.construction(), k.terms(), k.note(), k.originalId(), k.parties(), 0, 0, null, null, SHA,
                    List.of(new ContractSnapshot.DocumentRef(SHA, "MAIN", null, 1, PDF.length, "U00000101", "UPLOADED",
                            TestStores.T), new ContractSnapshot.DocumentRef(other, "ATTACHMENT", "図面.pdf", 1, 1,
                                    "U00000101", "UPLOADED", TestStores.T)), 1, TestStores.T, TestStores.T);
            s.apply(TestStores.page(1, Change.of(withDocs, 1)));

            assertThat(s.blobs().missing()).containsExactlyInAnyOrder(SHA, other);
            assertThat(s.blobs().put(PDF)).isEqualTo(SHA);
            assertThat(s.blobs().missing()).containsExactly(other);
        }
    }

    @Test
    void theListFollowsContractsAsTheyNameADocumentDropItOrGo() {
        try (StoreSession s = new TestStores(home).open()) {
            String other = Digests.sha256Hex(new byte[] {9});
            s.apply(TestStores.page(2, Change.of(naming("k1", 1, SHA, other), 1), Change.of(naming("k2", 1, SHA), 2)));
            assertThat(s.blobs().missingDocuments()).extracting(Blobs.Missing::sha256).containsExactly(
                    sorted(SHA, other));

            s.apply(TestStores.page(3, Change.of(naming("k1", 2, other), 3)));
            assertThat(s.blobs().missingDocuments()).as("k1 no longer names SHA, k2 still does")
                    .containsExactlyInAnyOrder(new Blobs.Missing("k2", SHA), new Blobs.Missing("k1", other));

            s.apply(TestStores.page(4, Change.removed(EntityType.CONTRACT, "k2", 4)));
            assertThat(s.blobs().missingDocuments()).as("nobody names SHA any more")
                    .containsExactly(new Blobs.Missing("k1", other));

            s.apply(TestStores.page(5, Change.of(naming("k3", 1, other), 5), Change.removed(EntityType.CONTRACT, "k1", 6)));
            assertThat(s.blobs().missingDocuments()).as("k3 names it too: fetched through k3 once k1 is gone")
                    .containsExactly(new Blobs.Missing("k3", other));

            s.apply(new ChangePage(List.of(Change.of(naming("k4", 1, SHA), 7)), 7, false, true));
            assertThat(s.blobs().missingDocuments()).as("a reset replaces everything")
                    .containsExactly(new Blobs.Missing("k4", SHA));
            s.blobs().append(SHA, 0, PDF);
            assertThat(s.blobs().missing()).as("a part is not the document").containsExactly(SHA);
            s.blobs().complete(SHA);
            assertThat(s.blobs().missingDocuments()).isEmpty();
        }
    }

    @Test
    void aStoreFromBeforeTheListFindsWhatItLacksWhenOpened() {
        TestStores stores = new TestStores(home);
        try (StoreSession s = stores.open()) {
            s.apply(TestStores.page(1, Change.of(naming("k1", 1, SHA), 1)));
        }
        try (StoreDatabase db = StoreDatabase.open(stores.at, stores.key)) {
            db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE wanted_documents");
                }
                StoreDatabase.setMeta(c, "schema", "2");
                return null;
            });
        }
        try (StoreSession s = stores.open()) {
            assertThat(s.blobs().missingDocuments()).containsExactly(new Blobs.Missing("k1", SHA));
        }
    }

    /** A contract at {@code revision} whose documents are {@code shas} (the first its main PDF). */
    private static ContractSnapshot naming(String id, long revision, String... shas) {
        ContractSnapshot k = TestStores.contract(id, "x", revision);
        List<ContractSnapshot.DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < shas.length; i++) {
            refs.add(new ContractSnapshot.DocumentRef(shas[i], i == 0 ? "MAIN" : "ATTACHMENT", i == 0 ? null : "図面.pdf",
                    1, 1, "U00000101", "UPLOADED", TestStores.T));
        }
        return new ContractSnapshot(k.id(), k.senderId(), k.creatorId(), k.form(), k.status(), k.managementNumber(),
                k.title(), k.transactionDate(), k.amountYen(), k.taxIncluded(), k.construction(), k.terms(), k.note(),
                k.originalId(), k.parties(), 0, 0, null, null, shas[0], refs, revision, TestStores.T, TestStores.T);
    }

    private static String[] sorted(String... shas) {
        String[] copy = shas.clone();
        Arrays.sort(copy);
        return copy;
    }
}
