package jp.sitesign.model.policy;

/**
 * Everything a user can ask of the service that the permission table (DESIGN §3) has a row for.
 *
 * <p>Each action names the kind of {@link Resource} it is judged against, so that server and client
 * build the same question and a mismatched call fails at once instead of being silently decided.
 */
public enum Action {
    /** Log in with user id and password. */
    LOGIN(NoTarget.class, Effect.READS),
    /** Edit one's own name, name kana and email. */
    EDIT_OWN_PROFILE(NoTarget.class),
    CHANGE_OWN_PASSWORD(NoTarget.class, Effect.READS),
    /** List and search the users of a company with everything an administrator manages (email, status, login details). */
    VIEW_USERS(CompanyResource.class, Effect.READS),
    /**
     * See the company directory: each active colleague's id, name, department, title and whether they hold
     * 署名権限, nothing else. Every user needs it to name the approvers and the signer of their own company's
     * route (DESIGN §2: the sender sets its own route and signer; a counterparty's 担当者 sets theirs), which
     * VIEW_USERS, an owner and admin row, does not give members. ADR 10.
     */
    VIEW_COMPANY_DIRECTORY(CompanyResource.class, Effect.READS),
    REGISTER_USER(NewUserResource.class),
    /** Change another user's attributes, possibly their role ({@link UserResource#newRole()}). */
    EDIT_USER(UserResource.class),
    SUSPEND_USER(UserResource.class),
    RESUME_USER(UserResource.class),
    DELETE_USER(UserResource.class),
    /** Bind or unbind a signing certificate to a user, which gives or takes signing authority. */
    SET_SIGNING_AUTHORITY(UserResource.class),
    /**
     * Register the company's signing certificates and see them with the users bound to them: what
     * binding (SET_SIGNING_AUTHORITY) chooses from, so the same owners and admins.
     */
    MANAGE_CERTIFICATES(CompanyResource.class),
    /** Apply to the operator for an additional signing certificate. */
    APPLY_FOR_CERTIFICATE(CompanyResource.class),
    APPLY_FOR_API_USE(CompanyResource.class),
    /** Change the IP addresses the company's API access is allowed from. */
    MANAGE_API_ALLOW_LIST(CompanyResource.class),
    /** See the company's partners (取引先) and their 承諾 records, e.g. to pick a counterparty. */
    VIEW_PARTNERSHIPS(CompanyResource.class, Effect.READS),
    /**
     * Propose a partnership, or give / withdraw the company's 承諾 to electronic contracting
     * (建設業法施行令 5条の5): a legal act of the company, so its owner and admins only.
     */
    MANAGE_PARTNERSHIPS(CompanyResource.class),
    VIEW_CONTRACT(ContractResource.class, Effect.READS),
    /** Start a new contract in the given company. */
    CREATE_DRAFT(CompanyResource.class),
    EDIT_DRAFT(ContractResource.class),
    /**
     * Have the server's organisation seal stand for the company in place of a person's signature: name it as the
     * sender's signer of a 送付のみ draft, and send such a draft (ADR 34). Integration applications only
     * ({@code contracts:write}): a person signs with their own key (電子署名法), and an application has none.
     */
    SEND_UNDER_SEAL(CompanyResource.class),
    DELETE_DRAFT(ContractResource.class),
    /** Approve or return (差戻し) as an approver on the route; the lifecycle decides what follows. */
    APPROVE_OR_RETURN(ContractResource.class),
    SIGN(ContractResource.class),
    /**
     * Open or download a contract's PDFs. For people it goes with seeing the contract; integration
     * applications need the {@code documents:read} scope for it besides {@code contracts:read} (issue 13).
     */
    READ_DOCUMENT(ContractResource.class, Effect.READS),
    /** Search the company's contracts (each row is then judged by VIEW_CONTRACT). */
    SEARCH_CONTRACTS(CompanyResource.class, Effect.READS),
    /** Export the 電子帳簿保存法 search of the company's contracts as CSV. */
    EXPORT_CONTRACTS(CompanyResource.class, Effect.READS),
    /** The same export as a ZIP with the contracts' PDFs. */
    EXPORT_CONTRACTS_WITH_DOCUMENTS(CompanyResource.class, Effect.READS),
    /** The party whose turn it is sets its own approval route and signer when the contract reaches it. */
    SET_PARTY_ROUTE(ContractResource.class),
    /** The party whose turn it is refuses the contract (辞退). */
    DECLINE(ContractResource.class),
    /** 送付のみ: the receiving party confirms receipt, which completes the contract. */
    ACKNOWLEDGE_RECEIPT(ContractResource.class),
    /** The sender takes back a sent contract before completion (取消). */
    WITHDRAW(ContractResource.class),
    /**
     * Start a 変更契約 from a contract: a new draft of the sending company that copies it and links to it.
     * Which contracts can be amended (only completed ones) is the lifecycle's part.
     */
    AMEND_CONTRACT(ContractResource.class),
    /**
     * Put a legal hold on a contract, or lift it: no retention purge removes a held contract. A legal act of
     * a party, so its owner and admins (issue 11, ADR 13).
     */
    SET_LEGAL_HOLD(ContractResource.class),
    /** See the login and operation logs of a company. */
    VIEW_AUDIT_LOG(CompanyResource.class, Effect.READS),
    EXPORT_AUDIT_LOG(CompanyResource.class, Effect.READS),
    /** Read the operator's notices; any logged-in user. */
    READ_NOTICES(NoTarget.class, Effect.READS);

    /** What an action does to the company's data. */
    enum Effect {
        /** Changes nothing: all a terminated company's owner and admins may still do. */
        READS,
        CHANGES
    }

    private final Class<? extends Resource> resourceType;
    private final boolean readsOnly;

    Action(Class<? extends Resource> resourceType) {
        this(resourceType, Effect.CHANGES);
    }

    Action(Class<? extends Resource> resourceType, Effect effect) {
        this.resourceType = resourceType;
        this.readsOnly = effect == Effect.READS;
    }

    /**
     * Whether the action only reads (or, for the own password, only changes how the user logs in): what the
     * owner and admins of a terminated company may still do in its grace period, to take their data away.
     */
    public boolean readsOnly() {
        return readsOnly;
    }

    /** The kind of resource {@link AccessPolicy#decide} expects with this action. */
    public Class<? extends Resource> resourceType() {
        return resourceType;
    }
}
