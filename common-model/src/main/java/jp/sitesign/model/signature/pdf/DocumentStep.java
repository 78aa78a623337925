package jp.sitesign.model.signature.pdf;

import jp.sitesign.model.signature.core.SigningException;

/**
 * One step that raises the level of the signatures in an already signed PDF by an incremental update
 * (B-T → B-LT adds {@code /DSS}, B-LT → B-LTA adds a document timestamp). The earlier revisions stay
 * byte for byte, so every existing signature stays valid.
 */
@FunctionalInterface
public interface DocumentStep {

    /**
     * @param pdf the signed document
     * @return {@code pdf} followed by the step's incremental update
     * @throws SigningException if the step cannot be completed; nothing is returned then
     */
    byte[] apply(byte[] pdf) throws SigningException;
}
