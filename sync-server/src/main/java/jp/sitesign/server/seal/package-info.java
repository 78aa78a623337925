/**
 * The server's organisation seal: its key ({@code seal.keystore}, else certified by the embedded CA) and sealing a
 * PDF with it plus a document timestamp. Used by evidence packages (ADR 24) and by 送付のみ contracts that
 * integration applications send (ADR 34); a package of its own so that neither feature depends on the other.
 */
package jp.sitesign.server.seal;
