package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.cms.CadesSignature;
import jp.sitesign.model.signature.cms.SignatureStep;
import jp.sitesign.model.signature.core.SigningException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * B-B → B-T: timestamps the signature value and adds the token as the signature-time-stamp unsigned
 * attribute (RFC 3161 appendix A). The imprint uses the signer's digest algorithm.
 */
public final class SignatureTimestampStep implements SignatureStep {
    private final TimestampSource tsa;

    public SignatureTimestampStep(TimestampSource tsa) {
        this.tsa = tsa;
    }

    @Override
    public CadesSignature apply(CadesSignature signature) throws SigningException {
        SignerInformation signer = signature.signer();
        byte[] imprint = signature.digest().digest(signer.getSignature());
        TimeStampToken token = tsa.timestamp(signature.digest(), imprint);

        AttributeTable unsigned = signer.getUnsignedAttributes();
        ASN1EncodableVector attributes = unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(toAsn1(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
        CMSSignedData data = CMSSignedData.replaceSigners(signature.signedData(), new SignerInformationStore(stamped));
        return new CadesSignature(data, signature.digest());
    }

    private static ASN1Primitive toAsn1(TimeStampToken token) {
        try {
            return ASN1Primitive.fromByteArray(token.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading a token Bouncy Castle just parsed", e);
        }
    }
}
