package jp.sitesign.model.signature.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch logs in once, and a refused PIN is not tried again on the token for every document. */
class BatchKeySourceTest {
    private static final String PASSWORD = "batch-secret";

    @TempDir
    static Path dir;
    static Path p12;

    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());

    @BeforeAll
    static void key() {
        p12 = Pkcs12Files.write(dir.resolve("batch.p12"), TestCa.create("SiteSign Batch CA"), TestCa.rsaKeyPair(2048),
                "batch", "Batch Signer", PASSWORD);
    }

    @Test
    void threeDocumentsAskThePinOnceAndAreEachValid() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (BatchKeySource batch = new BatchKeySource(new Pkcs12KeySource(p12))) {
            for (int i = 0; i < 3; i++) {
                byte[] signed = signer.sign(TestPdfs.multiPage(1), batch, what -> {
                    asked.incrementAndGet();
                    return PASSWORD.toCharArray();
                }, SignatureRequest.basic(""));
                IndependentChecks.assertValid(java.nio.file.Files.write(dir.resolve("b" + i + ".pdf"), signed), 1);
            }
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void aWrongPinIsTriedOnceAndEveryDocumentOfTheBatchIsRefusedWithIt() {
        AtomicInteger asked = new AtomicInteger();
        try (BatchKeySource batch = new BatchKeySource(new Pkcs12KeySource(p12))) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), batch, what -> {
                    asked.incrementAndGet();
                    return "wrong".toCharArray();
                }, SignatureRequest.basic("")))
                        .isInstanceOfSatisfying(SigningException.class,
                                e -> assertThat(e.error()).isEqualTo(SigningError.WRONG_PIN));
            }
        }
        assertThat(asked).as("the token was asked once, not once per document").hasValue(1);
    }
}
