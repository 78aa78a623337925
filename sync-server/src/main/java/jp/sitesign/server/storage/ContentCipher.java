package jp.sitesign.server.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import jp.sitesign.model.crypto.TamperedDataException;

/**
 * Encrypts customer content under its company's data key (AES-256-GCM). Each ciphertext is bound by
 * its associated data to its company, table and row, so it cannot be moved. Unwrapped company keys
 * are cached in memory for the life of the process. A company key is wrapped under the current master key,
 * or — between a rotation and the retirement of the old key ({@link MasterKeyRing}) — under the previous one;
 * a key this process's ring cannot open makes it read the ring from the data folder again once, so a key
 * file copied from the server that rotated is picked up without a restart.
 */
public final class ContentCipher {
    private final ObjectMapper json;
    private final Path dataDir;
    private final Map<String, SecretKey> companyKeys = new ConcurrentHashMap<>();
    private volatile Keks keks;

    /** Which of the ring's keys wrapped a company key. */
    public enum WrappedBy { CURRENT, PREVIOUS, NEITHER }

    private record Keks(SecretKey current, SecretKey previous) {
    }

    /** A cipher over one master key alone (a restore's new folder). */
    public ContentCipher(MasterKey masterKey, ObjectMapper json) {
        this.keks = new Keks(masterKey.keyEncryptionKey(), null);
        this.json = json;
        this.dataDir = null;
    }

    /** A cipher over a data folder's key ring, re-read from {@code dataDir} when a key is not in it. */
    public ContentCipher(MasterKeyRing ring, Path dataDir, ObjectMapper json) {
        this.json = json;
        this.dataDir = dataDir;
        use(ring);
    }

    /** From now on wraps under the ring's current key and unwraps under it or its previous one. */
    public void use(MasterKeyRing ring) {
        keks = new Keks(ring.current().keyEncryptionKey(),
                ring.previous().map(MasterKey::keyEncryptionKey).orElse(null));
    }

    /** Which key of the ring wrapped {@code wrapped}, the company's key as its row stores it. */
    public WrappedBy wrappedBy(CompanyId company, byte[] wrapped) {
        Keks k = keks;
        if (opens(k.current(), wrapped, company)) {
            return WrappedBy.CURRENT;
        }
        return k.previous() != null && opens(k.previous(), wrapped, company) ? WrappedBy.PREVIOUS : WrappedBy.NEITHER;
    }

    /** The same data key, wrapped under the current master key. */
    public byte[] rewrap(CompanyId company, byte[] wrapped) {
        return KeyWrap.wrap(keks.current(), unwrap(company, wrapped), company.value());
    }

    /** A new company's data key, wrapped for storage next to the company row. */
    public byte[] newWrappedCompanyKey(CompanyId company) {
        if (dataDir != null) {
            // Rare enough to read the ring afresh: a key rotated by another server sharing the database wraps it.
            use(MasterKeyRing.load(dataDir));
        }
        SecretKey key = Aead.newKey();
        companyKeys.put(company.value(), key);
        return KeyWrap.wrap(keks.current(), key, company.value());
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
        return KeyWrap.wrap(keks.current(), dataKey, company.value());
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
                SecretKey key = unwrap(company, rs.getBytes(1));
                companyKeys.put(company.value(), key);
                return key;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private SecretKey unwrap(CompanyId company, byte[] wrapped) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Keks k = keks;
            for (SecretKey kek : new SecretKey[] {k.current(), k.previous()}) {
                if (kek != null && opens(kek, wrapped, company)) {
                    return KeyWrap.unwrap(kek, wrapped, company.value());
                }
            }
            if (attempt == 0 && dataDir != null) {
                use(MasterKeyRing.load(dataDir));
            }
        }
        throw new IllegalStateException("the data key of company " + company + " is wrapped by a master key this"
                + " server does not hold: copy master.key (and master.previous.key, purpose.keys) from the server"
                + " where the key was rotated");
    }

    private static boolean opens(SecretKey kek, byte[] wrapped, CompanyId company) {
        try {
            KeyWrap.unwrap(kek, wrapped, company.value());
            return true;
        } catch (TamperedDataException wrongKey) {
            return false;
        }
    }

    private static byte[] aad(CompanyId company, String place) {
        return ("sitesign-content-v1|" + company.value() + "|" + place).getBytes(StandardCharsets.UTF_8);
    }
}
