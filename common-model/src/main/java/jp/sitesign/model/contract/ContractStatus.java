package jp.sitesign.model.contract;

/**
 * 文書ステータス: where a contract stands, as both the access policy and the lifecycle see it.
 *
 * <p>This enum only names the states and how users see them. Which transitions exist is decided
 * by the contract lifecycle, in one place, not here; the access policy only asks {@link #isDraft()}
 * because "edit or delete a draft" is a row of the permission table.
 */
public enum ContractStatus {
    /** 下書き: being prepared by the sending company. */
    DRAFT("下書き", "Draft"),
    /** 承認中: waiting for the current party's approval route. */
    IN_APPROVAL("承認中", "In approval"),
    /** 署名待ち: waiting for the current party's signer. */
    AWAITING_SIGNATURE("署名待ち", "Awaiting signature"),
    /**
     * 差戻し: an approver returned it to the sender. Users see it as a draft again
     * (下書き（差戻し）), so it can be edited and deleted like one.
     */
    RETURNED("下書き（差戻し）", "Draft (returned)"),
    /** 締結済: every party signed; immutable from now on, ended only by retention. */
    COMPLETED("締結済", "Completed"),
    /** 取消: the sender withdrew it before completion. */
    WITHDRAWN("取消", "Withdrawn"),
    /** 辞退: a counterparty refused it. */
    DECLINED("辞退", "Declined"),
    /** 期限切れ: the signing deadline passed. */
    EXPIRED("期限切れ", "Expired");

    private final String labelJa;
    private final String labelEn;

    ContractStatus(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /**
     * True for the two states users call a draft (下書き and 下書き（差戻し）): the only states in which
     * a contract may be edited or deleted.
     */
    public boolean isDraft() {
        return this == DRAFT || this == RETURNED;
    }

    /** The label users see, e.g. {@code 下書き（差戻し）} for {@link #RETURNED}. */
    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
