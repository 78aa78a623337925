package jp.sitesign.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.time.JapanTime;

/** Audit events as CSV for Excel: UTF-8 with a BOM, CRLF lines, times in JST with the offset written out. */
public final class AuditCsv {
    private static final String HEADER = "連番,日時(JST),区分,操作,結果,実行者,対象,接続元IP,詳細,ハッシュ";

    private final Writer out;

    public AuditCsv(OutputStream stream) throws IOException {
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write("\r\n");
    }

    public void write(AuditEvent e) throws IOException {
        out.write(String.join(",",
                Long.toString(e.sequence()),
                JapanTime.display(e.time()),
                e.action().isLogin() ? "ログイン履歴" : "操作履歴",
                quote(e.action().labelJa()),
                e.outcome().labelJa(),
                quote(e.actor()),
                quote(e.target()),
                quote(e.clientIp()),
                quote(e.details()),
                e.hash()));
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Quotes every text cell and neutralises leading formula characters so Excel never evaluates them. */
    static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
