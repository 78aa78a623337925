package jp.sitesign.model.contract;

import java.util.Objects;
import java.util.function.Function;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.user.UserId;

/**
 * The words for where a contract stands and whose turn it is, in Japanese and English: the one catalogue the
 * desktop's list, detail and 要対応 tab and the server's demo printout all write statuses with, so they say the
 * same thing (the UX review found 承認待ち against 承認中, 差戻し（下書き） against 下書き（差戻し）, and a 送付のみ
 * contract's receipt shown as 締結済). {@link #describe} puts a status and its {@link ContractTurn} together, e.g.
 * 「承認待ち（自社・佐藤 花子）」 or 「署名待ち（相手方）」.
 */
public enum ContractStatusWord implements CataloguedMessage {
    DRAFT("下書き", "Draft"),
    RETURNED("下書き（差戻し）", "Draft (returned)"),
    IN_APPROVAL("承認待ち", "For approval"),
    /** 承認待ち of a counterparty that has not named its route and signer yet. */
    AWAITING_ROUTE("承認ルート設定待ち", "For route setup"),
    AWAITING_SIGNATURE("署名待ち", "For signature"),
    /** 署名待ち of the recipient of 送付のみ, who acknowledges instead. */
    AWAITING_RECEIPT("受領確認待ち", "For receipt"),
    COMPLETED("締結済", "Completed"),
    /** 締結済 of 送付のみ: nobody signed but the sender; the recipient acknowledged. */
    RECEIPT_ACKNOWLEDGED("受領確認済", "Acknowledged"),
    WITHDRAWN("取消", "Withdrawn"),
    DECLINED("辞退", "Declined"),
    EXPIRED("期限切れ", "Expired"),

    /** The viewer's own company's turn. */
    OWN_SIDE("自社", "us"),
    /** Another company's turn. */
    OTHER_SIDE("相手方", "partner"),
    /** A status with whose turn it is. Arguments: the status word, the turn. */
    WITH_TURN("%s（%s）", "%s (%s)"),
    /** Whose turn: the side and the person. */
    SIDE_AND_PERSON("%s・%s", "%s, %s"),

    /** What the contract waits for from the user ({@link ContractTurn.Task}), for a "your turn" list. */
    TASK_REVISE("差し戻された下書きを直して、もう一度申請してください。", "Revise the returned draft and submit it again."),
    TASK_SET_ROUTE("自社の承認ルートと署名者を設定してください。", "Set your company's approval route and signer."),
    TASK_APPROVE("承認または差戻しをしてください。", "Approve or return it."),
    TASK_SIGN("署名してください。", "Sign it."),
    TASK_ACKNOWLEDGE("受領を確認してください。", "Acknowledge receipt.");

    private final Texts texts;

    ContractStatusWord(String ja, String en) {
        this.texts = new Texts(null, ja, en);
    }

    @Override
    public Texts texts() {
        return texts;
    }

    /** A text in both languages; the caller picks the user's. */
    public record Text(String ja, String en) {
        public Text {
            Objects.requireNonNull(ja, "ja");
            Objects.requireNonNull(en, "en");
        }
    }

    /** The plain word for a status (the status filter's choices). */
    public static ContractStatusWord of(ContractStatus status) {
        return switch (Objects.requireNonNull(status, "status")) {
            case DRAFT -> DRAFT;
            case RETURNED -> RETURNED;
            case IN_APPROVAL -> IN_APPROVAL;
            case AWAITING_SIGNATURE -> AWAITING_SIGNATURE;
            case COMPLETED -> COMPLETED;
            case WITHDRAWN -> WITHDRAWN;
            case DECLINED -> DECLINED;
            case EXPIRED -> EXPIRED;
        };
    }

    /** The word for a contract's state, finer than its status: route set-up, receipt, 送付のみ concluded. */
    public static ContractStatusWord of(ContractProgress p) {
        if (p.status() == ContractStatus.IN_APPROVAL && p.awaitingSetup()) {
            return AWAITING_ROUTE;
        }
        boolean receipt = p.form() == ContractForm.SEND_ONLY && p.currentParty() > 0;
        if (p.status() == ContractStatus.AWAITING_SIGNATURE && receipt) {
            return AWAITING_RECEIPT;
        }
        if (p.status() == ContractStatus.COMPLETED && p.form() == ContractForm.SEND_ONLY) {
            return RECEIPT_ACKNOWLEDGED;
        }
        return of(p.status());
    }

    /** The word for what a contract waits for. */
    public static ContractStatusWord of(ContractTurn.Task task) {
        return switch (Objects.requireNonNull(task, "task")) {
            case REVISE -> TASK_REVISE;
            case SET_ROUTE -> TASK_SET_ROUTE;
            case APPROVE -> TASK_APPROVE;
            case SIGN -> TASK_SIGN;
            case ACKNOWLEDGE -> TASK_ACKNOWLEDGE;
        };
    }

    /**
     * A contract's status as a user reads it: its word and, while it is sent and waiting for someone, whose turn
     * it is — 「承認待ち（自社・佐藤 花子）」, 「署名待ち（相手方）」. A returned draft, a first draft and the final
     * states are their word alone.
     *
     * @param creator who created the contract
     * @param viewer  the company the reader belongs to (自社 / 相手方), or null to leave the side out (the demo
     *                printout, read by both companies)
     * @param names   a user's name, or null where it is not known (then only the side is written)
     */
    public static Text describe(ContractProgress p, UserId creator, CompanyId viewer, Function<UserId, String> names) {
        ContractStatusWord word = of(p);
        boolean sent = p.status() == ContractStatus.IN_APPROVAL || p.status() == ContractStatus.AWAITING_SIGNATURE;
        ContractTurn turn = sent ? ContractTurn.of(p, creator).orElse(null) : null;
        if (turn == null) {
            return new Text(word.ja(), word.en());
        }
        String name = turn.person() == null ? null : names.apply(turn.person());
        if (name != null && name.isBlank()) {
            name = null;
        }
        ContractStatusWord side = viewer == null ? null : turn.isOwnSide(viewer) ? OWN_SIDE : OTHER_SIDE;
        if (side == null && name == null) {
            return new Text(word.ja(), word.en());
        }
        String whoJa = side == null ? name : name == null ? side.ja() : SIDE_AND_PERSON.ja(side.ja(), name);
        String whoEn = side == null ? name : name == null ? side.en() : SIDE_AND_PERSON.en(side.en(), name);
        return new Text(WITH_TURN.ja(word.ja(), whoJa), WITH_TURN.en(word.en(), whoEn));
    }
}
