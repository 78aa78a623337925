package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A basic signature's {@code /Contents} is sized from the signer's real chain (not PDFBox's default), and the
 * CMS sits at its start. PKCS#12 key, fixed clock, no TSA.
 */
class PadesSignerReservationTest {
    private static final String PASSWORD = "reservation-secret";
    private static final Instant SIGNING_TIME = Instant.parse("2025-04-01T01:02:03Z");

    @TempDir
    static Path dir;
    static Path alice;

    @BeforeAll
    static void createKey() {
        TestCa ca = TestCa.create("SiteSign Reservation Signer CA");
        alice = Pkcs12Files.writeValidSince(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice",
                PASSWORD, SIGNING_TIME.minus(Duration.ofDays(1)));
    }

    @Test
    void contentsIsReservedFromTheChainAtTheFirstAttempt() throws Exception {
        List<X509Certificate> chain;
        try (KeySession session = new Pkcs12KeySource(alice).open(password())) {
            chain = session.keyOrOnly("alice").chain();
        }
        int expected = new ContentsReservation(PadesSigner.DEFAULT_TIMESTAMP_RESERVE).initial(chain, SignatureLevel.B_B);

        byte[] signed = new PadesSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC))
                .sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(), SignatureRequest.basic("alice"));

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat((range[2] - range[1] - 2) / 2).as("reserved /Contents bytes").isEqualTo(expected);
            assertThat(expected).as("far below PDFBox's 9472-byte default").isLessThan(9472);
            byte[] cms = signature.getContents();
            assertThat(cms[0]).as("DER SEQUENCE at the start").isEqualTo((byte) 0x30);
        }
    }

    private static PinCallback password() {
        return what -> PASSWORD.toCharArray();
    }
}
