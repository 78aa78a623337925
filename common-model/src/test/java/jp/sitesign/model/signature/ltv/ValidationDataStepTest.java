package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.DssContents;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LTV step adds validation data once per signature, and a revocation after the time a timestamp proves
 * is kept as evidence rather than refused.
 */
class ValidationDataStepTest {
    private static final String PASSWORD = "p12-secret";
    @TempDir
    static Path dir;
    static TestCa ca;
    static Path alice;

    @BeforeAll
    static void ca() {
        ca = TestCa.withRevocation("LTV Step CA");
        alice = Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @Test
    void aSignatureAlreadyInTheVriIsLeftAsItIsWithoutAsking() throws Exception {
        byte[] signed = new PadesSigner(Clock.systemUTC()).sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice),
                what -> PASSWORD.toCharArray(), SignatureRequest.basic("alice"));
        ValidationDataStep step = new ValidationDataStep(new RevocationFetcher(Clock.systemUTC()), Clock.systemUTC());

        byte[] once = step.apply(signed);
        int asked = ca.revocation().ocspRequests();
        byte[] twice = step.apply(once);

        assertThat(DssContents.of(once).vri()).hasSize(1);
        assertThat(twice).isEqualTo(once).isNotSameAs(once);
        assertThat(ca.revocation().ocspRequests()).isEqualTo(asked);
    }

    @Test
    void aRevocationAfterTheProvenTimeIsKeptAsEvidenceAndOneBeforeItIsRefused() throws Exception {
        X509Certificate signer = ca.issueSigner(TestCa.rsaKeyPair(2048).getPublic(), "Revoked Later");
        Instant revokedAt = Instant.now().minus(Duration.ofHours(1));
        ca.revoke(signer, revokedAt);
        RevocationFetcher fetcher = new RevocationFetcher(Clock.systemUTC());

        ValidationData kept = fetcher.forChain(List.of(signer, ca.root()), revokedAt.minus(Duration.ofHours(1)));

        assertThat(kept.ocspResponses()).hasSize(1);
        assertThatThrownBy(() -> fetcher.forChain(List.of(signer, ca.root()), revokedAt.plus(Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.CERTIFICATE_REVOKED));
    }
}
