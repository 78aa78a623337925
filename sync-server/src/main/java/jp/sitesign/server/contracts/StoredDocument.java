package jp.sitesign.server.contracts;

/**
 * One stored document of a contract, without its bytes: the main PDF's current version or an attachment
 * (添付書類), with the attachment's display name opened and its place in the order (null for the main PDF).
 */
record StoredDocument(String sha256, String kind, String name, int pages, long sizeBytes, Integer position) {
    static final String MAIN = "MAIN";
    static final String ATTACHMENT = "ATTACHMENT";
}
