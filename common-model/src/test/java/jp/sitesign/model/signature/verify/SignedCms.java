package jp.sitesign.model.signature.verify;

import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.jcajce.JcaCRLStore;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A detached CMS signature made with Bouncy Castle to order: the JCA signature algorithm, the
 * certificates and CRLs it carries and extra signed attributes, for tests of the pieces that read one.
 * Signed with Bouncy Castle's provider (it has RSASSA-PSS under the CMS names), checked by the JDK's.
 */
final class SignedCms {
    static final byte[] CONTENT = "SiteSign test content".getBytes(StandardCharsets.UTF_8);

    private SignedCms() {
    }

    static CMSSignedData sign(String algorithm, PrivateKey key, X509Certificate signer, List<X509Certificate> carried,
                              List<X509CRL> crls, AttributeTable signedAttributes) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            if (signedAttributes != null) {
                builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes));
            }
            generator.addSignerInfoGenerator(builder.build(new JcaContentSignerBuilder(algorithm).setProvider(new BouncyCastleProvider()).build(key), signer));
            generator.addCertificates(new JcaCertStore(carried));
            if (!crls.isEmpty()) {
                generator.addCRLs(new JcaCRLStore(crls));
            }
            return generator.generate(new CMSProcessableByteArray(CONTENT), false);
        } catch (Exception e) {
            throw new IllegalStateException("building a test CMS signature", e);
        }
    }
}
