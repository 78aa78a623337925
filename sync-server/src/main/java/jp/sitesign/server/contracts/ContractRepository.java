package jp.sitesign.server.contracts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.contract.VersionSharing;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/**
 * Contracts, their party index and their documents in the database. Content and PDFs are sealed under
 * the sending company's key, bound to the contract (and the document's hash).
 */
final class ContractRepository {
    /** Who produced a document the server made by itself (a renewed archive timestamp). */
    static final String SYSTEM = "system";
    /** The reason of a main PDF version the server archived (B-LTA) or whose archive timestamp it renewed. */
    static final String ARCHIVE_TIMESTAMP = "ARCHIVE_TIMESTAMP";

    private final ContentCipher cipher;
    private final ChangeLog changes;
    private final ContractSearchIndex index;

    ContractRepository(ContentCipher cipher, ChangeLog changes) {
        this.cipher = cipher;
        this.changes = changes;
        this.index = new ContractSearchIndex(cipher);
    }

    /** The search's people and blind index, written here with every revision. */
    ContractSearchIndex index() {
        return index;
    }

    void insert(Connection c, StoredContract k, String numberIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contracts (id, sender_company, creator, form,"
                + " status, transaction_date, amount, counterparty, number_index, content, progress, main_document,"
                + " revision, deadline, created_at, updated_at, original_id, key_company)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.sender().value());
            ps.setString(3, k.creator().value());
            ps.setString(4, k.progress().form().name());
            int i = bindMutable(c, ps, 5, k, numberIndex);
            Jdbc.setInstant(ps, i, k.createdAt());
            Jdbc.setInstant(ps, i + 1, k.updatedAt());
            ps.setString(i + 2, k.data().originalId());
            ps.setString(i + 3, k.keyCompany().value());
            ps.executeUpdate();
        }
        writeParties(c, k);
        index.insert(c, k);
        changed(c, k);
    }

    /** The sender's users and those of every party it has reached may learn of the change. */
    private void changed(Connection c, StoredContract k) throws SQLException {
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(k.sender().value());
        k.progress().reached().forEach(company -> audiences.add(company.value()));
        changes.changed(c, EntityType.CONTRACT, k.id(), audiences);
    }

