/**
 * The PAdES signing engine: signs PDFs with keys from PKCS#11 tokens or PKCS#12 files at the levels
 * of DESIGN §6.
 *
 * <p>The parts are kept apart as in EU DSS: {@code token} knows keys and PINs, {@code cms} knows the
 * CAdES signature format, {@code timestamp} speaks RFC 3161, {@code pdf} knows PDFBox, and
 * {@link jp.sitesign.model.signature.PadesSigner} puts them together. Each level above B-B is a step
 * that extends the signature made by the level below it.
 */
package jp.sitesign.model.signature;
