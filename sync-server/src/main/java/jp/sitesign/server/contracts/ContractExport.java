package jp.sitesign.server.contracts;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.http.CsvWriter;

/**
 * The 電子帳簿保存法 "download request": a search result as CSV, or as a ZIP of that CSV and each
 * contract's current PDF, named after its 文書管理番号, with its attachments (添付書類) beside it as
 * {@code <番号>_添付<n>_<name>.pdf}. The CSV names every attachment by its SHA-256, and the 取引先 and
 * the 送付元 by company name, each with its company id in the next column.
 */
final class ContractExport {
    static final List<String> HEADER = List.of("文書管理番号", "契約文書名称", "状態", "取引年月日", "取引金額(円)", "税込",
            "取引先", "取引先ID", "送付元", "送付元ID", "契約形態", "建設工事", "本文SHA-256", "添付書類SHA-256",
            "作成日時(JST)", "更新日時(JST)", "案件ID");

    private ContractExport() {
    }

    /** Where the documents come from: their descriptions (main PDF first) and their bytes. */
    interface Source {
        List<StoredDocument> documents(StoredContract k);

        byte[] content(StoredContract k, String sha256);

        /** The company's name, or null if it is no longer stored. */
        String companyName(CompanyId company);
    }

    static void csv(List<StoredContract> rows, Source source, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out, HEADER);
        // A result names few companies many times: each name is opened once.
        Map<CompanyId, String> names = new HashMap<>();
        Function<CompanyId, String> name = id -> id == null ? null
                : names.computeIfAbsent(id, x -> Objects.requireNonNullElse(source.companyName(x), ""));
        for (StoredContract k : rows) {
            csv.row(row(k, attachments(source.documents(k)), name));
        }
        csv.flush();
    }

    static void zip(List<StoredContract> rows, Source source, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("contracts.csv"));
            csv(rows, source, new jp.sitesign.server.http.ZipEntryStream(zip));
            zip.closeEntry();
            Set<String> names = new HashSet<>();
            for (StoredContract k : rows) {
                String base = safe(k.data().managementNumber());
                if (k.mainDocument() != null) {
                    put(zip, unique(names, base + ".pdf"), source.content(k, k.mainDocument()));
                }
                int n = 0;
                for (StoredDocument d : attachments(source.documents(k))) {
                    n++;
                    String name = safe(d.name()).replaceFirst("(?i)\\.pdf$", "");
                    put(zip, unique(names, base + "_添付" + n + "_" + name + ".pdf"), source.content(k, d.sha256()));
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry("pdf/" + name));
        zip.write(content);
        zip.closeEntry();
    }

    private static List<StoredDocument> attachments(List<StoredDocument> documents) {
        return documents.stream().filter(d -> StoredDocument.ATTACHMENT.equals(d.kind())).toList();
    }

    private static List<String> row(StoredContract k, List<StoredDocument> attachments,
            Function<CompanyId, String> name) {
        var d = k.data();
        var parties = k.progress().parties();
        CompanyId counterparty = parties.size() > 1 ? parties.get(1).company() : null;
        return Arrays.asList(d.managementNumber(), d.title(), k.progress().status().labelJa(),
                d.transactionDate() == null ? null : d.transactionDate().toString(),
                d.amountYen() == null ? null : Long.toString(d.amountYen()), d.taxIncluded() ? "税込" : "税抜",
                name.apply(counterparty), counterparty == null ? null : counterparty.value(),
                name.apply(k.sender()), k.sender().value(), k.progress().form().labelJa(), d.construction() ? "はい" : "いいえ", k.mainDocument(),
                String.join(" ", attachments.stream().map(StoredDocument::sha256).toList()),
                JapanTime.display(k.createdAt()), JapanTime.display(k.updatedAt()), k.id());
    }

    /** A file name that is safe on Windows, macOS and Linux and inside a ZIP. */
    private static String safe(String name) {
        String s = name == null ? "contract" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.isEmpty() || s.startsWith(".") ? "contract" + s : s;
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name.replaceFirst("\\.pdf$", "") + "_" + i + ".pdf";
        }
        return candidate;
    }
}
