/**
 * The PDF side of signing, with PDFBox: whether a document may take another signature, and the
 * incremental update with a reserved {@code /Contents} that an external CMS is written into.
 */
package jp.sitesign.model.signature.pdf;
