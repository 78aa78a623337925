package jp.sitesign.server.keys;

import java.util.List;
import java.util.function.Function;

/**
 * Every column that holds content sealed under a company's data key, with how its rows are found for one
 * company and the place each ciphertext is bound to (the repositories' own names). {@code SealedColumnsIT}
 * fails when the schema gains a binary column that is neither listed here nor named as not sealed content.
 */
final class SealedColumns {
    private SealedColumns() {
    }

    /**
     * One sealed column: {@code from} names the table (joined where the company is found through another
     * row), {@code company} the expression that must equal the company id, {@code keys} the row's key columns
     * in keyset order, and {@code place} the place string from the key values.
     */
    record Column(String table, String column, String from, String company, List<String> keys,
            Function<List<Object>, String> place, boolean bulky) {

        Column(String table, String column, String from, String company, List<String> keys,
                Function<List<Object>, String> place) {
            this(table, column, from, company, keys, place, false);
        }

        /** Rows a page may hold: PDFs and upload chunks are megabytes each. */
        int pageSize(int batchSize) {
            return bulky ? Math.min(batchSize, 4) : batchSize;
        }

        /** A page of this company's rows: the first, or the next after the last one's keys. */
        String selectPage(boolean first) {
            String keyList = String.join(", ", qualified());
            return "SELECT " + keyList + ", t." + column + " FROM " + from + " WHERE " + company + " = ? AND t."
                    + column + " IS NOT NULL" + (first ? "" : " AND (" + keyList + ") > ("
                    + String.join(", ", keys.stream().map(k -> "?").toList()) + ")")
                    + " ORDER BY " + keyList + " LIMIT ?";
        }

        /** Replaces the ciphertext only if it is still the one read (a concurrent write wins). */
        String update() {
            return "UPDATE " + table + " SET " + column + " = ? WHERE "
                    + String.join(" AND ", keys.stream().map(k -> k + " = ?").toList()) + " AND " + column + " = ?";
        }

        private List<String> qualified() {
            return keys.stream().map(k -> "t." + k).toList();
        }
    }

    static final List<Column> ALL = List.of(
            new Column("companies", "content", "companies t", "t.id", List.of("id"),
                    k -> "companies.content"),
            new Column("users", "content", "users t", "t.company_id", List.of("id"),
                    k -> "users.content|" + k.get(0)),
            new Column("certificate_applications", "content", "certificate_applications t", "t.company_id",
                    List.of("id"), k -> "certificate_applications.content|" + k.get(0)),
            new Column("partnerships", "method_description", "partnerships t", "t.proposed_by_company",
                    List.of("id"), k -> "partnerships.method|" + k.get(0)),
            new Column("api_applications", "content", "api_applications t", "t.company_id", List.of("id"),
                    k -> "api_applications.content|" + k.get(0)),
            new Column("api_webhooks", "secret", "api_webhooks t JOIN api_applications a ON a.id = t.application_id",
                    "a.company_id", List.of("application_id"), k -> "api_webhooks.secret|" + k.get(0)),
            new Column("sync_upload_chunks", "content", "sync_upload_chunks t", "t.company_id",
                    List.of("uploaded_by", "sha256", "position"), k -> "sync_uploads|" + k.get(1) + "|" + k.get(2),
                    true),
            new Column("contracts", "content", "contracts t", "t.key_company", List.of("id"),
                    k -> "contracts.content|" + k.get(0)),
            new Column("contract_documents", "content",
                    "contract_documents t JOIN contracts k ON k.id = t.contract_id", "k.key_company",
                    List.of("contract_id", "sha256"), k -> "contracts.content|" + k.get(0) + "|" + k.get(1), true),
            new Column("contract_documents", "display_name",
                    "contract_documents t JOIN contracts k ON k.id = t.contract_id", "k.key_company",
                    List.of("contract_id", "sha256"),
                    k -> "contracts.content|" + k.get(0) + "|" + k.get(1) + "|name"));

    /** Binary columns that hold no content sealed under a company key, and why. */
    static final List<String> NOT_SEALED_CONTENT = List.of(
            "companies.wrapped_key",            // the company key itself, under the master key
            "companies.previous_wrapped_key",   // the same, before a rotation
            "audit_anchors.token",              // a TSA's timestamp token: public
            "signing_certificates.der");        // a certificate: public
}
