package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.DssAppender;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one CRL proves about one certificate: nothing when it is another issuer's or its scope (issuing
 * distribution point) leaves the certificate out or covers only some reasons; "revoked" when it lists
 * the certificate; "good" when a complete CRL of the issuer does not. A CA certificate with path length
 * 0 is still a CA certificate (its basic constraints say so), so a CA-only CRL is about it. A scope that
 * cannot be read covers nothing, and never stops the verification of the document carrying it.
 */
class CrlEvidenceCheckTest {
    private static final Instant ISSUED = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path dir;
    static EvidenceAuthority root;
    static EvidenceAuthority subCa;
    static X509Certificate signer;

    @BeforeAll
    static void createAuthorities() {
        root = EvidenceAuthority.root("CRL Test Root");
        subCa = root.intermediate("CRL Test Sub CA", 0);
        signer = root.endEntity(TestCa.rsaKeyPair(2048).getPublic(), "CRL Test Signer");
    }

    @Test
    void aCompleteCrlOfTheIssuerNotListingTheCertificateSaysGoodAsOfItsThisUpdate() {
        X509CRL crl = root.crl(ISSUED, builder -> { });

        RevocationOutcome outcome = about(crl, signer).orElseThrow();

        assertThat(outcome.isTrusted()).isTrue();
        assertThat(outcome.said()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.evidence().kind()).isEqualTo(RevocationKind.CRL);
        assertThat(outcome.evidence().source()).isEqualTo(EmbeddedRevocation.DSS_CRL);
        assertThat(outcome.evidence().issuedAt()).isEqualTo(ISSUED);
        assertThat(outcome.evidence().revokedAt()).isNull();
    }

    @Test
    void aCrlOfAnotherIssuerSaysNothingAboutTheCertificate() {
        EvidenceAuthority other = EvidenceAuthority.root("Another CRL Issuer");
        X509CRL listing = other.crl(ISSUED, builder -> builder.addCRLEntry(signer.getSerialNumber(),
                Date.from(ISSUED), CRLReason.keyCompromise));

        assertThat(about(listing, signer)).isEmpty();
    }

