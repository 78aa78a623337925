/**
 * Long-term validation (PAdES B-LT): revocation data fetched from the OCSP responders and CRL
 * distribution points named in the certificates, checked, and written with the certificates into the
 * document's {@code /DSS} by incremental update.
 */
package jp.sitesign.model.signature.ltv;
