/** RFC 3161 timestamps: the client, and the step that turns a B-B signature into B-T. */
package jp.sitesign.model.signature.timestamp;
