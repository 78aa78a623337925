package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every certificate a CMS carries is offered for chains (a timestamp token's TSA intermediates, say),
 * not only the signer's.
 */
class CertificatesTest {

    @Test
    void allGivesEveryCarriedCertificateAndSignerCertificateTheSignersOwn() {
        EvidenceAuthority root = EvidenceAuthority.root("Carried Root");
        EvidenceAuthority subCa = root.intermediate("Carried Sub CA", null);
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate signer = subCa.endEntity(keys.getPublic(), "Carrying Signer");
        CMSSignedData cms = SignedCms.sign("SHA256withRSA", keys.getPrivate(), signer,
                List.of(signer, subCa.certificate()), List.of(), null);

        assertThat(Certificates.all(cms)).containsExactlyInAnyOrder(signer, subCa.certificate());
        assertThat(Certificates.signerCertificate(cms, cms.getSignerInfos().getSigners().iterator().next()))
                .contains(signer);
    }
}
