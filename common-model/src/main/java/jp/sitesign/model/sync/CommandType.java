package jp.sitesign.model.sync;

/** What a pushed command asks for (DESIGN §4). */
public enum CommandType {
    /** A new draft; {@code contractId} is the id the client chose for it (a UUID). */
    CREATE_DRAFT,
    EDIT_DRAFT,
    /**
     * Make an uploaded blob ({@code documentSha256}) the draft's main PDF, or with {@code documentKind}
     * ATTACHMENT add it as an attachment named {@code documentName}.
     */
    ATTACH_DOCUMENT,
    /** Remove the draft's attachment {@code documentSha256}. */
    REMOVE_ATTACHMENT,
    SUBMIT,
    APPROVE,
    RETURN,
    /** The signed version ({@code documentSha256}, uploaded first) made from {@code baseSha256}. */
    SIGN,
    WITHDRAW,
    DECLINE,
    ACKNOWLEDGE,
    SET_PARTY_ROUTE,
    DELETE_DRAFT,
    MARK_NOTICE_READ,
    /**
     * Start a 変更契約 from the completed contract {@code originalId}: a new draft whose id
     * ({@code entityId}, a UUID) the client chose, as for CREATE_DRAFT.
     */
    AMEND
}