    @Test
    void aListedCertificateIsRevokedWithTheCrlsDateAndReasonUnlessItWasRemovedFromTheCrl() {
        Instant revokedAt = ISSUED.minus(Duration.ofDays(3));
        X509CRL listing = root.crl(ISSUED, builder -> builder.addCRLEntry(signer.getSerialNumber(),
                Date.from(revokedAt), CRLReason.superseded));
        X509CRL removed = root.crl(ISSUED, builder -> builder.addCRLEntry(signer.getSerialNumber(),
                Date.from(revokedAt), CRLReason.removeFromCRL));

        RevocationOutcome revoked = about(listing, signer).orElseThrow();
        RevocationOutcome released = about(removed, signer).orElseThrow();

        assertThat(revoked.said()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revoked.evidence().revokedAt()).isEqualTo(revokedAt);
        assertThat(revoked.evidence().reason()).isEqualTo(java.security.cert.CRLReason.SUPERSEDED);
        assertThat(released.said()).as("a certificate taken off hold is good again").isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void aCrlSignedWithAnotherKeyInTheIssuersNameIsIgnoredAndSaysWhy() {
        X509CRL crl = root.crl(ISSUED, builder -> { });
        X509Certificate impostor = EvidenceAuthority.root("CRL Test Root").certificate();

        RevocationOutcome outcome = CrlEvidenceCheck.about(new EmbeddedRevocation.Crl(EmbeddedRevocation.CMS_CRL, crl),
                signer, impostor).orElseThrow();

        assertThat(outcome.isTrusted()).isFalse();
        assertThat(outcome.ignored().reason()).isEqualTo(IgnoredRevocation.Reason.NOT_SIGNED_BY_ISSUER);
        assertThat(outcome.ignored().source()).isEqualTo(EmbeddedRevocation.CMS_CRL);
        assertThat(outcome.ignored().detail()).contains("CN=CRL Test Root");
    }

    @Test
    void aCrlForUserCertificatesOnlyCoversTheSignerButNotTheSubCa() {
        X509CRL usersOnly = root.crl(ISSUED, builder -> builder.addExtension(Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(null, true, false, null, false, false)));

        assertThat(about(usersOnly, signer)).hasValueSatisfying(
                outcome -> assertThat(outcome.said()).isEqualTo(RevocationStatus.GOOD));
        assertThat(about(usersOnly, subCa.certificate())).as("a CA certificate, even with path length 0").isEmpty();
    }

    @Test
    void aCrlForCaCertificatesOnlyCoversTheSubCaWithPathLengthZeroButNotTheSigner() {
        X509CRL casOnly = root.crl(ISSUED, builder -> builder.addExtension(Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(null, false, true, null, false, false)));

        assertThat(about(casOnly, subCa.certificate())).hasValueSatisfying(
                outcome -> assertThat(outcome.said()).isEqualTo(RevocationStatus.GOOD));
        assertThat(about(casOnly, signer)).isEmpty();
    }

    @Test
    void aCrlForAttributeCertificatesOnlyCoversNeitherKind() {
        X509CRL attributesOnly = root.crl(ISSUED, builder -> builder.addExtension(Extension.issuingDistributionPoint,
                true, new IssuingDistributionPoint(null, false, false, null, false, true)));

        assertThat(about(attributesOnly, signer)).isEmpty();
        assertThat(about(attributesOnly, subCa.certificate())).isEmpty();
    }

    @Test
    void aCrlCoveringOnlySomeReasonsProvesARevocationButItsSilenceProvesNothing() {
        IssuingDistributionPoint keyCompromiseOnly = new IssuingDistributionPoint(null, false, false,
                new ReasonFlags(ReasonFlags.keyCompromise), false, false);
        X509CRL silent = root.crl(ISSUED, builder -> builder.addExtension(Extension.issuingDistributionPoint, true,
                keyCompromiseOnly));
        X509CRL listing = root.crl(ISSUED, builder -> {
            builder.addExtension(Extension.issuingDistributionPoint, true, keyCompromiseOnly);
            builder.addCRLEntry(signer.getSerialNumber(), Date.from(ISSUED), CRLReason.keyCompromise);
        });

        assertThat(about(silent, signer)).isEmpty();
        assertThat(about(listing, signer)).hasValueSatisfying(
                outcome -> assertThat(outcome.said()).isEqualTo(RevocationStatus.REVOKED));
    }

    @Test
    void aDeltaCrlsSilenceProvesNothing() {
        X509CRL delta = root.crl(ISSUED, builder -> builder.addExtension(Extension.deltaCRLIndicator, true,
                new ASN1Integer(1)));

        assertThat(about(delta, signer)).isEmpty();
    }

    @Test
    void aScopeTheJdkAcceptsButBouncyCastleCannotReadCoversNoCertificateInsteadOfStoppingTheCheck() {
        X509CRL twoNames = root.crlWithScope(ISSUED, EvidenceAuthority.scopeWithTwoNames());

        assertThat(twoNames.getExtensionValue(Extension.issuingDistributionPoint.getId())).as("the JDK read it").isNotNull();
        assertThat(about(twoNames, signer)).isEmpty();
        assertThat(about(twoNames, subCa.certificate())).isEmpty();
    }

    @Test
    void aDocumentCarryingACrlWithAnUnreadableScopeIsStillVerifiedAndThatCrlSaysNothing() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = root.endEntity(keys.getPublic(), "Scope Test Signer");
        Path p12 = Pkcs12Files.write(dir.resolve("scope.p12"), keys, certificate, root.certificate(), "scope", "pw");
        byte[] signed = new PadesSigner(Clock.systemUTC()).sign(TestPdfs.multiPage(1), new Pkcs12KeySource(p12),
                what -> "pw".toCharArray(), SignatureRequest.basic("scope"));
        byte[] unreadable = root.crlWithScope(ISSUED, EvidenceAuthority.scopeWithTwoNames()).getEncoded();
        PadesVerifier verifier = new PadesVerifier(List.of(root.certificate()), Clock.systemUTC());

        SignatureReport alone = verifier.verify(DssAppender.crls(signed, unreadable)).signatures().get(0);
        SignatureReport withAComplete = verifier.verify(DssAppender.crls(signed, unreadable,
                root.crl(ISSUED, builder -> { }).getEncoded())).signatures().get(0);

        assertThat(alone.integrity().intact()).isTrue();
        assertThat(alone.identity().trusted()).isTrue();
        assertThat(alone.revocation().certificates()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(RevocationStatus.NOT_CHECKED);
            assertThat(entry.ignored()).isEmpty();
        });
        assertThat(alone.valid()).isTrue();
        assertThat(withAComplete.revocation().certificates().get(0).status()).isEqualTo(RevocationStatus.GOOD);
    }

    private static Optional<RevocationOutcome> about(X509CRL crl, X509Certificate certificate) {
        X509Certificate issuer = certificate.getIssuerX500Principal().equals(root.certificate().getSubjectX500Principal())
                ? root.certificate() : certificate;
        return CrlEvidenceCheck.about(new EmbeddedRevocation.Crl(EmbeddedRevocation.DSS_CRL, crl), certificate, issuer);
    }
}
