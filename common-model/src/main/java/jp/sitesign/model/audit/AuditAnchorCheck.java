package jp.sitesign.model.audit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import jp.sitesign.model.signature.verify.TimestampReport;
import jp.sitesign.model.signature.verify.TimestampStatus;
import jp.sitesign.model.signature.verify.TimestampTokenVerifier;
import jp.sitesign.model.time.JapanTime;

/**
 * Checks an {@link AuditAnchor} offline against the chain as it is now: the token must verify, with the TSA
 * certificate it carries, over the statement of the event's <em>current</em> hash, and that TSA must chain to a
 * trust anchor. A chain rewritten after the anchor was taken, or an anchor edited to match a rewrite, fails.
 * It lives in common-model beside {@link AuditChain} so anyone holding the log can check it the same way.
 */
public final class AuditAnchorCheck {
    private final TimestampTokenVerifier verifier;
    private final boolean trustConfigured;

    /** @param trustAnchors the CAs a TSA must chain to; none means the TSA's identity is only reported */
    public AuditAnchorCheck(Collection<X509Certificate> trustAnchors) {
        this.verifier = new TimestampTokenVerifier(trustAnchors);
        this.trustConfigured = !trustAnchors.isEmpty();
    }

    /** How one anchor stands. */
    public enum Verdict {
        /** The token proves that the chain held the event's current hash by its time. */
        PROVEN(false),
        /** Sound and matching, but no trust anchors are configured to judge its TSA by. */
        TSA_NOT_JUDGED(false),
        /** Sound and matching, but its TSA does not chain to a trust anchor (or was invalid at the token's time). */
        TSA_NOT_TRUSTED(true),
        /** The event it timestamped is not in the log: deleted, or before the retention checkpoint. */
        EVENT_MISSING(true),
        /** The event's hash differs from the one that was timestamped: the chain was rewritten since. */
        LOG_CHANGED(true),
        /** The token is unreadable, its signature does not verify, or it was made over other data. */
        TOKEN_INVALID(true);

        private final boolean failure;

        Verdict(boolean failure) {
            this.failure = failure;
        }

        public boolean failure() {
            return failure;
        }
    }

    /**
     * One anchor's outcome.
     *
     * @param time   the time the token states, or null when unreadable
     * @param tsa    the TSA certificate's subject, or null when the token carries none
     * @param detail what failed, in English for logs; null when proven
     */
    public record Result(AuditAnchor anchor, Verdict verdict, Instant time, String tsa, String detail) {
        public boolean failed() {
            return verdict.failure();
        }

        /** The anchor named for the operator: its number, event, time (JST) and TSA. */
        public String nameEn() {
            return "anchor " + anchor.id() + " (event #" + anchor.sequence()
                    + (time == null ? "" : ", " + JapanTime.display(time)) + (tsa == null ? "" : ", TSA " + tsa) + ")";
        }

        public String nameJa() {
            return "タイムスタンプ " + anchor.id() + "（イベント #" + anchor.sequence()
                    + (time == null ? "" : "、" + JapanTime.display(time)) + (tsa == null ? "" : "、TSA " + tsa) + "）";
        }

        public String messageJa() {
            return nameJa() + switch (verdict) {
                case PROVEN -> ": 有効（TSA は信頼済み）";
                case TSA_NOT_JUDGED -> ": 一致（信頼点が設定されていないため TSA は未確認）";
                case TSA_NOT_TRUSTED -> ": TSA が信頼点に連鎖しません。TSA の CA 証明書を trust.anchors に加えてください";
                case EVENT_MISSING -> ": タイムスタンプを付けたイベントがログにありません（削除）";
                case LOG_CHANGED -> ": タイムスタンプ後にログが書き換えられました";
                case TOKEN_INVALID -> ": トークンが無効か、このログに対するものではありません";
            };
        }

        public String messageEn() {
            return nameEn() + switch (verdict) {
                case PROVEN -> ": valid, TSA trusted";
                case TSA_NOT_JUDGED -> ": matches; TSA not judged (no trust anchors are configured)";
                case TSA_NOT_TRUSTED -> ": the TSA does not chain to a trust anchor (" + detail
                        + "); add the TSA's CA certificate to trust.anchors";
                case EVENT_MISSING -> ": the event it timestamped is not in the log (deleted)";
                case LOG_CHANGED -> ": the log was rewritten after it was timestamped (" + detail + ")";
                case TOKEN_INVALID -> ": the token is invalid or not for this log (" + detail + ")";
            };
        }
    }

    /**
     * @param currentHash the hash the chain holds now at the anchor's event (the checkpoint's hash when the
     *                    anchor is at the checkpoint); empty when the log has no such event
     */
    public Result check(AuditAnchor anchor, Optional<String> currentHash) {
        if (currentHash.isEmpty()) {
            TimestampReport report = verifier.verify(anchor.token(), AuditAnchor.statement(anchor.sequence(),
                    anchor.headHash()));
            return result(anchor, Verdict.EVENT_MISSING, report, "event #" + anchor.sequence() + " is not in the log");
        }
        TimestampReport now = verifier.verify(anchor.token(), AuditAnchor.statement(anchor.sequence(),
                currentHash.get()));
        if (now.status() == TimestampStatus.IMPRINT_MISMATCH) {
            // Over what the anchor row says instead? Then the row is genuine and the chain moved under it.
            TimestampReport recorded = verifier.verify(anchor.token(), AuditAnchor.statement(anchor.sequence(),
                    anchor.headHash()));
            return recorded.status() == TimestampStatus.VALID && !anchor.headHash().equals(currentHash.get())
                    ? result(anchor, Verdict.LOG_CHANGED, recorded, "event #" + anchor.sequence() + " now has hash "
                            + currentHash.get() + ", the TSA stamped " + anchor.headHash())
                    : result(anchor, Verdict.TOKEN_INVALID, now, now.detail());
        }
        if (now.status() != TimestampStatus.VALID) {
            return result(anchor, Verdict.TOKEN_INVALID, now, now.status() + ": " + now.detail());
        }
        if (now.provesTime()) {
            return result(anchor, Verdict.PROVEN, now, null);
        }
        String why = now.tsa().trusted() ? "the TSA certificate chain was revoked"
                : now.tsa().detail() != null ? now.tsa().detail() : now.tsa().status().name();
        return result(anchor, trustConfigured ? Verdict.TSA_NOT_TRUSTED : Verdict.TSA_NOT_JUDGED, now, why);
    }

    private static Result result(AuditAnchor anchor, Verdict verdict, TimestampReport report, String detail) {
        return new Result(anchor, verdict, report.time(), report.tsa() == null ? null : report.tsa().subject(), detail);
    }
}
