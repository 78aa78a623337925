/**
 * The visible signature: the company seal (印影) with the signer's name, company, title and the JST
 * signing date, in an embedded Japanese font, drawn as the signature widget's appearance.
 */
package jp.sitesign.model.signature.appearance;
