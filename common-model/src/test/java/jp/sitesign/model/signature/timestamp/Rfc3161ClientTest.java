package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestTsa;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RFC 3161 client takes nothing from a TSA that it did not ask for. */
class Rfc3161ClientTest {
    static TestCa ca;
    static TestTsa tsa;
    static final byte[] DIGEST = DigestAlgorithm.SHA256.digest("signature value".getBytes(StandardCharsets.US_ASCII));

    @BeforeAll
    static void startTsa() {
        ca = TestCa.create("SiteSign Test TSA CA");
        tsa = TestTsa.start(ca);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @AfterEach
    void behaveAgain() {
        tsa.behave(TestTsa.Behaviour.CORRECT);
    }

    @Test
    void aCorrectResponseGivesATokenOverTheDigest() throws SigningException {
        TimeStampToken token = new Rfc3161Client(tsa.url()).timestamp(DigestAlgorithm.SHA256, DIGEST);

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
        assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = TestTsa.Behaviour.class, names = {"HTTP_ERROR", "WRONG_NONCE", "WRONG_IMPRINT"})
    void aMisbehavingTsaIsAFailureNamingItsUrl(TestTsa.Behaviour behaviour) {
        tsa.behave(behaviour);

        assertThatThrownBy(() -> new Rfc3161Client(tsa.url()).timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.TIMESTAMP_FAILED);
                    assertThat(e.messageJa()).contains(tsa.url().toString());
                    assertThat(e.messageEn()).contains(tsa.url().toString());
                });
    }

    @Test
    void aStoppedTsaIsAFailureNamingItsUrl() {
        TestTsa stopped = TestTsa.start(ca);
        String url = stopped.url().toString();
        stopped.close();

        assertThatThrownBy(() -> new Rfc3161Client(java.net.URI.create(url)).timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.messageEn()).contains(url));
    }
}
