/**
 * The one PAdES verifier (DESIGN §1, §6): {@link jp.sitesign.model.signature.verify.PadesVerifier}
 * turns a PDF into a {@link jp.sitesign.model.signature.verify.VerificationReport} with one entry per
 * signature and per document timestamp, and separate verdicts for integrity, coverage, identity,
 * revocation (from the document's embedded OCSP responses and CRLs) and timestamp; {@link jp.sitesign.model.signature.verify.VerificationReport#allValid()}
 * is what "validly signed" means everywhere in SiteSign.
 *
 * <p>It shares nothing with the signing code path: PDFBox only parses, the CMS is checked step by
 * step with the JDK's {@link java.security.Signature}, chains with the JDK's PKIX validator, and what
 * changed after a signature is found by comparing the objects of its revision with the final document.
 */
package jp.sitesign.model.signature.verify;
