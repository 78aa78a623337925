/**
 * The PAdES signing engine: signs PDFs with keys from PKCS#11 tokens or PKCS#12 files at the levels
 * of DESIGN §6.
 *
 * <p>The parts are kept apart as in EU DSS: {@code token} knows keys and PINs, {@code cms} knows the
 * CAdES signature format, {@code timestamp} speaks RFC 3161 (signature and document timestamps),
 * {@code ltv} fetches OCSP/CRL data and writes {@code /DSS}, {@code appearance} draws the visible seal,
 * {@code pdf} knows PDFBox, and {@link jp.sitesign.model.signature.PadesSigner} puts them together.
 * Each level above B-B is a step that extends the signature made by the level below it;
 * {@link jp.sitesign.model.signature.PadesExtender} applies the B-LT and B-LTA steps to a PDF that is
 * already signed.
 */
package jp.sitesign.model.signature;
