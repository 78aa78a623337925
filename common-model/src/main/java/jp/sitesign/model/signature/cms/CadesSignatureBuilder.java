package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.SigningAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.SigningKey;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.cert.CertificateEncodingException;

/**
 * Makes the PAdES baseline B-B CMS: a detached SignedData over the PDF's signed byte ranges with the
 * {@link CadesSignedAttributes} and the key's full certificate chain.
 */
public final class CadesSignatureBuilder {

    /**
     * Signs {@code content} (the bytes covered by the PDF's {@code /ByteRange}).
     *
     * @throws SigningException KEY_OPERATION_FAILED if the token refuses the key operation
     */
    public CadesSignature sign(byte[] content, SigningKey key, SigningAlgorithm algorithm) throws SigningException {
        try {
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new CadesSignedAttributes(key.certificate()))
                    .build(new ProviderContentSigner(key, algorithm), key.certificate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(
                    new CMSProcessableByteArray(CMSObjectIdentifiers.data, content), false);
            return new CadesSignature(signed, algorithm.digest());
        } catch (RuntimeOperatorException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SigningException(SigningError.KEY_OPERATION_FAILED, cause, cause.getMessage());
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new SigningException(SigningError.KEY_OPERATION_FAILED, e, e.getMessage());
        }
    }
}
