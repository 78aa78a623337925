package jp.sitesign.model.contract;

/**
 * 文書ステータス: where a contract stands, as both the access policy and the lifecycle see it.
 *
 * <p>This enum only names the states; how users see them is {@link ContractStatusWord}'s. Which transitions exist is decided
 * by the contract lifecycle, in one place, not here; the access policy only asks {@link #isDraft()}
 * because "edit or delete a draft" is a row of the permission table.
 */
public enum ContractStatus {
    /** 下書き: being prepared by the sending company. */
    DRAFT,
    /** 承認待ち: waiting for the current party's approval route. */
    IN_APPROVAL,
    /** 署名待ち: waiting for the current party's signer. */
    AWAITING_SIGNATURE,
    /**
     * 差戻し: an approver returned it to the sender. Users see it as a draft again
     * (下書き（差戻し）), so it can be edited and deleted like one.
     */
    RETURNED,
    /** 締結済: every party signed; immutable from now on, ended only by retention. */
    COMPLETED,
    /** 取消: the sender withdrew it before completion. */
    WITHDRAWN,
    /** 辞退: a counterparty refused it. */
    DECLINED,
    /** 期限切れ: the signing deadline passed. */
    EXPIRED;

    /**
     * True for the two states users call a draft (下書き and 下書き（差戻し）): the only states in which
     * a contract may be edited or deleted.
     */
    public boolean isDraft() {
        return this == DRAFT || this == RETURNED;
    }

    /**
     * The label users see, e.g. {@code 下書き（差戻し）} for {@link #RETURNED}: the word of {@link ContractStatusWord},
     * the one catalogue of status words.
     */
    public String labelJa() {
        return ContractStatusWord.of(this).ja();
    }

    public String labelEn() {
        return ContractStatusWord.of(this).en();
    }
}
