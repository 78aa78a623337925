/**
 * RFC 3161 timestamps: the client, the step that turns a B-B signature into B-T, and the document
 * timestamp that turns B-LT into B-LTA (and renews it).
 */
package jp.sitesign.model.signature.timestamp;
