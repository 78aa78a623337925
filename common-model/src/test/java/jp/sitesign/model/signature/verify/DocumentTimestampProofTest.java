package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.CmsForgery;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.testing.TwoSigners;
import jp.sitesign.model.signature.timestamp.DocumentTimestampStep;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a document timestamp proves (PAdES long-term logic): the time of the revisions it covers, so a
 * signature without a signature timestamp is dated by a later document timestamp — and never by one made
 * before it; an earlier document timestamp that proves nothing itself is dated by a later one. A document
 * timestamp is no signature: a document carrying only timestamps is not validly signed.
 */
class DocumentTimestampProofTest {
    @TempDir
    static Path dir;
    static TwoSigners signers;
    static TestTsa tsa;

    private final Clock clock = Clock.systemUTC();
    private final PadesVerifier verifier = new PadesVerifier(List.of(signers.ca().root()), clock);

    @BeforeAll
    static void createKeysAndTsa() {
        signers = TwoSigners.create(dir, "SiteSign Test Document Timestamp CA");
        tsa = TestTsa.start(signers.ca());
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    private byte[] stamped(byte[] pdf) throws Exception {
        return new DocumentTimestampStep(new Rfc3161Client(tsa.url()), clock).apply(pdf);
    }

    @Test
    void aBasicSignatureIsDatedByTheDocumentTimestampAfterIt() throws Exception {
        byte[] pdf = stamped(signers.alice(TestPdfs.multiPage(1)));

        VerificationReport report = verifier.verify(pdf);

        assertThat(report.signatures()).extracting(SignatureReport::number, SignatureReport::kind)
                .containsExactly(org.assertj.core.api.Assertions.tuple(1, SignatureKind.SIGNATURE),
                        org.assertj.core.api.Assertions.tuple(2, SignatureKind.DOCUMENT_TIMESTAMP));
        SignatureReport signature = report.signatures().get(0);
        SignatureReport stamp = report.signatures().get(1);
        assertThat(stamp.integrity().intact()).isTrue();
        assertThat(stamp.timestamp().provesTime()).isTrue();
        assertThat(stamp.signingTime().source()).isEqualTo(TimeSource.DOCUMENT_TIMESTAMP);
        assertThat(stamp.signingTime().best()).isEqualTo(stamp.timestamp().time());
        assertThat(signature.timestamp()).as("a B-B signature has no signature timestamp").isNull();
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.DOCUMENT_TIMESTAMP);
        assertThat(signature.signingTime().best()).isEqualTo(stamp.timestamp().time());
        assertThat(signature.identity().checkedAt()).isEqualTo(stamp.timestamp().time());
        assertThat(report.documentFindings()).isEmpty();
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void aDocumentTimestampBeforeASignatureProvesNothingAboutIt() throws Exception {
        Instant before = Instant.now();
        byte[] pdf = signers.alice(stamped(TestPdfs.multiPage(1)));

        VerificationReport report = verifier.verify(pdf);

        assertThat(report.signatures()).extracting(SignatureReport::kind)
                .containsExactly(SignatureKind.DOCUMENT_TIMESTAMP, SignatureKind.SIGNATURE);
        SignatureReport stamp = report.signatures().get(0);
        SignatureReport signature = report.signatures().get(1);
        assertThat(stamp.number()).isEqualTo(1);
        assertThat(stamp.timestamp().provesTime()).isTrue();
        assertThat(stamp.coverage().status()).isEqualTo(CoverageStatus.ALLOWED_ADDITIONS_ONLY);
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.VERIFICATION_TIME);
        assertThat(signature.signingTime().best()).isEqualTo(report.verifiedAt()).isAfterOrEqualTo(before);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void anUnreadableDocumentTimestampIsDatedByAValidLaterOne() throws Exception {
        byte[] first = stamped(signers.alice(TestPdfs.multiPage(1)));
        byte[] broken = CmsForgery.replaceContentsHex(first, 1, "30820101DEADBEEF".repeat(8));
        byte[] pdf = stamped(broken);

        VerificationReport report = verifier.verify(pdf);

        assertThat(report.signatures()).extracting(SignatureReport::kind).containsExactly(SignatureKind.SIGNATURE,
                SignatureKind.DOCUMENT_TIMESTAMP, SignatureKind.DOCUMENT_TIMESTAMP);
        SignatureReport signature = report.signatures().get(0);
        SignatureReport unreadable = report.signatures().get(1);
        SignatureReport last = report.signatures().get(2);
        assertThat(last.timestamp().provesTime()).isTrue();
        assertThat(unreadable.integrity().status()).isEqualTo(IntegrityStatus.UNREADABLE_SIGNATURE);
        assertThat(unreadable.timestamp().status()).isEqualTo(TimestampStatus.UNREADABLE);
        assertThat(unreadable.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(unreadable.identity().subject()).isNull();
        assertThat(unreadable.identity().checkedAt()).as("checked when the later timestamp proves it existed")
                .isEqualTo(last.timestamp().time());
        assertThat(unreadable.signingTime().source()).isEqualTo(TimeSource.DOCUMENT_TIMESTAMP);
        assertThat(unreadable.signingTime().best()).isEqualTo(last.timestamp().time());
        assertThat(signature.signingTime().source())
                .as("the unreadable timestamp proves nothing; the last one dates the signature")
                .isEqualTo(TimeSource.DOCUMENT_TIMESTAMP);
        assertThat(signature.signingTime().best()).isEqualTo(last.timestamp().time());
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void aTamperedButReadableDocumentTimestampProvesNoTime() throws Exception {
        byte[] pdf = stamped(signers.alice(TestPdfs.multiPage(1)));
        int[] range = CmsForgery.byteRange(pdf, 1);
        byte[] tampered = pdf.clone();
        int claimedDate = indexOf(tampered, "/M (D:", range[0]) + "/M (D:".length();
        tampered[claimedDate + 3] ^= 0x01; // a digit of the year the signature dictionary claims, inside the range

        VerificationReport report = verifier.verify(tampered);

        SignatureReport signature = report.signatures().get(0);
        SignatureReport stamp = report.signatures().get(1);
        assertThat(stamp.integrity().intact()).isFalse();
        assertThat(signature.signingTime().source())
                .as("a timestamp over other bytes dates nothing").isEqualTo(TimeSource.VERIFICATION_TIME);
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void aDocumentWithOnlyADocumentTimestampIsNotSigned() throws Exception {
        VerificationReport report = verifier.verify(stamped(TestPdfs.multiPage(1)));

        assertThat(report.signatures()).singleElement().satisfies(stamp -> {
            assertThat(stamp.kind()).isEqualTo(SignatureKind.DOCUMENT_TIMESTAMP);
            assertThat(stamp.valid()).isTrue();
        });
        assertThat(report.documentFindings()).extracting(DocumentFinding::kind)
                .containsExactly(DocumentFindingKind.NO_SIGNATURES);
        assertThat(report.allValid()).isFalse();
        assertThat(new VerificationReport(report.verifiedAt(), report.documentBytes(), report.signatures(), List.of())
                .allValid()).as("valid timestamps alone, even without the finding, are no signature").isFalse();
    }

    @Test
    void anUploadThatAddsOnlyADocumentTimestampAddsNoSignature() throws Exception {
        byte[] base = signers.alice(TestPdfs.multiPage(1));
        byte[] stampedVersion = stamped(base);

        assertThatThrownBy(() -> new SignedVersionCheck(verifier).check(base, stampedVersion))
                .isInstanceOfSatisfying(jp.sitesign.model.error.SiteSignException.class,
                        e -> assertThat(e.messageJa()).contains("署名がちょうど 1 つ追加されていなければなりません"));
    }

    private static int indexOf(byte[] pdf, String text, int from) {
        String all = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        return all.indexOf(text, from);
    }
}
