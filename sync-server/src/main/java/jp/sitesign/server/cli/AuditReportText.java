package jp.sitesign.server.cli;

import java.io.PrintWriter;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAnchorCheck;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.audit.AuditVerification;

/**
 * {@code audit verify}'s words: failures (the broken link first, then each failed anchor, each in Japanese and
 * English) to the error stream; what holds — the kept range, the checkpoint, the anchors and the last anchored
 * time with its TSA — to the output.
 */
final class AuditReportText {
    private AuditReportText() {
    }

    static void print(AuditVerification.Report r, boolean anchoring, PrintWriter out, PrintWriter err) {
        r.chain().ifPresent(b -> err.println(OperatorMessage.AUDIT_LOG_BROKEN.line(b.description())));
        for (AuditAnchorCheck.Result failed : r.failedAnchors()) {
            err.println(OperatorMessage.ANCHOR_CHECK_FAILED.ja(failed.messageJa()));
            err.println(OperatorMessage.ANCHOR_CHECK_FAILED.en(failed.messageEn()));
        }
        long first = r.checkpoint().sequence() + 1;
        if (r.intact()) {
            out.println("Audit log intact (監査ログは改ざんされていません): "
                    + (r.head() < first ? "no events kept" : "events #" + first + " to #" + r.head()) + ".");
        }
        if (r.checkpoint().sequence() > 0) {
            out.println("Retention checkpoint (保存期間による削除の起点): events up to #" + r.checkpoint().sequence()
                    + " were cut" + (r.cutAt() == null ? "" : " on " + JapanTime.display(r.cutAt())) + ".");
        }
        printAnchors(r, anchoring, out);
    }

    private static void printAnchors(AuditVerification.Report r, boolean anchoring, PrintWriter out) {
        Optional<AuditAnchorCheck.Result> last = r.lastAnchored();
        if (r.anchors().isEmpty()) {
            out.println("No anchors exist (タイムスタンプはまだありません): " + (anchoring
                    ? "the first is taken by the daily job or the next backup, or now with `audit anchor`."
                    : "no TSA is configured (tsa.url), so the log is protected by the head's MAC alone."));
            return;
        }
        long held = r.anchors().size() - r.failedAnchors().size();
        // The oldest anchor bounds what is proven: events before it have no timestamp older than it.
        String oldest = r.anchors().stream().filter(a -> a.time() != null).findFirst()
                .map(a -> "; the oldest is from " + JapanTime.display(a.time()) + " (event #" + a.anchor().sequence()
                        + ")").orElse("");
        out.println("Anchors (タイムスタンプ): " + r.anchors().size() + ", " + held + " hold" + oldest + ".");
        if (last.isEmpty()) {
            return;
        }
        AuditAnchorCheck.Result a = last.get();
        out.println("Last anchored (最終タイムスタンプ): " + JapanTime.display(a.time()) + " at event #"
                + a.anchor().sequence() + ", TSA " + a.tsa() + (a.verdict() == AuditAnchorCheck.Verdict.PROVEN
                        ? " — trusted (信頼済み)"
                        : " — not judged: no trust anchors are configured (信頼点が未設定のため TSA は未確認)") + ".");
        long after = r.head() - a.anchor().sequence();
        if (after > 0) {
            out.println(after + " later event(s) are not anchored yet (以降 " + after + " 件は未タイムスタンプ).");
        }
    }
}
