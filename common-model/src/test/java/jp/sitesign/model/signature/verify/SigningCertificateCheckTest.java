package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ESS signing-certificate attribute names the signer's certificate, so a certificate swapped for another
 * over the same key is caught: by its hash (v2 with the hash algorithm it names, v1 with SHA-1), and by the
 * issuer and serial number when the attribute gives them. Certificates {@code alice} and {@code mallory} share
 * one key, as in the attack.
 */
class SigningCertificateCheckTest {
    static TestCa ca;
    static X509Certificate alice;
    static X509Certificate mallory;

    @BeforeAll
    static void certificates() {
        ca = TestCa.create("SiteSign Test Signing-Certificate CA");
        KeyPair keys = TestCa.rsaKeyPair(2048);
        alice = ca.issueSigner(keys.getPublic(), "Alice");
        mallory = ca.issueSigner(keys.getPublic(), "Mallory");
    }

    private static byte[] hash(String algorithm, X509Certificate certificate) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
    }

    private static IssuerSerial issuerSerial(X509Certificate certificate) {
        return issuerSerial(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())),
                certificate.getSerialNumber());
    }

    private static IssuerSerial issuerSerial(GeneralName issuer, BigInteger serial) {
        return new IssuerSerial(new GeneralNames(issuer), serial);
    }

    private static Attribute v2(ESSCertIDv2... ids) {
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(ids)));
    }

    private static Attribute v1(ESSCertID id) {
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificate, new DERSet(new SigningCertificate(id)));
    }

    private static AttributeTable table(Attribute... attributes) {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        for (Attribute attribute : attributes) {
            vector.add(attribute);
        }
        return new AttributeTable(vector);
    }

    private static ESSCertIDv2 sha256Of(X509Certificate certificate, IssuerSerial issuerSerial) throws Exception {
        return new ESSCertIDv2(hash("SHA-256", certificate), issuerSerial);
    }

    @Test
    void aV2AttributeWithTheCertificatesHashNamesIt() throws Exception {
        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, null))), alice)).isNull();
        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, issuerSerial(alice)))), alice)).isNull();
    }

    @Test
    void aV2AttributeHashesWithTheAlgorithmItNames() throws Exception {
        ESSCertIDv2 sha512 = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512),
                hash("SHA-512", alice));

        assertThat(SigningCertificateCheck.problem(table(v2(sha512)), alice)).isNull();
    }

    @Test
    void aV2AttributeWithAnotherCertificatesHashIsRefusedEvenOverTheSameKey() throws Exception {
        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, null))), mallory))
                .startsWith("the signing-certificate attribute names another certificate than C=JP, O=SiteSign Test, CN=Mallory");
    }

    @Test
    void onlyTheFirstEntryOfTheAttributeNamesTheSigner() throws Exception {
        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, null), sha256Of(mallory, null))), mallory))
                .startsWith("the signing-certificate attribute names another certificate");
    }

    @Test
    void theRightHashWithAnotherSerialNumberIsRefused() throws Exception {
        IssuerSerial otherSerial = issuerSerial(new GeneralName(X500Name.getInstance(
                alice.getIssuerX500Principal().getEncoded())), alice.getSerialNumber().add(BigInteger.ONE));

        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, otherSerial))), alice))
                .isEqualTo("the signing-certificate attribute's issuer and serial number differ from the certificate's");
    }

    @Test
    void theRightHashWithAnotherIssuerIsRefused() throws Exception {
        IssuerSerial otherIssuer = issuerSerial(new GeneralName(new X500Name("CN=Another CA,C=JP")),
                alice.getSerialNumber());
        IssuerSerial issuerAsUri = issuerSerial(new GeneralName(GeneralName.uniformResourceIdentifier,
                "https://ca.example/"), alice.getSerialNumber());

        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, otherIssuer))), alice))
                .isEqualTo("the signing-certificate attribute's issuer and serial number differ from the certificate's");
        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, issuerAsUri))), alice))
                .as("an issuer that is not a directory name names no CA")
                .isEqualTo("the signing-certificate attribute's issuer and serial number differ from the certificate's");
    }

    @Test
    void oneOfSeveralIssuerNamesMayBeTheCertificatesIssuer() throws Exception {
        GeneralName uri = new GeneralName(GeneralName.uniformResourceIdentifier, "https://ca.example/");
        GeneralName directory = new GeneralName(X500Name.getInstance(alice.getIssuerX500Principal().getEncoded()));
        IssuerSerial both = new IssuerSerial(new GeneralNames(new GeneralName[] {uri, directory}), alice.getSerialNumber());

        assertThat(SigningCertificateCheck.problem(table(v2(sha256Of(alice, both))), alice)).isNull();
    }

    @Test
    void aV1AttributeIsCheckedWithSha1() throws Exception {
        assertThat(SigningCertificateCheck.problem(table(v1(new ESSCertID(hash("SHA-1", alice)))), alice)).isNull();
        assertThat(SigningCertificateCheck.problem(table(v1(new ESSCertID(hash("SHA-1", alice), issuerSerial(alice)))),
                alice)).isNull();
        assertThat(SigningCertificateCheck.problem(table(v1(new ESSCertID(hash("SHA-1", alice)))), mallory))
                .startsWith("the signing-certificate attribute names another certificate than C=JP, O=SiteSign Test, CN=Mallory");
        assertThat(SigningCertificateCheck.problem(table(v1(new ESSCertID(hash("SHA-1", alice),
                issuerSerial(mallory)))), alice)).startsWith("the signing-certificate attribute's issuer and serial");
    }

    @Test
    void theV2AttributeDecidesWhenBothArePresent() throws Exception {
        Attribute v1Alice = v1(new ESSCertID(hash("SHA-1", alice)));
        Attribute v2Mallory = v2(sha256Of(mallory, null));

        assertThat(SigningCertificateCheck.problem(table(v1Alice, v2Mallory), alice))
                .startsWith("the signing-certificate attribute names another certificate");
        assertThat(SigningCertificateCheck.problem(table(v1Alice, v2Mallory), mallory)).isNull();
    }

    @Test
    void noAttributeIsAProblem() throws Exception {
        assertThat(SigningCertificateCheck.problem(new AttributeTable(new ASN1EncodableVector()), alice))
                .isEqualTo("no signing-certificate attribute");
    }
}
