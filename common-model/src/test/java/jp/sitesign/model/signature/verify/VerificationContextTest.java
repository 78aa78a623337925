package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every check of a document shares: the bytes a byte range covers (exactly to the file's last byte, and
 * nothing once any part of the range lies outside the file), the order of the signatures (by where their
 * revisions end, not by where the form lists them), the coverage of a signature whose revision cannot be read
 * on its own, and the certificates the signatures' CMS carry, from which a chain through an intermediate CA is
 * built.
 */
class VerificationContextTest {
    @TempDir
    Path dir;

    private static SignatureField field(int... byteRange) {
        return new SignatureField("test", SignatureKind.SIGNATURE, byteRange, new byte[0], null, null, null);
    }

    @Test
    void aRangeCoveringTheFileToItsLastByteCoversAllOfIt() throws Exception {
        byte[] pdf = TestPdfs.multiPage(1);
        VerificationContext context = HandMadeSignatures.context(pdf);
        int length = pdf.length;

        assertThat(context.covered(field(0, length, length, 0))).as("an empty second part").isEqualTo(pdf);
        assertThat(context.covered(field(0, 0, 0, length))).as("an empty first part").isEqualTo(pdf);
        assertThat(context.covered(field(0, 10, 20, length - 20)))
                .isEqualTo(concat(Arrays.copyOfRange(pdf, 0, 10), Arrays.copyOfRange(pdf, 20, length)));
        assertThat(context.covered(field(5, 10, 15, 5)))
                .isEqualTo(concat(Arrays.copyOfRange(pdf, 5, 15), Arrays.copyOfRange(pdf, 15, 20)));
    }

    @Test
    void aRangeReachingOneBytePastTheFileCoversNothing() throws Exception {
        byte[] pdf = TestPdfs.multiPage(1);
        VerificationContext context = HandMadeSignatures.context(pdf);
        int length = pdf.length;

        assertThat(context.covered(field(0, 10, 20, length - 19))).as("second part one byte too long").isEmpty();
        assertThat(context.covered(field(0, length + 1, length + 1, 0))).as("first part one byte too long").isEmpty();
        assertThat(context.covered(field(3, length - 2, 0, 0))).as("first part ending one byte late").isEmpty();
        assertThat(context.covered(field(-1, 10, 20, 10))).isEmpty();
        assertThat(context.covered(field(0, -1, 20, 10))).isEmpty();
        assertThat(context.covered(field(0, 10, -1, 10))).isEmpty();
        assertThat(context.covered(field(0, 10, 20, -1))).isEmpty();
        assertThat(context.covered(field(0, 10, 20))).isEmpty();
        assertThat(context.covered(new SignatureField("test", SignatureKind.SIGNATURE, null, new byte[0], null, null,
                null))).isEmpty();
    }

    @Test
    void signaturesAreInTheOrderTheirRevisionsEndNotTheFormsOrder() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e3(), d.e1());

        List<SignatureField> fields = HandMadeSignatures.context(d.pdf).fields;

        assertThat(fields).extracting(SignatureField::fieldName).containsExactly("second", "first");
        assertThat(fields).extracting(SignatureField::signedEnd).containsExactly(d.e1(), d.e3());
    }

    @Test
    void aSignedRevisionThatCannotBeReadOnItsOwnHasUnknownCoverage() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures().withMarkerInStream();
        long fake = d.fakeEnd();
        d.ending(d.e1(), fake);
        VerificationContext context = HandMadeSignatures.context(d.pdf);

        Coverage coverage = context.coverage(context.fields.get(1), true);

        assertThat(coverage.status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(coverage.revision()).isEqualTo(3);
        assertThat(coverage.revisions()).isEqualTo(4);
        assertThat(coverage.signedBytes()).isEqualTo(fake);
        assertThat(coverage.changes()).isEmpty();
    }

    @Test
    void aSignatureWhoseRangeIsUnsoundOrEndsWhereNoRevisionEndsCoversNoKnownRevision() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e2(), d.e3() - 5);
        VerificationContext context = HandMadeSignatures.context(d.pdf);

        Coverage unsound = context.coverage(context.fields.get(0), false);
        Coverage nowhere = context.coverage(context.fields.get(1), true);
        Coverage sound = context.coverage(context.fields.get(0), true);

        assertThat(unsound.status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(unsound.revision()).as("an unsound range is not trusted to name a revision").isZero();
        assertThat(unsound.revisions()).isEqualTo(3);
        assertThat(unsound.signedBytes()).isEqualTo(d.e2());
        assertThat(nowhere.status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(nowhere.revision()).isZero();
        assertThat(nowhere.signedBytes()).isEqualTo(d.e3() - 5);
        assertThat(sound.revision()).isEqualTo(2);
        assertThat(sound.status()).as("revision 3 is unsigned data").isEqualTo(CoverageStatus.DISALLOWED_MODIFICATION);
        assertThat(sound.disallowedChanges()).extracting(Change::kind).containsExactly(ChangeKind.UNSIGNED_DATA);
    }

    @Test
    void anIntermediateCaCarriedOnlyInTheSignaturesCmsLinksTheSignerToTheAnchor() throws Exception {
        KeyPair rootKeys = TestCa.ecKeyPair("secp256r1");
        X509Certificate root = certificate("Context Root", rootKeys, "Context Root", rootKeys, true);
        KeyPair intermediateKeys = TestCa.ecKeyPair("secp256r1");
        X509Certificate intermediate = certificate("Context Intermediate", intermediateKeys, "Context Root", rootKeys,
                true);
        KeyPair signerKeys = TestCa.ecKeyPair("secp256r1");
        X509Certificate signer = certificate("Carol", signerKeys, "Context Intermediate", intermediateKeys, false);
        Path p12 = Pkcs12Files.write(dir.resolve("carol.p12"), signerKeys, signer, intermediate, "carol", "secret");
        byte[] signed = ShadowUpdates.signedWithin(TestPdfs.multiPage(1), p12, "secret", "carol", document -> { });

        SignatureReport signature = new PadesVerifier(List.of(root), Clock.systemUTC()).verify(signed)
                .signatures().get(0);

        assertThat(signature.integrity().intact()).isTrue();
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(signature.identity().chain()).hasSize(3);
        assertThat(HandMadeSignatures.context(signed).pool).contains(signer, intermediate);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                               boolean ca) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(subject.hashCode() & 0xffff)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name("CN=" + subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
