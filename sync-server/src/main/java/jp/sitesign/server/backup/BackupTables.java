package jp.sitesign.server.backup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tables a backup holds, in an order in which they can be inserted (a row's foreign keys point to
 * tables earlier in the list), and how a differential backup tells a changed row. Every table of the
 * schema is either here or in {@link #NOT_BACKED_UP} with the reason; a test keeps it that way, so a new
 * migration cannot add a table that backups silently leave out.
 */
final class BackupTables {
    private BackupTables() {
    }

    /** How a differential finds what changed in a table since the full backup. */
    enum Kind {
        /** Rows compared by a digest of their columns against the full's index. */
        ROWS,
        /** Append-only by the first key column (a sequence number): the rows after the full's highest. */
        APPEND
    }

    /**
     * One table.
     *
     * @param key       the primary key columns, also the order rows are read in
     * @param immutable columns that never change once a row exists (a document's sealed bytes): left out of
     *                  the digest, so a differential does not read them for rows it does not carry
     * @param inLogBackup whether the daily log backup (the login and operation logs) holds it too
     */
    record Table(String name, List<String> key, Kind kind, Set<String> immutable, boolean inLogBackup) {
        /** Rows read per query: documents are large, so fewer at a time. */
        int pageSize() {
            return immutable.isEmpty() ? 1000 : 20;
        }
    }

    static final List<Table> ALL = List.of(
            rows("companies", "id"),
            rows("users", "id"),
            new Table("audit_events", List.of("seq"), Kind.APPEND, Set.of(), true),
            new Table("audit_head", List.of("id"), Kind.ROWS, Set.of(), true),
            new Table("audit_checkpoint", List.of("id"), Kind.ROWS, Set.of(), true),
            new Table("audit_anchors", List.of("id"), Kind.ROWS, Set.of(), true),
            rows("notices", "id"),
            rows("notice_reads", "user_id", "notice_id"),
            rows("partnerships", "id"),
            rows("partnership_consents", "partnership_id", "company_id"),
            rows("contracts", "id"),
            rows("contract_parties", "contract_id", "company_id"),
            new Table("contract_documents", List.of("contract_id", "sha256"), Kind.ROWS, Set.of("content"), false),
            rows("contract_number_counters", "company_id", "num_year"),
            rows("signing_certificates", "id"),
            rows("certificate_bindings", "certificate_id", "user_id"),
            rows("certificate_applications", "id"),
            rows("api_applications", "id"),
            rows("api_webhooks", "application_id"),
            rows("api_webhook_deliveries", "id"),
            rows("demo_ca_issued", "serial_hex"),
            rows("sync_counter", "id"),
            rows("sync_changes", "entity_type", "entity_id", "audience"),
            rows("sync_commands", "id"));

    /** Tables no backup holds, and why. */
    static final Map<String, String> NOT_BACKED_UP = Map.of(
            "sessions", "logins end with a restore: every user logs in again",
            "partnership_invitations", "invitation codes last days: the inviting admin issues another",
            "partnership_attempts", "a day's count of partnership proposals",
            "sync_uploads", "unfinished uploads: the clients upload again",
            "sync_upload_chunks", "unfinished uploads: the clients upload again",
            "flyway_schema_history", "the restore builds the schema with the same migrations",
            "job_runs", "which server ran a scheduled job when: the restored servers run each job afresh",
            "contract_people", "derived from the contracts: written again on the restored server's start (ADR 46)",
            "contract_terms", "derived from the contracts: written again on the restored server's start (ADR 46)");

    /** Tables with a generated identity column, whose counter must pass the restored ids. */
    static final Set<String> IDENTITY = Set.of("notices", "partnerships", "signing_certificates",
            "certificate_applications", "api_webhook_deliveries");

    static Optional<Table> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static Table rows(String name, String... key) {
        return new Table(name, List.of(key), Kind.ROWS, Set.of(), false);
    }
}
