package jp.sitesign.server.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.storage.ContentCipher;

/**
 * The columns the contract search narrows on beside each contract (ADR 46): who takes part in it
 * ({@code contract_people}, what the visibility rule reads) and a blind index of its sealed title and
 * 文書管理番号 ({@code contract_terms}). Both are derived from the contract and rewritten with every revision
 * in the same transaction, so they are never behind it.
 *
 * <p>The index holds, for each company the contract reached, keyed hashes of the n-grams ({@link Field}) of the normalised
 * text, under a key derived from that company's data key: a company's search looks only at its own rows, a
 * purge or a key rotation of one company touches only its rows, and without the company key the hashes
 * cannot be tested against guesses. It only narrows: {@link ContractQuery} decides each candidate after
 * decrypting it. For that to lose nothing, the normalisation maps each code point of the already
 * {@linkplain ContractQuery#fold folded} text on its own (NFKC, then lower case): a needle folded text
 * contains maps to a substring of the title's normal form, so its n-grams are among the title's.
 */
final class ContractSearchIndex {
    /** An n-gram's posting list longer than this narrows too little to be worth reading. */
    static final int POSTING_CAP = 2000;
    private static final byte[] PURPOSE = "sitesign|contract-search-terms".getBytes(StandardCharsets.UTF_8);

    private final ContentCipher cipher;

    ContractSearchIndex(ContentCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Which text a term comes from, so a title's n-gram never matches a number's, and the n-gram lengths it is
     * indexed under: bigrams for titles (Japanese words are two or three characters), and trigrams as well for
     * 文書管理番号, whose few symbols (digits, a prefix) make any bigram common but a trigram rare.
     */
    enum Field {
        TITLE("t", 2), NUMBER("n", 3);

        private final String tag;
        private final int longest;

        Field(String tag, int longest) {
            this.tag = tag;
            this.longest = longest;
        }

        /** Every n-gram a stored value is indexed under. */
        Set<String> grams(String value) {
            if (value == null) {
                return Set.of();
            }
            String text = normalise(ContractQuery.fold(value));
            Set<String> out = new LinkedHashSet<>();
            for (int n = 2; n <= longest; n++) {
                out.addAll(ngrams(text, n));
            }
            return out;
        }

        /**
         * The n-grams every value matching {@code filter} holds, of the longest length the needle allows, or none
         * when the filter does not narrow. A lone surrogate in the needle could match half of a pair the value's
         * normal form keeps whole: no narrowing then.
         */
        Set<String> needleGrams(String filter) {
            String needle = ContractQuery.needle(filter);
            if (needle == null || needle.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE
                    && cp <= Character.MAX_SURROGATE)) {
                return Set.of();
            }
            String text = normalise(needle);
            int length = Math.min(longest, text.codePointCount(0, text.length()));
            return length < 2 ? Set.of() : ngrams(text, length);
        }
    }

    /** Writes a new contract's people and terms. */
    void insert(Connection c, StoredContract k) throws SQLException {
        write(c, k);
    }

    /** Replaces the contract's people and terms with those of revision {@code k}. */
    void replace(Connection c, StoredContract k) throws SQLException {
        remove(c, k.id());
        write(c, k);
    }

