package jp.sitesign.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PDFs that stored contracts name and this computer lacks, each with one contract that names it (the server
 * serves documents by contract): what the sync engine downloads for offline use. The list is kept where a
 * contract's documents or the blobs change, so an idle sync reads this short (usually empty) table instead of
 * joining every document reference with every blob, a cost that grew with the documents held (issue 18).
 */
final class WantedDocuments {
    static final String DDL = "CREATE TABLE wanted_documents (sha256 CHAR(64) PRIMARY KEY,"
            + " contract_id VARCHAR(64) NOT NULL)";
    static final String INDEX = "CREATE INDEX wanted_documents_contract ON wanted_documents (contract_id)";

    private WantedDocuments() {
    }

    /**
     * Forgets the documents wanted through {@code contractIds} and returns them: called before those contracts'
     * document lists change or go, then {@link #want} decides each again from what is stored afterwards.
     */
    static Set<String> release(Connection c, Collection<String> contractIds) throws SQLException {
        Set<String> released = new HashSet<>();
        List<String> ids = List.copyOf(contractIds);
        for (int from = 0; from < ids.size(); from += ContractRows.IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + ContractRows.IN_CHUNK, ids.size()));
            String in = " WHERE contract_id IN (" + ContractRows.marks(chunk.size()) + ")";
            try (PreparedStatement select = c.prepareStatement("SELECT sha256 FROM wanted_documents" + in);
                    PreparedStatement delete = c.prepareStatement("DELETE FROM wanted_documents" + in)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                    delete.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        released.add(rs.getString(1));
                    }
                }
                delete.executeUpdate();
            }
        }
        return released;
    }

    /** Of {@code shas}, wants those a stored contract names, no blob holds and no row wants yet. */
    static void want(Connection c, Collection<String> shas) throws SQLException {
        List<String> all = List.copyOf(shas);
        for (int from = 0; from < all.size(); from += ContractRows.IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(from + ContractRows.IN_CHUNK, all.size()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO wanted_documents (sha256, contract_id)"
                    + " SELECT d.sha256, MIN(d.contract_id) FROM contract_documents d WHERE d.sha256 IN ("
                    + ContractRows.marks(chunk.size()) + ")" + UNWANTED_AND_MISSING + " GROUP BY d.sha256")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    private static final String UNWANTED_AND_MISSING = " AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = d.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM wanted_documents w WHERE w.sha256 = d.sha256)";

    /** A blob arrived (downloaded, uploaded or signed here): nothing to fetch for it any more. */
    static void arrived(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM wanted_documents WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            ps.executeUpdate();
        }
    }

    /** Builds the list from scratch, once, for a store made before it existed. */
    static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM wanted_documents");
            s.executeUpdate("INSERT INTO wanted_documents (sha256, contract_id) SELECT d.sha256, MIN(d.contract_id)"
                    + " FROM contract_documents d WHERE TRUE" + UNWANTED_AND_MISSING + " GROUP BY d.sha256");
        }
    }

    static List<Blobs.Missing> all(Connection c) throws SQLException {
        List<Blobs.Missing> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contract_id, sha256 FROM wanted_documents ORDER BY sha256");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Blobs.Missing(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }
}
