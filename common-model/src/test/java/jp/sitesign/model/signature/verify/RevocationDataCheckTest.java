package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which certificates of a chain need revocation data, and which answer decides. Every certificate but
 * the trust anchor needs it; a chain that stops at a self-issued root (not configured as an anchor)
 * needs none for that root; a chain that stops at a certificate nobody issued in the pool needs it for
 * every certificate, and the last one, whose issuer is unknown, cannot be checked.
 */
class RevocationDataCheckTest {
    private static final Instant JUDGED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static EvidenceAuthority root;
    static EvidenceAuthority subCa;
    static X509Certificate signer;

    @BeforeAll
    static void createChain() {
        root = EvidenceAuthority.root("Chain Test Root");
        subCa = root.intermediate("Chain Test Sub CA", null);
        signer = subCa.endEntity(TestCa.rsaKeyPair(2048).getPublic(), "Chain Test Signer");
    }

    @Test
    void eachCertificateBelowTheAnchorNeedsItsOwnDataAndTheAnchorNone() {
        EmbeddedRevocation embedded = new EmbeddedRevocation();
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, subCa.crl(hoursAgo(1), b -> { })));

        RevocationReport onlySignerCovered = RevocationDataCheck.report(
                List.of(signer, subCa.certificate(), root.certificate()), true, embedded, JUDGED_AT);
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, root.crl(hoursAgo(1), b -> { })));
        RevocationReport bothCovered = RevocationDataCheck.report(
                List.of(signer, subCa.certificate(), root.certificate()), true, embedded, JUDGED_AT);

        assertThat(onlySignerCovered.certificates()).extracting(CertificateRevocation::subject)
                .containsExactly(signer.getSubjectX500Principal().getName(),
                        subCa.certificate().getSubjectX500Principal().getName());
        assertThat(onlySignerCovered.certificates()).extracting(CertificateRevocation::status)
                .containsExactly(RevocationStatus.GOOD, RevocationStatus.NOT_CHECKED);
        assertThat(onlySignerCovered.data()).isEqualTo(RevocationData.NOT_PRESENT);
        assertThat(bothCovered.certificates()).extracting(CertificateRevocation::status)
                .containsExactly(RevocationStatus.GOOD, RevocationStatus.GOOD);
        assertThat(bothCovered.data()).isEqualTo(RevocationData.PRESENT);
    }

    @Test
    void aSelfIssuedRootThatIsNotAnAnchorNeedsNoRevocationData() {
        EmbeddedRevocation embedded = new EmbeddedRevocation();
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, subCa.crl(hoursAgo(1), b -> { })));
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, root.crl(hoursAgo(1), b -> { })));

        RevocationReport report = RevocationDataCheck.report(
                List.of(signer, subCa.certificate(), root.certificate()), false, embedded, JUDGED_AT);

        assertThat(report.certificates()).hasSize(2);
        assertThat(report.data()).isEqualTo(RevocationData.PRESENT);
    }

    @Test
    void aChainEndingBelowAnyRootNeedsDataForEveryCertificateAndItsLastCannotBeChecked() {
        EmbeddedRevocation embedded = new EmbeddedRevocation();
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, subCa.crl(hoursAgo(1), b -> { })));
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, root.crl(hoursAgo(1), b -> { })));

        RevocationReport report = RevocationDataCheck.report(List.of(signer, subCa.certificate()), false, embedded,
                JUDGED_AT);

        assertThat(report.certificates()).extracting(CertificateRevocation::status)
                .containsExactly(RevocationStatus.GOOD, RevocationStatus.NOT_CHECKED);
        assertThat(report.certificates().get(1).subject()).contains("CN=Chain Test Sub CA");
        assertThat(report.data()).isEqualTo(RevocationData.NOT_PRESENT);
    }

    @Test
    void aLoneSelfSignedCertificateIsListedAsNotChecked() {
        X509Certificate selfSigned = EvidenceAuthority.root("Lone Self-Signed").certificate();

        RevocationReport report = RevocationDataCheck.report(List.of(selfSigned), false, new EmbeddedRevocation(),
                JUDGED_AT);

        assertThat(report.certificates()).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).contains("CN=Lone Self-Signed");
            assertThat(entry.status()).isEqualTo(RevocationStatus.NOT_CHECKED);
        });
        assertThat(report.data()).isEqualTo(RevocationData.NOT_PRESENT);
    }

    @Test
    void aGoodAnswerDecidesOverANewerUnknownOneAndIsTheEvidenceShown() throws Exception {
        EmbeddedRevocation embedded = new EmbeddedRevocation();
        Instant crlIssued = hoursAgo(3);
        embedded.crls.add(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, subCa.crl(crlIssued, b -> { })));
        embedded.ocsps.add(new EmbeddedRevocation.Ocsp(EmbeddedRevocation.DSS_OCSP, OcspEvidenceCheckTest.parse(
                RevocationItems.ocsp(signer, subCa.certificate(), RevocationItems.unknown(),
                        subCa.keys().getPrivate(), null))));

        CertificateRevocation entry = RevocationDataCheck.report(List.of(signer, subCa.certificate(),
                root.certificate()), true, embedded, JUDGED_AT).certificates().get(0);

        assertThat(entry.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(entry.evidence().kind()).isEqualTo(RevocationKind.CRL);
        assertThat(entry.evidence().issuedAt()).isEqualTo(crlIssued);
        assertThat(entry.sources()).containsExactly(EmbeddedRevocation.DSS_OCSP, EmbeddedRevocation.DSS_CRL);
    }

    private static Instant hoursAgo(int hours) {
        return JUDGED_AT.minus(Duration.ofHours(hours));
    }
}
