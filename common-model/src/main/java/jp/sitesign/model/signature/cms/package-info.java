/**
 * The CAdES (CMS) signature as PAdES wants it, built with Bouncy Castle and knowing nothing of PDF
 * or of where the key lives.
 */
package jp.sitesign.model.signature.cms;
