package jp.sitesign.server.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.KeyWrap;

/**
 * Encrypts customer content under its company's data key (AES-256-GCM). Each ciphertext is bound by
 * its associated data to its company, table and row, so it cannot be moved. Unwrapped company keys
 * are cached in memory for the life of the process.
 */
public final class ContentCipher {
    private final SecretKey keyEncryptionKey;
    private final ObjectMapper json;
    private final Map<String, SecretKey> companyKeys = new ConcurrentHashMap<>();

    public ContentCipher(MasterKey masterKey, ObjectMapper json) {
        this.keyEncryptionKey = masterKey.keyEncryptionKey();
        this.json = json;
    }

    /** A new company's data key, wrapped for storage next to the company row. */
    public byte[] newWrappedCompanyKey(CompanyId company) {
        SecretKey key = Aead.newKey();
        companyKeys.put(company.value(), key);
        return KeyWrap.wrap(keyEncryptionKey, key, company.value());
    }

    public byte[] seal(Connection c, CompanyId company, String place, Object content) {
        try {
            return Aead.encrypt(key(c, company), json.writeValueAsBytes(content), aad(company, place));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T open(Connection c, CompanyId company, String place, byte[] sealed, Class<T> type) {
        byte[] plain = Aead.decrypt(key(c, company), sealed, aad(company, place));
        try {
            return json.readValue(plain, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seals raw bytes (a PDF) under the company key, bound to {@code place}. */
    public byte[] sealBytes(Connection c, CompanyId company, String place, byte[] content) {
        return Aead.encrypt(key(c, company), content, aad(company, place));
    }

    public byte[] openBytes(Connection c, CompanyId company, String place, byte[] sealed) {
        return Aead.decrypt(key(c, company), sealed, aad(company, place));
    }

    /** The company's data key, for a backup to carry it under the backup key (ADR 12). */
    public SecretKey dataKey(Connection c, CompanyId company) {
        return key(c, company);
    }

    /** A company's data key wrapped under this server's master key, as the company row stores it. */
    public byte[] wrapForStorage(CompanyId company, SecretKey dataKey) {
        return KeyWrap.wrap(keyEncryptionKey, dataKey, company.value());
    }

    /** Drops a company's key from memory, e.g. when its data is purged. */
    public void forget(CompanyId company) {
        companyKeys.remove(company.value());
    }

    private SecretKey key(Connection c, CompanyId company) {
        SecretKey cached = companyKeys.get(company.value());
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT wrapped_key FROM companies WHERE id = ?")) {
            ps.setString(1, company.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no data key for company " + company);
                }
                SecretKey key = KeyWrap.unwrap(keyEncryptionKey, rs.getBytes(1), company.value());
                companyKeys.put(company.value(), key);
                return key;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static byte[] aad(CompanyId company, String place) {
        return ("sitesign-content-v1|" + company.value() + "|" + place).getBytes(StandardCharsets.UTF_8);
    }
}
