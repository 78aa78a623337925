package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ContractSnapshot;
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
}
