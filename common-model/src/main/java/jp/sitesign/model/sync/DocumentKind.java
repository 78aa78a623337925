package jp.sitesign.model.sync;

/**
 * Which place an uploaded PDF takes in a contract: its main PDF (the one that is signed) or one of its
 * attachments (添付書類, docs/decisions/0007-attachments.md).
 */
public enum DocumentKind {
    MAIN,
    ATTACHMENT
}
