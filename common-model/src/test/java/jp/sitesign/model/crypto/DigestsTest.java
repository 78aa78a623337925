package jp.sitesign.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the digests everything else is built on (FIPS 180-2 "abc", RFC 4231 test case 2), and the
 * certificate text users compare by eye: PEM in and out, and the fingerprint's shape.
 */
class DigestsTest {
    @Test
    void sha256AndHmacSha256GiveThePublishedAnswers() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Digests.sha256Hex(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.hex(Digests.sha256(abc))).isEqualTo(Digests.sha256Hex(abc));
        assertThat(Digests.hex(Digests.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hexIsLowerCaseAndReadsBack() {
        byte[] bytes = {0, 1, (byte) 0xAB, (byte) 0xFF};
        assertThat(Digests.hex(bytes)).isEqualTo("0001abff");
        assertThat(Digests.unhex("0001abff")).containsExactly(bytes);
    }

    @Test
    void aCertificateGoesToPemAndBackAndItsFingerprintIsTheSha256OfItsDerInColonPairs() throws Exception {
        TestCa ca = TestCa.create("SiteSign Test PEM CA");
        KeyPair keys = TestCa.ecKeyPair("secp256r1");
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), "Alice");

        String pem = CertificatePem.encode(certificate);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(CertificatePem.decode(pem.getBytes(StandardCharsets.US_ASCII))).containsExactly(certificate);
        assertThat(CertificatePem.decode((pem + CertificatePem.encode(ca.root())).getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(certificate, ca.root());
        assertThat(CertificatePem.decode(certificate.getEncoded())).as("DER too").containsExactly(certificate);
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        assertThat(CertificatePem.fingerprint(certificate)).isEqualTo(expected).hasSize(95);
    }
}