    /** Writes a new revision; false when the stored revision is no longer the one it was based on. */
    boolean update(Connection c, StoredContract k, String numberIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contracts SET status = ?, transaction_date = ?,"
                + " amount = ?, counterparty = ?, number_index = ?, content = ?, progress = ?, main_document = ?,"
                + " revision = ?, deadline = ?, updated_at = ? WHERE id = ? AND revision = ?")) {
            int i = bindMutable(c, ps, 1, k, numberIndex);
            Jdbc.setInstant(ps, i, k.updatedAt());
            ps.setString(i + 1, k.id());
            ps.setLong(i + 2, k.revision() - 1);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        if (k.progress().status() == jp.sitesign.model.contract.ContractStatus.COMPLETED) {
            // The start of its retention period; later revisions (archive renewals) do not move it.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE contracts SET completed_at = ? WHERE id = ? AND completed_at IS NULL")) {
                Jdbc.setInstant(ps, 1, k.updatedAt());
                ps.setString(2, k.id());
                ps.executeUpdate();
            }
        }
        writeParties(c, k);
        index.replace(c, k);
        if (VersionSharing.sharesCurrentDocuments(k.progress().status())) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE contract_documents SET shared = TRUE"
                    + " WHERE contract_id = ? AND shared = FALSE AND (sha256 = ? OR kind = ?)")) {
                ps.setString(1, k.id());
                ps.setString(2, k.mainDocument());
                ps.setString(3, StoredDocument.ATTACHMENT);
                ps.executeUpdate();
            }
        }
        changed(c, k);
        return true;
    }

    private int bindMutable(Connection c, PreparedStatement ps, int i, StoredContract k, String numberIndex)
            throws SQLException {
        ContractData d = k.data();
        ps.setString(i, k.progress().status().name());
        if (d.transactionDate() == null) {
            ps.setNull(i + 1, Types.DATE);
        } else {
            ps.setDate(i + 1, Date.valueOf(d.transactionDate()));
        }
        if (d.amountYen() == null) {
            ps.setNull(i + 2, Types.BIGINT);
        } else {
            ps.setLong(i + 2, d.amountYen());
        }
        List<PartyStep> parties = k.progress().parties();
        ps.setString(i + 3, parties.size() > 1 ? parties.get(1).company().value() : null);
        ps.setString(i + 4, numberIndex);
        ps.setBytes(i + 5, cipher.seal(c, k.keyCompany(), place(k.id()), Content.of(d, k.progress().returnComment())));
        ps.setString(i + 6, ProgressCodec.write(k.progress()));
        ps.setString(i + 7, k.mainDocument());
        ps.setLong(i + 8, k.revision());
        Jdbc.setInstant(ps, i + 9, k.progress().deadline());
        return i + 10;
    }

    private static void writeParties(Connection c, StoredContract k) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM contract_parties WHERE contract_id = ?")) {
            del.setString(1, k.id());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contract_parties (contract_id, company_id, position, reached) VALUES (?, ?, ?, ?)")) {
            List<PartyStep> parties = k.progress().parties();
            for (int i = 0; i < parties.size(); i++) {
                ps.setString(1, k.id());
                ps.setString(2, parties.get(i).company().value());
                ps.setInt(3, i);
                ps.setBoolean(4, k.progress().reached().contains(parties.get(i).company()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<StoredContract> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM contracts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        }
    }

    /** Several contracts at once (a feed page), by id; ids not found are absent. */
    Map<String, StoredContract> findAll(Connection c, java.util.Collection<String> ids) throws SQLException {
        Map<String, StoredContract> out = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM contracts WHERE id IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredContract k = read(c, rs);
                        out.put(k.id(), k);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The document lists of several contracts at once, oldest first within each, as a user of {@code viewer}
     * may see them ({@link VersionSharing}).
     */
    Map<String, List<ContractSnapshot.DocumentRef>> documents(Connection c, java.util.Collection<StoredContract> ks,
            CompanyId viewer) throws SQLException {
        Map<String, StoredContract> byId = new java.util.HashMap<>();
        ks.forEach(k -> byId.put(k.id(), k));
        Map<String, List<ContractSnapshot.DocumentRef>> out = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(byId.keySet());
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT contract_id, sha256, kind, pages, size_bytes,"
                    + " produced_by, reason, created_at, display_name, shared FROM contract_documents WHERE contract_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?"))
                    + ") ORDER BY contract_id, created_at, sha256")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredContract k = byId.get(rs.getString(1));
                        if (!VersionSharing.visible(viewer, k.sender(), rs.getBoolean(10))) {
                            continue;
                        }
                        String sha = rs.getString(2);
                        byte[] sealedName = rs.getBytes(9);
                        String name = sealedName == null ? null : new String(cipher.openBytes(c, k.keyCompany(),
                                namePlace(k.id(), sha), sealedName), StandardCharsets.UTF_8);
                        out.computeIfAbsent(k.id(), x -> new ArrayList<>()).add(new ContractSnapshot.DocumentRef(sha,
                                rs.getString(3), name, rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                                Jdbc.getInstant(rs, "created_at")));
                    }
                }
            }
        }
        return out;
    }

    void delete(Connection c, String id) throws SQLException {
        changes.removed(c, EntityType.CONTRACT, id);
        ContractSearchIndex.remove(c, id);
        for (String table : List.of("contract_documents", "contract_parties", "contracts")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE "
                    + (table.equals("contracts") ? "id" : "contract_id") + " = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
    }

    /**
     * The rows a search's SQL selects, with their sealed content and progress still closed: the caller decides
     * and sorts on the clear columns, then opens only the rows it returns ({@link #open}).
     */
    List<Row> candidates(Connection c, ContractSearchSql sql) throws SQLException {
        try (PreparedStatement ps = sql.rows(c)) {
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date date = rs.getDate("transaction_date");
                    long amount = rs.getLong("amount");
                    Long amountYen = rs.wasNull() ? null : amount;
                    out.add(new Row(rs.getString("id"), new CompanyId(rs.getString("sender_company")),
                            new UserId(rs.getString("creator")), ProgressCodec.read(rs.getString("progress"), null),
                            date == null ? null : date.toLocalDate(), amountYen, rs.getString("main_document"),
                            rs.getLong("revision"), Jdbc.getInstant(rs, "created_at"),
                            Jdbc.getInstant(rs, "updated_at"), rs.getBytes("content"),
                            new CompanyId(rs.getString("key_company"))));
                }
            }
            return out;
        }
    }

    /**
     * Ids of contracts without search columns (ADR 46): every contract has at least its creator among its
     * people, so these were written before the columns existed or restored from a backup, which leaves them out.
     */
    List<String> unindexed(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id FROM contracts k WHERE NOT EXISTS (SELECT 1"
                + " FROM contract_people p WHERE p.contract_id = k.id) ORDER BY k.id FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            return ids(ps);
        }
    }

    /**
     * A page of the contracts that reached {@code company}, after {@code afterId} in id order (null: from the
     * first), for rebuilding its terms.
     */
    List<String> reachedPage(Connection c, CompanyId company, String afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contract_id FROM contract_parties WHERE company_id = ?"
                + " AND reached AND contract_id > ? ORDER BY contract_id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, company.value());
            ps.setString(2, afterId == null ? "" : afterId);
            ps.setInt(3, limit);
            return ids(ps);
        }
    }

    /** Decrypts a search row into the whole contract. */
    StoredContract open(Connection c, Row r) {
        Content content = cipher.open(c, r.keyCompany(), place(r.id()), r.sealed(), Content.class);
        ContractProgress p = r.progress();
        ContractProgress progress = new ContractProgress(p.form(), p.status(), p.parties(), p.currentParty(),
                p.routePosition(), p.deadline(), content.returnComment());
        return new StoredContract(r.id(), r.sender(), r.creator(), progress, content.toData(r.transactionDate(),
                r.amountYen()), r.mainDocument(), r.revision(), r.createdAt(), r.updatedAt(), r.keyCompany());
    }

    /** A contract row as found by the search: its clear columns and its still-sealed content. */
    record Row(String id, CompanyId sender, UserId creator, ContractProgress progress, LocalDate transactionDate,
            Long amountYen, String mainDocument, long revision, java.time.Instant createdAt,
            java.time.Instant updatedAt, byte[] sealed, CompanyId keyCompany) {

        /** The clear search keys; 文書管理番号 and title stay sealed (null) until the row is opened. */
        ContractQuery.Keys keys() {
            List<PartyStep> parties = progress.parties();
            return new ContractQuery.Keys(id, sender.value(), parties.size() > 1 ? parties.get(1).company().value() : null,
                    progress.status(), null, null, transactionDate, amountYen, updatedAt);
        }
    }

    /** Ids of sent, unfinished contracts whose signing deadline is before {@code now}. */
    List<String> dueForExpiry(Connection c, java.time.Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contracts WHERE status IN (?, ?)"
                + " AND deadline < ? ORDER BY deadline")) {
            ps.setString(1, jp.sitesign.model.contract.ContractStatus.IN_APPROVAL.name());
            ps.setString(2, jp.sitesign.model.contract.ContractStatus.AWAITING_SIGNATURE.name());
            Jdbc.setInstant(ps, 3, now);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Ids of completed contracts whose archive timestamp's TSA certificate expires at or before
     * {@code horizon}, soonest first.
     */
    List<String> dueForArchiveRenewal(Connection c, java.time.Instant horizon) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contracts WHERE status = ?"
                + " AND archive_expires_at <= ? ORDER BY archive_expires_at")) {
            ps.setString(1, jp.sitesign.model.contract.ContractStatus.COMPLETED.name());
            Jdbc.setInstant(ps, 2, horizon);
            return ids(ps);
        }
    }

    /**
     * Ids of completed contracts whose current main PDF is an archived version but whose archive expiry is not
     * recorded: those archived before the column existed.
     */
    List<String> archivedWithoutExpiry(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id FROM contracts k JOIN contract_documents d"
                + " ON d.contract_id = k.id AND d.sha256 = k.main_document WHERE k.status = ?"
                + " AND k.archive_expires_at IS NULL AND d.reason = ?")) {
            ps.setString(1, jp.sitesign.model.contract.ContractStatus.COMPLETED.name());
            ps.setString(2, ARCHIVE_TIMESTAMP);
            return ids(ps);
        }
    }

    /** Records when the TSA certificate of the contract's newest archive timestamp expires. */
    void setArchiveExpiry(Connection c, String id, java.time.Instant expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contracts SET archive_expires_at = ? WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, expires);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * The one write a completed contract takes: its archived main PDF replaced by the renewed version
     * {@code k.mainDocument()} (stored by the caller in the same transaction), with the new revision and the
     * new archive expiry; recorded in the change feed like every write. False when the stored contract is no
     * longer the completed revision {@code k} was made from.
     */
    boolean renewArchive(Connection c, StoredContract k, java.time.Instant expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contracts SET main_document = ?, revision = ?,"
                + " updated_at = ?, archive_expires_at = ? WHERE id = ? AND revision = ? AND status = ?")) {
            ps.setString(1, k.mainDocument());
            ps.setLong(2, k.revision());
            Jdbc.setInstant(ps, 3, k.updatedAt());
            Jdbc.setInstant(ps, 4, expires);
            ps.setString(5, k.id());
            ps.setLong(6, k.revision() - 1);
            ps.setString(7, jp.sitesign.model.contract.ContractStatus.COMPLETED.name());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        changed(c, k);
        return true;
    }

    private static List<String> ids(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    void insertDocument(Connection c, StoredContract k, String sha256, String kind, int pages, byte[] pdf,
            UserId producedBy, String reason) throws SQLException {
        insertDocument(c, k, sha256, kind, pages, pdf, producedBy.value(), reason);
    }

    /** As above, produced by a user id or by {@link #SYSTEM} (the server's own jobs). */
    void insertDocument(Connection c, StoredContract k, String sha256, String kind, int pages, byte[] pdf,
            String producedBy, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract_documents (contract_id, sha256, kind,"
                + " pages, size_bytes, produced_by, reason, created_at, content, shared)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, sha256);
            ps.setString(3, kind);
            ps.setInt(4, pages);
            ps.setLong(5, pdf.length);
            ps.setString(6, producedBy);
            ps.setString(7, reason);
            Jdbc.setInstant(ps, 8, k.updatedAt());
            ps.setBytes(9, cipher.sealBytes(c, k.keyCompany(), place(k.id()) + "|" + sha256, pdf));
            ps.setBoolean(10, VersionSharing.sharesCurrentDocuments(k.progress().status()));
            ps.executeUpdate();
        }
    }

    /**
     * Every document version of a contract a user of {@code viewer} may see, oldest first, without their
     * content; attachments with their names.
     */
    List<ContractSnapshot.DocumentRef> documents(Connection c, StoredContract k, CompanyId viewer) throws SQLException {
        return documents(c, List.of(k), viewer).getOrDefault(k.id(), List.of());
    }

    /**
     * Stores an attachment (添付書類) after the last one; its display name is sealed like the rest of the
     * content, bound to the contract and the attachment's hash.
     */
    void insertAttachment(Connection c, StoredContract k, String sha256, String name, int pages, byte[] pdf,
            UserId producedBy) throws SQLException {
        insertDocument(c, k, sha256, StoredDocument.ATTACHMENT, pages, pdf, producedBy, "UPLOADED");
        int position;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM contract_documents"
                + " WHERE contract_id = ? AND kind = ?")) {
            ps.setString(1, k.id());
            ps.setString(2, StoredDocument.ATTACHMENT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                position = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE contract_documents SET display_name = ?, position = ?"
                + " WHERE contract_id = ? AND sha256 = ?")) {
            ps.setBytes(1, cipher.sealBytes(c, k.keyCompany(), namePlace(k.id(), sha256),
                    name.getBytes(StandardCharsets.UTF_8)));
            ps.setInt(2, position);
            ps.setString(3, k.id());
            ps.setString(4, sha256);
            ps.executeUpdate();
        }
    }

    /** Removes an attachment; false when the contract has no attachment with that hash. */
    boolean deleteAttachment(Connection c, String contractId, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM contract_documents WHERE contract_id = ? AND sha256 = ? AND kind = ?")) {
            ps.setString(1, contractId);
            ps.setString(2, sha256);
            ps.setString(3, StoredDocument.ATTACHMENT);
            return ps.executeUpdate() == 1;
        }
    }

    /** The kind of the contract's document with this hash (any version), if it has one. */
    Optional<String> documentKind(Connection c, String contractId, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind FROM contract_documents WHERE contract_id = ? AND sha256 = ?")) {
            ps.setString(1, contractId);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    int attachmentCount(Connection c, String contractId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM contract_documents WHERE contract_id = ? AND kind = ?")) {
            ps.setString(1, contractId);
            ps.setString(2, StoredDocument.ATTACHMENT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * What the contract consists of now, without the bytes: the current main PDF (if any) first, then the
     * attachments in the order they were added, their names opened.
     */
    List<StoredDocument> currentDocuments(Connection c, StoredContract k) throws SQLException {
        List<StoredDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256, kind, pages, size_bytes, display_name, position"
                + " FROM contract_documents WHERE contract_id = ? AND (kind = ? OR sha256 = ?)"
                + " ORDER BY CASE WHEN kind = ? THEN 1 ELSE 0 END, position")) {
            ps.setString(1, k.id());
            ps.setString(2, StoredDocument.ATTACHMENT);
            ps.setString(3, k.mainDocument());
            ps.setString(4, StoredDocument.ATTACHMENT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sha = rs.getString(1);
                    String kind = rs.getString(2);
                    byte[] sealedName = rs.getBytes(5);
                    int position = rs.getInt(6);
                    Integer order = rs.wasNull() ? null : position;
                    String name = sealedName == null ? null : new String(cipher.openBytes(c, k.keyCompany(),
                            namePlace(k.id(), sha), sealedName), StandardCharsets.UTF_8);
                    // A main version equal to an attachment is refused on upload, so each row is one or the other.
                    out.add(new StoredDocument(sha, StoredDocument.ATTACHMENT.equals(kind) ? kind : StoredDocument.MAIN,
                            name, rs.getInt(3), rs.getLong(4), order));
                }
            }
        }
        return out;
    }

    /** The contracts that name {@code originalId} as the contract they change (変更契約), oldest first. */
    List<Row> amendmentsOf(Connection c, String originalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, sender_company, creator, progress, revision, created_at, updated_at, key_company"
                        + " FROM contracts WHERE original_id = ? ORDER BY created_at, id")) {
            ps.setString(1, originalId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), new CompanyId(rs.getString(2)), new UserId(rs.getString(3)),
                            ProgressCodec.read(rs.getString(4), null), null, null, null, rs.getLong(5),
                            Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"), null,
                            new CompanyId(rs.getString("key_company"))));
                }
            }
            return out;
        }
    }

    /** A version's bytes if a user of {@code viewer} may see it ({@link VersionSharing}). */
    Optional<byte[]> document(Connection c, StoredContract k, String sha256, CompanyId viewer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT shared FROM contract_documents WHERE contract_id = ? AND sha256 = ?")) {
            ps.setString(1, k.id());
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !VersionSharing.visible(viewer, k.sender(), rs.getBoolean(1))) {
                    return Optional.empty();
                }
            }
        }
        return document(c, k, sha256);
    }

    Optional<byte[]> document(Connection c, StoredContract k, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content FROM contract_documents WHERE contract_id = ? AND sha256 = ?")) {
            ps.setString(1, k.id());
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(cipher.openBytes(c, k.keyCompany(), place(k.id()) + "|" + sha256,
                        rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /**
     * Custody transfer (ADR 13): re-seals the contract's content, PDFs and attachment names under {@code to}'s
     * data key, which from now on is the one that opens them; the sender's key can then be erased.
     */
    void transferCustody(Connection c, StoredContract k, CompanyId to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM contracts WHERE id = ?")) {
            ps.setString(1, k.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] plain = cipher.openBytes(c, k.keyCompany(), place(k.id()), rs.getBytes(1));
                try (PreparedStatement up = c.prepareStatement(
                        "UPDATE contracts SET content = ?, key_company = ? WHERE id = ?")) {
                    up.setBytes(1, cipher.sealBytes(c, to, place(k.id()), plain));
                    up.setString(2, to.value());
                    up.setString(3, k.id());
                    up.executeUpdate();
                }
            }
        }
        List<String[]> documents = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sha256 FROM contract_documents WHERE contract_id = ?")) {
            ps.setString(1, k.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    documents.add(new String[] {rs.getString(1)});
                }
            }
        }
        for (String[] d : documents) {
            resealDocument(c, k, d[0], to);
        }
    }

    private void resealDocument(Connection c, StoredContract k, String sha256, CompanyId to) throws SQLException {
        byte[] content;
        byte[] name;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content, display_name FROM contract_documents WHERE contract_id = ? AND sha256 = ?")) {
            ps.setString(1, k.id());
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                content = cipher.openBytes(c, k.keyCompany(), place(k.id()) + "|" + sha256, rs.getBytes(1));
                byte[] sealedName = rs.getBytes(2);
                name = sealedName == null ? null : cipher.openBytes(c, k.keyCompany(), namePlace(k.id(), sha256),
                        sealedName);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE contract_documents SET content = ?, display_name = ?"
                + " WHERE contract_id = ? AND sha256 = ?")) {
            ps.setBytes(1, cipher.sealBytes(c, to, place(k.id()) + "|" + sha256, content));
            ps.setBytes(2, name == null ? null : cipher.sealBytes(c, to, namePlace(k.id(), sha256), name));
            ps.setString(3, k.id());
            ps.setString(4, sha256);
            ps.executeUpdate();
        }
    }

    /** Sets or lifts the legal hold; false when the contract is not there. */
    boolean setLegalHold(Connection c, String id, UserId by, java.time.Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE contracts SET legal_hold_by = ?, legal_hold_at = ? WHERE id = ?")) {
            ps.setString(1, by == null ? null : by.value());
            Jdbc.setInstant(ps, 2, by == null ? null : at);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether the contract is under a legal hold. */
    boolean held(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT legal_hold_at FROM contracts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    /**
     * Makes the company's counter row for the year exist, so that the first numbers of a year drawn at the
     * same time wait on its lock instead of each inserting it (a duplicate key for all but one).
     */
    boolean hasCounter(Connection c, CompanyId company, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM contract_number_counters WHERE company_id = ? AND num_year = ?")) {
            ps.setString(1, company.value());
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void ensureCounter(Connection c, CompanyId company, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract_number_counters (company_id, num_year,"
                + " last_value) SELECT ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM contract_number_counters"
                + " WHERE company_id = ? AND num_year = ?)")) {
            ps.setString(1, company.value());
            ps.setInt(2, year);
            ps.setString(3, company.value());
            ps.setInt(4, year);
            ps.executeUpdate();
        }
    }

    /** The next 文書管理番号 of a company for a year: YYYY-NNNNN. */
    String nextNumber(Connection c, CompanyId company, int year) throws SQLException {
        int next;
        boolean found;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_value FROM contract_number_counters WHERE company_id = ? AND num_year = ? FOR UPDATE")) {
            ps.setString(1, company.value());
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next();
                next = found ? rs.getInt(1) + 1 : 1;
            }
        }
        String sql = found
                ? "UPDATE contract_number_counters SET last_value = ? WHERE company_id = ? AND num_year = ?"
                : "INSERT INTO contract_number_counters (last_value, company_id, num_year) VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, next);
            ps.setString(2, company.value());
            ps.setInt(3, year);
            ps.executeUpdate();
        }
        return String.format("%d-%05d", year, next);
    }

    private StoredContract read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        CompanyId sender = new CompanyId(rs.getString("sender_company"));
        CompanyId keyCompany = new CompanyId(rs.getString("key_company"));
        Content content = cipher.open(c, keyCompany, place(id), rs.getBytes("content"), Content.class);
        Date date = rs.getDate("transaction_date");
        long amount = rs.getLong("amount");
        Long amountYen = rs.wasNull() ? null : amount;
        ContractProgress progress = ProgressCodec.read(rs.getString("progress"), content.returnComment());
        return new StoredContract(id, sender, new UserId(rs.getString("creator")), progress,
                content.toData(date == null ? null : date.toLocalDate(), amountYen), rs.getString("main_document"),
                rs.getLong("revision"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                keyCompany);
    }

    private static String place(String contractId) {
        return "contracts.content|" + contractId;
    }

    private static String namePlace(String contractId, String sha256) {
        return place(contractId) + "|" + sha256 + "|name";
    }

    /** The sealed part of a contract row. */
    record Content(String managementNumber, String title, boolean taxIncluded, boolean construction,
            Map<ConstructionItem, String> terms, String note, String originalId, String returnComment) {
        static Content of(ContractData d, String returnComment) {
            return new Content(d.managementNumber(), d.title(), d.taxIncluded(), d.construction(), d.terms().items(),
                    d.note(), d.originalId(), returnComment);
        }

        ContractData toData(LocalDate date, Long amountYen) {
            Map<ConstructionItem, String> items = new EnumMap<>(ConstructionItem.class);
            if (terms != null) {
                items.putAll(terms);
            }
            return new ContractData(managementNumber, title, date, amountYen, taxIncluded, construction,
                    new ConstructionTerms(items), note, originalId);
        }
    }
}
