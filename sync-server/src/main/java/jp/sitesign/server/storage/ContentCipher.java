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
import java.util.Arrays;
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
    private final Map<String, CompanyKeys> companyKeys = new ConcurrentHashMap<>();
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
        byte[] wrapped = KeyWrap.wrap(keks.current(), key, company.value());
        companyKeys.put(company.value(), new CompanyKeys(wrapped, key, null, null));
        return wrapped;
    }

    public byte[] seal(Connection c, CompanyId company, String place, Object content) {
        try {
            return Aead.encrypt(sealingKey(c, company), json.writeValueAsBytes(content), aad(company, place));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T open(Connection c, CompanyId company, String place, byte[] sealed, Class<T> type) {
        byte[] plain = decrypt(c, company, sealed, aad(company, place));
        try {
            return json.readValue(plain, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seals raw bytes (a PDF) under the company key, bound to {@code place}. */
    public byte[] sealBytes(Connection c, CompanyId company, String place, byte[] content) {
        return Aead.encrypt(sealingKey(c, company), content, aad(company, place));
    }

    public byte[] openBytes(Connection c, CompanyId company, String place, byte[] sealed) {
        return decrypt(c, company, sealed, aad(company, place));
    }

    /**
     * Re-seals {@code sealed} under the company's current data key when its previous one sealed it (a company
     * key rotation, ADR 36); empty when the current key already did. Throws when neither opens it.
     */
    public java.util.Optional<byte[]> resealUnderCurrent(Connection c, CompanyId company, String place,
            byte[] sealed) {
        CompanyKeys k = load(c, company);
        byte[] aad = aad(company, place);
        if (opensWith(k.current(), sealed, aad)) {
            return java.util.Optional.empty();
        }
        if (k.previous() == null) {
            throw new TamperedDataException("sealed content of " + company + " opens under no key of it");
        }
        return java.util.Optional.of(Aead.encrypt(k.current(), Aead.decrypt(k.previous(), sealed, aad), aad));
    }

    /** The company's data key, for a backup to carry it under the backup key (ADR 12). */
    public SecretKey dataKey(Connection c, CompanyId company) {
        return load(c, company).current();
    }

    /** The company's data key before a rotation still under way, for a backup to carry it as well. */
    public java.util.Optional<SecretKey> previousDataKey(Connection c, CompanyId company) {
        return java.util.Optional.ofNullable(load(c, company).previous());
    }

    /** A company's data key wrapped under this server's master key, as the company row stores it. */
    public byte[] wrapForStorage(CompanyId company, SecretKey dataKey) {
        return KeyWrap.wrap(keks.current(), dataKey, company.value());
    }

    /** Drops a company's key from memory, e.g. when its data is purged. */
    public void forget(CompanyId company) {
        companyKeys.remove(company.value());
    }

    /**
     * The key new content is sealed under, read from the company row in the caller's transaction every time:
     * another process may have rotated it, and content sealed under a key being retired would be lost.
     */
    private SecretKey sealingKey(Connection c, CompanyId company) {
        return load(c, company).current();
    }

    private byte[] decrypt(Connection c, CompanyId company, byte[] sealed, byte[] aad) {
        CompanyKeys cached = companyKeys.get(company.value());
        byte[] plain = cached == null ? null : openWithEither(cached, sealed, aad);
        if (plain == null) {
            // Not cached, or another process rotated the company's key since: read it from the row.
            CompanyKeys k = load(c, company);
            plain = openWithEither(k, sealed, aad);
            if (plain == null) {
                return Aead.decrypt(k.current(), sealed, aad); // throws, saying why
            }
        }
        return plain;
    }

    private static byte[] openWithEither(CompanyKeys k, byte[] sealed, byte[] aad) {
        for (SecretKey key : new SecretKey[] {k.current(), k.previous()}) {
            if (key == null) {
                continue;
            }
            try {
                return Aead.decrypt(key, sealed, aad);
            } catch (TamperedDataException notThisKey) {
                // the other key, if there is one
            }
        }
        return null;
    }

    private CompanyKeys load(Connection c, CompanyId company) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT wrapped_key, previous_wrapped_key FROM companies WHERE id = ?")) {
            ps.setString(1, company.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no data key for company " + company);
                }
                byte[] wrapped = rs.getBytes(1);
                byte[] previousWrapped = rs.getBytes(2);
                CompanyKeys cached = companyKeys.get(company.value());
                if (cached != null && Arrays.equals(cached.wrapped(), wrapped)
                        && Arrays.equals(cached.previousWrapped(), previousWrapped)) {
                    return cached;
                }
                CompanyKeys fresh = new CompanyKeys(wrapped, unwrap(company, wrapped), previousWrapped,
                        previousWrapped == null ? null : unwrap(company, previousWrapped));
                companyKeys.put(company.value(), fresh);
                return fresh;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static boolean opensWith(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Aead.decrypt(key, sealed, aad);
            return true;
        } catch (TamperedDataException notThisKey) {
            return false;
        }
    }

    /** A company's data keys as its row holds them: current, and previous while a rotation is under way. */
    private record CompanyKeys(byte[] wrapped, SecretKey current, byte[] previousWrapped, SecretKey previous) {
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
