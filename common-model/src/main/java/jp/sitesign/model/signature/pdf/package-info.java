/**
 * The PDF side of signing, with PDFBox: whether a document may take another signature, and the
 * incremental update with a reserved {@code /Contents} that an external CMS (or, for a document
 * timestamp, an RFC 3161 token) is written into, and the {@link jp.sitesign.model.signature.pdf.DocumentStep}s
 * that extend a signed PDF.
 */
package jp.sitesign.model.signature.pdf;
