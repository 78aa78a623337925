package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A detached CAdES signature with exactly one signer, as made by {@link CadesSignatureBuilder} and
 * extended by {@link SignatureStep}s.
 *
 * @param signedData the CMS structure
 * @param digest     the digest algorithm of the signer
 */
public record CadesSignature(CMSSignedData signedData, DigestAlgorithm digest) {

    public SignerInformation signer() {
        return signedData.getSignerInfos().getSigners().iterator().next();
    }

    /** The DER encoding, as it goes into the PDF's {@code /Contents}. */
    public byte[] encoded() {
        try {
            return signedData.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding an in-memory CMS structure", e);
        }
    }
}
