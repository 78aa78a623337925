/**
 * What every part of the signing engine shares, kept below the parts so that they do not depend on the
 * orchestrator above them: the errors ({@link jp.sitesign.model.signature.core.SigningError},
 * {@link jp.sitesign.model.signature.core.SigningException}), the algorithms and levels, and the one
 * certificate-chain builder ({@link jp.sitesign.model.signature.core.ChainAssembler}) that signing and
 * verifying both use.
 */
package jp.sitesign.model.signature.core;
