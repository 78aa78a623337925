package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.KeyedCa;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The document timestamp asks the TSA again, with room for the token it actually got, when the token does
 * not fit the reservation — at most three times in all.
 */
class DocumentTimestampStepTest {
    static KeyedCa ca;
    static KeyPair tsaKeys;
    static X509Certificate tsaCertificate;
    /** Certificates a source can pad its tokens with, each several hundred bytes. */
    static final List<X509Certificate> padding = new ArrayList<>();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void tsa() {
        ca = new KeyedCa("Document Timestamp TSA CA");
        tsaKeys = TestCa.rsaKeyPair(2048);
        tsaCertificate = ca.issue(tsaKeys.getPublic(), "TSA", KeyedCa.usage(KeyPurposeId.id_kp_timeStamping), true);
        for (int i = 0; i < 12; i++) {
            padding.add(ca.issue(TestCa.rsaKeyPair(2048).getPublic(), "Padding " + i, null, false));
        }
    }

    @Test
    void aTokenThatFitsIsWrittenAtOnce() throws Exception {
        CountingSource tsa = new CountingSource(call -> 0);

        byte[] stamped = new DocumentTimestampStep(tsa, CLOCK).apply(TestPdfs.multiPage(1));

        assertThat(tsa.calls).isEqualTo(1);
        assertThat(contents(stamped)).hasSize(DocumentTimestampStep.DEFAULT_RESERVE);
        assertThat(startsWith(contents(stamped), tsa.last)).isTrue();
    }

    @Test
    void aTokenTooLargeIsAskedForAgainWithRoomForIt() throws Exception {
        CountingSource tsa = new CountingSource(call -> 2);

        byte[] stamped = new DocumentTimestampStep(tsa, CLOCK, DigestAlgorithm.SHA256, 512).apply(TestPdfs.multiPage(1));

        assertThat(tsa.calls).isEqualTo(2);
        byte[] contents = contents(stamped);
        assertThat(startsWith(contents, tsa.last)).isTrue();
        // Rounded up to whole kilobytes, with at least one kilobyte spare and not more than two.
        assertThat(contents.length % 1024).isZero();
        assertThat(contents.length).isGreaterThanOrEqualTo(tsa.last.length + 1024).isLessThan(tsa.last.length + 2048);
    }

    @Test
    void aTsaWhoseTokensKeepGrowingIsGivenUpAfterThreeAttempts() {
        // Each token carries four more certificates than the last: more than the spare room of a retry.
        CountingSource tsa = new CountingSource(call -> 4 * call);

        Throwable thrown = catchThrowable(() -> new DocumentTimestampStep(tsa, CLOCK, DigestAlgorithm.SHA256, 512)
                .apply(TestPdfs.multiPage(1)));

        assertThat(tsa.calls).as("token sizes %s", tsa.sizes).isEqualTo(3);
        assertThat(thrown).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.error()).isEqualTo(SigningError.SIGNATURE_TOO_LARGE));
    }

    private static byte[] contents(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getCOSObject().getCOSName(COSName.TYPE)).isEqualTo(COSName.getPDFName("DocTimeStamp"));
            return signature.getContents();
        }
    }

    /** A request asking for the TSA's certificates, so the padding is carried. */
    private static org.bouncycastle.tsp.TimeStampRequest request(byte[] digest) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return requests.generate(NISTObjectIdentifiers.id_sha256, digest);
    }

    private static boolean startsWith(byte[] contents, byte[] token) {
        return contents.length >= token.length && Arrays.equals(Arrays.copyOf(contents, token.length), token);
    }

    /** A TSA in the test: tokens over the digest asked for, padded with {@code extra(call)} certificates. */
    private static final class CountingSource implements TimestampSource {
        private final IntUnaryOperator extra;
        int calls;
        byte[] last;
        final List<Integer> sizes = new ArrayList<>();

        CountingSource(IntUnaryOperator extra) {
            this.extra = extra;
        }

        @Override
        public String name() {
            return "test TSA";
        }

        @Override
        public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
            calls++;
            if (calls > 4) {
                throw new IllegalStateException("asked " + calls + " times");
            }
            try {
                List<X509Certificate> carried = new ArrayList<>(List.of(tsaCertificate));
                carried.addAll(padding.subList(0, Math.min(padding.size(), extra.applyAsInt(calls))));
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCertificate),
                        new JcaDigestCalculatorProviderBuilder().build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.3"));
                tokens.addCertificates(new JcaCertStore(carried));
                TimeStampToken token = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                        .generate(request(digest), BigInteger.valueOf(calls), new Date()).getTimeStampToken();
                last = token.getEncoded();
                sizes.add(last.length);
                return token;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
