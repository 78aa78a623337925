package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity names every certificate of the chain it validated, signer first and anchor last. */
class IdentityCheckTest {

    @Test
    void aTrustedIdentityListsItsChainBySubject() {
        EvidenceAuthority root = EvidenceAuthority.root("Identity Root");
        EvidenceAuthority subCa = root.intermediate("Identity Sub CA", null);
        X509Certificate signer = subCa.endEntity(TestCa.rsaKeyPair(2048).getPublic(), "山田 太郎");

        IdentityCheck.Result result = new IdentityCheck(List.of(root.certificate()))
                .check(signer, List.of(subCa.certificate()), Instant.now());

        assertThat(result.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(result.anchorReached()).isTrue();
        assertThat(result.identity().chain()).containsExactly(
                signer.getSubjectX500Principal().getName(),
                subCa.certificate().getSubjectX500Principal().getName(),
                root.certificate().getSubjectX500Principal().getName());
        assertThat(result.chain()).containsExactly(signer, subCa.certificate(), root.certificate());
    }
}
