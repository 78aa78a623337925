package jp.sitesign.model.signature.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.sitesign.model.signature.PadesExtender;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When an archive timestamp must be renewed by: its newest document timestamp's TSA certificate's end. */
class ArchiveTimestampsTest {
    private static final String PASSWORD = "p12-secret";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static Path key;

    @BeforeAll
    static void start() {
        ca = TestCa.withRevocation("SiteSign Archive Test CA");
        tsa = TestTsa.start(ca);
        key = Pkcs12Files.write(dir.resolve("k.p12"), ca, TestCa.rsaKeyPair(2048), "k", "Signer", PASSWORD);
    }

    @AfterAll
    static void stop() {
        tsa.close();
        ca.close();
    }

    @Test
    void aSignatureWithoutADocumentTimestampHasNothingToRenew() throws Exception {
        assertThat(ArchiveTimestamps.tsaCertificateExpiry(sign(SignatureLevel.B_T))).isEmpty();
        assertThat(ArchiveTimestamps.tsaCertificateExpiry(TestPdfs.multiPage(1))).isEmpty();
    }

    @Test
    void anArchivedPdfIsDueByItsTsaCertificatesEnd_andARenewalByTheNewTsaCertificatesEnd() throws Exception {
        Instant firstEnd = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        KeyPair firstKeys = TestCa.rsaKeyPair(2048);
        tsa.rotate(ca.issueTsa(firstKeys.getPublic(), "TSA 1", Instant.now().minus(Duration.ofHours(1)), firstEnd),
                firstKeys);
        byte[] archived = sign(SignatureLevel.B_LTA);
        assertThat(ArchiveTimestamps.tsaCertificateExpiry(archived)).hasValue(firstEnd);

        Instant secondEnd = Instant.now().plus(Duration.ofDays(800)).truncatedTo(ChronoUnit.SECONDS);
        KeyPair secondKeys = TestCa.rsaKeyPair(2048);
        X509Certificate second = ca.issueTsa(secondKeys.getPublic(), "TSA 2", Instant.now().minus(Duration.ofHours(1)),
                secondEnd);
        tsa.rotate(second, secondKeys);
        byte[] renewed = new PadesExtender(new RevocationFetcher(CLOCK), new Rfc3161Client(tsa.url()), CLOCK)
                .addArchiveTimestamp(archived);

        assertThat(ArchiveTimestamps.tsaCertificateExpiry(renewed)).as("the newest timestamp counts").hasValue(secondEnd);
    }

    @Test
    void somethingThatIsNotAPdfIsUnreadable() {
        assertThatThrownBy(() -> ArchiveTimestamps.tsaCertificateExpiry("not a pdf".getBytes()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.DOCUMENT_UNREADABLE));
    }

    private static byte[] sign(SignatureLevel level) throws Exception {
        return new PadesSigner(CLOCK).sign(TestPdfs.multiPage(1), new Pkcs12KeySource(key),
                what -> PASSWORD.toCharArray(), SignatureRequest.at(level, "k", new Rfc3161Client(tsa.url())));
    }
}