    private void write(Connection c, StoredContract k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contract_people (contract_id, user_id) VALUES (?, ?)")) {
            for (UserId u : people(k.progress(), k.creator())) {
                ps.setString(1, k.id());
                ps.setString(2, u.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        writeTerms(c, k, k.progress().reached());
    }

    /** Rewrites only {@code company}'s terms of {@code k} under its current key (a key rotation). */
    void rewriteTerms(Connection c, StoredContract k, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM contract_terms WHERE contract_id = ? AND company_id = ?")) {
            ps.setString(1, k.id());
            ps.setString(2, company.value());
            ps.executeUpdate();
        }
        if (k.progress().reached().contains(company)) {
            writeTerms(c, k, Set.of(company));
        }
    }

    private void writeTerms(Connection c, StoredContract k, Set<CompanyId> companies) throws SQLException {
        Set<String> titleGrams = Field.TITLE.grams(k.data().title());
        Set<String> numberGrams = Field.NUMBER.grams(k.data().managementNumber());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contract_terms (company_id, term, contract_id) VALUES (?, ?, ?)")) {
            for (CompanyId company : companies) {
                byte[] key = termKey(cipher.dataKey(c, company));
                Set<Long> terms = new HashSet<>();
                titleGrams.forEach(g -> terms.add(term(key, Field.TITLE, g)));
                numberGrams.forEach(g -> terms.add(term(key, Field.NUMBER, g)));
                for (long t : terms) {
                    ps.setString(1, company.value());
                    ps.setLong(2, t);
                    ps.setString(3, k.id());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Deletes what the index holds of a contract: a deleted draft leaves nothing searchable behind. */
    static void remove(Connection c, String contractId) throws SQLException {
        for (String table : List.of("contract_people", "contract_terms")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE contract_id = ?")) {
                ps.setString(1, contractId);
                ps.executeUpdate();
            }
        }
    }

    /** Deletes a purged company's terms: its key is gone, and so is any use of them. */
    static void forget(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM contract_terms WHERE company_id = ?")) {
            ps.setString(1, company.value());
            ps.executeUpdate();
        }
    }

    /**
     * The contracts that may match the query's text filters for a user of {@code viewer}: those holding every
     * n-gram of the title and 文書管理番号 needles among {@code viewer}'s terms. Empty when the index cannot
     * narrow (no text filter, a needle shorter than a bigram, or only n-grams found in too many contracts).
     * While the company's key rotates, an n-gram is looked up under both keys (ADR 46).
     */
    Optional<Set<String>> narrow(Connection c, CompanyId viewer, ContractQuery q) throws SQLException {
        List<String[]> wanted = new ArrayList<>();
        Field.TITLE.needleGrams(q.title()).forEach(g -> wanted.add(new String[] {Field.TITLE.tag, g}));
        Field.NUMBER.needleGrams(q.number()).forEach(g -> wanted.add(new String[] {Field.NUMBER.tag, g}));
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> keys = new ArrayList<>();
        keys.add(termKey(cipher.dataKey(c, viewer)));
        cipher.previousDataKey(c, viewer).ifPresent(k -> keys.add(termKey(k)));
        Set<String> found = null;
        for (String[] g : wanted) {
            List<Long> alternatives = new ArrayList<>();
            for (byte[] key : keys) {
                alternatives.add(term(key, g[0], g[1]));
            }
            Set<String> posting = posting(c, viewer, alternatives);
            if (posting == null) {
                continue;
            }
            if (found == null) {
                found = posting;
            } else {
                found.retainAll(posting);
            }
            if (found.isEmpty()) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The contracts holding one of the terms, or null when there are more than {@link #POSTING_CAP}. */
    private static Set<String> posting(Connection c, CompanyId viewer, List<Long> terms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contract_id FROM contract_terms WHERE company_id = ?"
                + " AND term IN (" + String.join(", ", Collections.nCopies(terms.size(), "?")) + ") LIMIT ?")) {
            ps.setString(1, viewer.value());
            for (int i = 0; i < terms.size(); i++) {
                ps.setLong(i + 2, terms.get(i));
            }
            ps.setInt(terms.size() + 2, POSTING_CAP + 1);
            Set<String> out = new HashSet<>();
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                    rows++;
                }
            }
            return rows > POSTING_CAP ? null : out;
        }
    }

    /** Everyone whose part in the contract makes it visible to them: creator, receivers, approvers, signers. */
    static Set<UserId> people(ContractProgress p, UserId creator) {
        Set<UserId> out = new LinkedHashSet<>();
        out.add(creator);
        for (PartyStep s : p.parties()) {
            if (s.receiver() != null) {
                out.add(s.receiver());
            }
            out.addAll(s.route());
            if (s.signer() != null) {
                out.add(s.signer());
            }
        }
        return out;
    }

    /** Each code point on its own: NFKC (width, compatibility forms), then lower case. */
    static String normalise(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> out.append(
                Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
        return out.toString();
    }

    private static Set<String> ngrams(String text, int n) {
        int[] cps = text.codePoints().toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + n <= cps.length; i++) {
            out.add(new String(cps, i, n));
        }
        return out;
    }

    private static byte[] termKey(SecretKey companyKey) {
        return Digests.hmacSha256(companyKey.getEncoded(), PURPOSE);
    }

    private static long term(byte[] key, Field field, String gram) {
        return term(key, field.tag, gram);
    }

    private static long term(byte[] key, String tag, String gram) {
        return ByteBuffer.wrap(Digests.hmacSha256(key, (tag + "|" + gram).getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
