package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** The OCSP, caIssuers and CRL URLs taken from a certificate: HTTP(S) only, each from its own access method. */
class CertificateUrlsTest {
    static KeyPair keys;

    @BeforeAll
    static void keys() {
        keys = TestCa.rsaKeyPair(2048);
    }

    @Test
    void eachAccessMethodGivesItsOwnHttpUrlsAndOtherSchemesAndNamesAreLeftOut() throws Exception {
        X509Certificate certificate = certificate(builder -> {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri("http://ocsp.example/a")),
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri("ldap://ldap.example/ocsp")),
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.dNSName, "ocsp.example")),
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri("https://ca.example/ca.cer"))}));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName[] {
                            uri("ldap://ldap.example/crl"), uri("http://crl.example/ca.crl")})), null, null),
                    new DistributionPoint(null, null, new GeneralNames(uri("http://issuer.example/")))}));
        });

        assertThat(CertificateUrls.ocsp(certificate)).containsExactly(URI.create("http://ocsp.example/a"));
        assertThat(CertificateUrls.caIssuers(certificate)).containsExactly(URI.create("https://ca.example/ca.cer"));
        assertThat(CertificateUrls.crl(certificate)).containsExactly(URI.create("http://crl.example/ca.crl"));
    }

    @Test
    void aCertificateWithoutTheExtensionsHasNoUrls() throws Exception {
        X509Certificate certificate = certificate(builder -> { });

        assertThat(CertificateUrls.ocsp(certificate)).isEmpty();
        assertThat(CertificateUrls.caIssuers(certificate)).isEmpty();
        assertThat(CertificateUrls.crl(certificate)).isEmpty();
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static X509Certificate certificate(Extensions extensions) throws Exception {
        X500Name name = new X500Name("CN=Urls,O=SiteSign Test,C=JP");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        extensions.add(builder);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
