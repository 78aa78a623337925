package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestRevocationServer.Behaviour;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching revocation data for a chain from a test CA's OCSP responder, CRL and caIssuers URL on loopback. */
class RevocationFetcherTest {
    static TestCa ca;
    static X509Certificate signer;

    private final RevocationFetcher fetcher = new RevocationFetcher(Clock.systemUTC());

    @BeforeAll
    static void startCa() {
        ca = TestCa.withRevocation("SiteSign Test Fetcher CA");
        signer = ca.issueSigner(TestCa.rsaKeyPair(2048).getPublic(), "Fetcher Signer");
    }

    @AfterAll
    static void stopCa() {
        ca.close();
    }

    @AfterEach
    void servicesWorkAgain() {
        ca.revocation().ocspBehaves(Behaviour.CORRECT);
        ca.revocation().crlBehaves(Behaviour.CORRECT);
    }

    @Test
    void ocspIsPreferredAndTheCrlIsNotFetchedWhenOcspAnswers() throws Exception {
        int crlRequests = ca.revocation().crlRequests();

        ValidationData data = fetcher.forChain(List.of(signer, ca.root()));

        assertThat(data.ocspResponses()).singleElement().satisfies(der -> {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
            assertThat(basic.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(signer.getSerialNumber());
        });
        assertThat(data.crls()).isEmpty();
        assertThat(ca.revocation().crlRequests()).isEqualTo(crlRequests);
    }

    @Test
    void theDefaultHttpClientIsMadeAtTheFirstFetchNotWithTheFetcher() throws Exception {
        RevocationFetcher fresh = new RevocationFetcher(Clock.systemUTC());

        assertThat(fresh.connected()).as("a B-B or B-T signer never fetches: no client, no threads").isFalse();
        fresh.forChain(List.of(signer, ca.root()));
        assertThat(fresh.connected()).isTrue();
    }

    @Test
    void aBatchsFetcherAsksOncePerCertificateAndAnOrdinaryOneEveryTime() throws Exception {
        RevocationFetcher batch = RevocationFetcher.forBatch(Clock.systemUTC());
        int before = ca.revocation().ocspRequests();

        ValidationData first = batch.forChain(List.of(signer, ca.root()));
        ValidationData second = batch.forChain(List.of(signer, ca.root()));
        int batchRequests = ca.revocation().ocspRequests() - before;
        fetcher.forChain(List.of(signer, ca.root()));
        fetcher.forChain(List.of(signer, ca.root()));

        assertThat(batchRequests).isEqualTo(1);
        assertThat(second.ocspResponses()).singleElement().isEqualTo(first.ocspResponses().get(0));
        assertThat(ca.revocation().ocspRequests() - before - batchRequests).isEqualTo(2);
    }

    @Test
    void aChainWithoutItsRootIsCompletedFromTheCaIssuersUrl() throws Exception {
        ValidationData data = fetcher.forChain(List.of(signer));

        assertThat(data.certificates()).hasSize(2);
        X509Certificate downloaded = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(data.certificates().get(1)));
        assertThat(downloaded).isEqualTo(ca.root());
        assertThat(data.ocspResponses()).hasSize(1);
    }

    @Test
    void anOcspTryLaterWithTheCrlDownNamesBothServersAndWhatEachSaid() {
        ca.revocation().ocspBehaves(Behaviour.TRY_LATER);
        ca.revocation().crlBehaves(Behaviour.HTTP_ERROR);

        assertThatThrownBy(() -> fetcher.forChain(List.of(signer, ca.root())))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.REVOCATION_UNAVAILABLE);
                    assertThat(e.messageEn()).contains("OCSP " + ca.revocation().ocspUrl() + ": response status 3",
                            "CRL " + ca.revocation().crlUrl() + ": HTTP 503");
                });
    }

    @Test
    void aCertificateThatNamesNoRevocationServerCannotBeCovered() {
        TestCa plain = TestCa.create("SiteSign Test CA Without Services");
        X509Certificate certificate = plain.issueSigner(TestCa.rsaKeyPair(2048).getPublic(), "No Urls");

        assertThatThrownBy(() -> fetcher.forChain(List.of(certificate, plain.root())))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.REVOCATION_UNAVAILABLE);
                    assertThat(e.messageEn()).contains("CN=No Urls", "no OCSP responder");
                });
    }

    @Test
    void aSelfSignedRootNeedsNoRevocationData() throws Exception {
        int ocspRequests = ca.revocation().ocspRequests();

        ValidationData data = fetcher.forChain(List.of(ca.root()));

        assertThat(data.certificates()).hasSize(1);
        assertThat(data.ocspResponses()).isEmpty();
        assertThat(ca.revocation().ocspRequests()).isEqualTo(ocspRequests);
    }
}
