package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.config.DataDir;

/**
 * The backup key file (ADR 12): a root key that encrypts and authenticates every backup, and one escrow
 * key per company that wraps that company's data key inside the backups. A restore needs a backup and this
 * file only. Purging a company removes its escrow key here, so every backup holding its data — old ones
 * included — can no longer open its content (crypto-erasure). The file is 0600 and belongs apart from the
 * backups; it changes when a company is first backed up and when one is purged.
 */
public final class BackupKey {
    public static final String FILE_NAME = "backup.key";
    private static final String HEADER = "# SiteSign backup key. Keep it apart from the backups; without it they cannot be read.";
    private static final String ROOT = "root";
    private static final String COMPANY = "company.";

    private final Path file;
    private final byte[] root;
    private final Map<String, byte[]> companies;

    private BackupKey(Path file, byte[] root, Map<String, byte[]> companies) {
        this.file = file;
        this.root = root;
        this.companies = companies;
    }

    /** Reads the key file, creating it with a fresh root key when it does not exist yet. */
    public static synchronized BackupKey loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            BackupKey fresh = new BackupKey(file, Aead.newKey().getEncoded(), new TreeMap<>());
            fresh.save();
            return fresh;
        }
        return load(file);
    }

    /** Reads an existing key file; a missing or malformed one is a clear error. */
    public static BackupKey load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw BackupMessage.KEY_FILE_NOT_FOUND.exception(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        byte[] root = null;
        Map<String, byte[]> companies = new TreeMap<>();
        try {
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                String name = l.substring(0, eq);
                byte[] value = Base64.getDecoder().decode(l.substring(eq + 1));
                if (value.length != 32) {
                    throw new IllegalArgumentException(name);
                }
                if (name.equals(ROOT)) {
                    root = value;
                } else if (name.startsWith(COMPANY)) {
                    companies.put(name.substring(COMPANY.length()), value);
                }
            }
        } catch (RuntimeException e) {
            throw BackupMessage.KEY_FILE_MALFORMED.exception(file);
        }
        if (root == null) {
            throw BackupMessage.KEY_FILE_WITHOUT_ROOT.exception(file);
        }
        return new BackupKey(file, root, companies);
    }

    /** The key that encrypts the parts of one backup, bound to its id. */
    SecretKey partKey(String backupId) {
        return Aead.key(Digests.hmacSha256(root, ("sitesign-backup-parts|" + backupId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of the manifest's HMAC. */
    byte[] manifestKey() {
        return Digests.hmacSha256(root, "sitesign-backup-manifest".getBytes(StandardCharsets.UTF_8));
    }

    /** A short fingerprint of the root key, written into each manifest so a wrong key file is named as such. */
    String fingerprint() {
        return Digests.hex(Digests.hmacSha256(root, "sitesign-backup-fingerprint".getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /** The company's escrow key, made (and the file saved) the first time the company is backed up. */
    synchronized SecretKey escrow(String companyId) {
        byte[] key = companies.get(companyId);
        if (key == null) {
            key = Aead.newKey().getEncoded();
            companies.put(companyId, key);
            save();
        }
        return Aead.key(key);
    }

    /** The company's escrow key if this file still holds it (not after the company was purged). */
    synchronized SecretKey escrowIfKept(String companyId) {
        byte[] key = companies.get(companyId);
        return key == null ? null : Aead.key(key);
    }

    /** Erases the company's escrow key: its data in every backup becomes unreadable. */
    public synchronized void forget(String companyId) {
        if (companies.remove(companyId) != null) {
            save();
        }
    }

    private void save() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append(ROOT).append('=').append(Base64.getEncoder().encodeToString(root)).append('\n');
        companies.forEach((id, key) -> out.append(COMPANY).append(id).append('=')
                .append(Base64.getEncoder().encodeToString(key)).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent, e);
        }
        DataDir.writeSecret(file, out.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
