package jp.sitesign.server.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.KeyWrap;
import jp.sitesign.server.storage.ContentCipher;

/**
 * The companies' data keys inside a backup, each wrapped by that company's escrow key from the backup key
 * file (ADR 12): the content columns stay sealed under the company keys exactly as in the database, and a
 * restore re-wraps each key under the new data folder's master key. A company whose escrow key was
 * erased (purged) cannot be unwrapped from any backup.
 */
final class CompanyKeys {
    static final String PART = "keys.part";
    /** The suffix of a company's previous data key while its rotation is under way: {@code C…#previous}. */
    static final String PREVIOUS = "#previous";

    private CompanyKeys() {
    }

    static Manifest.Part write(Connection c, ContentCipher cipher, BackupKey key, Path dir, SecretKey partKey,
            String id) throws SQLException, IOException {
        SealedPart.Writer sealed = SealedPart.create(dir.resolve(PART), partKey, TablePart.aad(id, PART));
        long n = 0;
        try (Writer out = new OutputStreamWriter(sealed, StandardCharsets.US_ASCII);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM companies ORDER BY id")) {
            while (rs.next()) {
                CompanyId company = new CompanyId(rs.getString(1));
                byte[] wrapped = KeyWrap.wrap(key.escrow(company.value()), cipher.dataKey(c, company), owner(company));
                out.write(company.value() + "=" + Base64.getEncoder().encodeToString(wrapped) + "\n");
                n++;
                // A company key rotation under way (ADR 36): what is not re-sealed yet needs the previous key.
                java.util.Optional<SecretKey> previous = cipher.previousDataKey(c, company);
                if (previous.isPresent()) {
                    byte[] old = KeyWrap.wrap(key.escrow(company.value()), previous.get(), owner(company) + PREVIOUS);
                    out.write(company.value() + PREVIOUS + "=" + Base64.getEncoder().encodeToString(old) + "\n");
                }
            }
            out.flush();
            SealedPart.Written w = sealed.finish();
            return new Manifest.Part(PART, null, n, w.bytes(), w.sha256());
        }
    }

    /**
     * The data keys of the backup's companies; a company whose escrow key the key file no longer holds
     * maps to null (its content was erased).
     */
    static Map<String, SecretKey> read(Path dir, BackupKey key, String id) throws IOException {
        Map<String, SecretKey> out = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SealedPart.open(dir.resolve(PART), key.partKey(id), TablePart.aad(id, PART)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                int eq = line.indexOf('=');
                String name = line.substring(0, eq);
                boolean previous = name.endsWith(PREVIOUS);
                CompanyId company = new CompanyId(previous ? name.substring(0, name.length() - PREVIOUS.length()) : name);
                SecretKey escrow = key.escrowIfKept(company.value());
                out.put(name, escrow == null ? null : KeyWrap.unwrap(escrow,
                        Base64.getDecoder().decode(line.substring(eq + 1)), owner(company) + (previous ? PREVIOUS : "")));
            }
        }
        return out;
    }

    private static String owner(CompanyId company) {
        return "sitesign-backup|" + company.value();
    }
}
