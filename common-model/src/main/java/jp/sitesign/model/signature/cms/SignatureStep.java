package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.SigningException;

/**
 * One step that raises a CAdES signature's level before it goes into the PDF (B-B → B-T adds the
 * signature timestamp). Steps that work on the signed PDF itself (B-LT's {@code /DSS}, B-LTA's
 * document timestamp) come after embedding and are not of this kind.
 */
@FunctionalInterface
public interface SignatureStep {

    /**
     * @return the extended signature
     * @throws SigningException if the step cannot be completed; the signature must then not be used
     */
    CadesSignature apply(CadesSignature signature) throws SigningException;
}
