package jp.sitesign.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.http.CsvWriter;

/** Audit events as CSV for Excel, times in JST with the offset written out. */
public final class AuditCsv {
    private static final List<String> HEADER = List.of("連番", "日時(JST)", "区分", "操作", "結果", "実行者", "対象",
            "接続元IP", "詳細", "ハッシュ");

    private final CsvWriter csv;

    public AuditCsv(OutputStream stream) throws IOException {
        this.csv = new CsvWriter(stream, HEADER);
    }

    public void write(AuditEvent e) throws IOException {
        csv.row(java.util.Arrays.asList(
                Long.toString(e.sequence()),
                JapanTime.display(e.time()),
                e.action().isLogin() ? "ログイン履歴" : "操作履歴",
                e.action().labelJa(),
                e.outcome().labelJa(),
                e.actor(),
                e.target(),
                e.clientIp(),
                e.details(),
                e.hash()));
    }

    public void flush() throws IOException {
        csv.flush();
    }
}
