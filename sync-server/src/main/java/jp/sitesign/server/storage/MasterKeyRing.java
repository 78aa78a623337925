package jp.sitesign.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.TamperedDataException;

/**
 * The data folder's master keys: {@code master.key} (current), {@code master.previous.key} (the one before a
 * rotation, kept until it is retired) and {@code purpose.keys} (the purpose values every key of the folder
 * gives, sealed under the current key). A rotation writes the new key as {@code master.next.key} and the
 * purpose file sealed under it, then makes the current key the previous one (a hard link) and the next one
 * current (an atomic rename). Every file is written to a temporary file, forced to disk and renamed, so a
 * process killed at any point leaves a state {@link #load} finishes: forward when the purpose file is already
 * sealed under the next key, otherwise back (the next key wrapped nothing yet).
 */
public final class MasterKeyRing {
    static final String PREVIOUS = "master.previous.key";
    static final String NEXT = "master.next.key";
    static final String PURPOSES = "purpose.keys";
    private static final String ROTATED_AT = "rotated-at";

    private final Path dir;
    private final MasterKey current;
    private final MasterKey previous;
    private final Instant rotatedAt;

    private MasterKeyRing(Path dir, MasterKey current, MasterKey previous, Instant rotatedAt) {
        this.dir = dir;
        this.current = current;
        this.previous = previous;
        this.rotatedAt = rotatedAt;
    }

    /** Loads the keys, finishing a rotation a killed process left half-done; creates the first key if none. */
    public static MasterKeyRing load(Path dataDir) {
        Path master = dataDir.resolve(MasterKey.FILE_NAME);
        Path previous = dataDir.resolve(PREVIOUS);
        Path next = dataDir.resolve(NEXT);
        Path purposes = dataDir.resolve(PURPOSES);
        try {
            if (Files.exists(next)) {
                byte[] nextRaw = readKey(next);
                if (Files.exists(purposes) && sealer(purposes).equals(new MasterKey(nextRaw, Map.of()).id())) {
                    switchTo(dataDir);
                } else {
                    Files.delete(next);
                    forceDirectory(dataDir);
                }
            }
            if (!Files.exists(master)) {
                if (Files.exists(previous) || Files.exists(purposes)) {
                    throw new IllegalStateException(master + " is missing while " + dataDir + " holds older keys of"
                            + " it; put back the copy of master.key you kept (a new key would open nothing).");
                }
                writeKey(master, Aead.newKey().getEncoded());
            }
            byte[] currentRaw = readKey(master);
            byte[] previousRaw = Files.exists(previous) ? readKey(previous) : null;
            Map<String, byte[]> pinned = new LinkedHashMap<>();
            Instant rotatedAt = null;
            if (Files.exists(purposes)) {
                String sealedBy = sealer(purposes);
                byte[] raw = sealedBy.equals(new MasterKey(currentRaw, Map.of()).id()) ? currentRaw
                        : previousRaw != null && sealedBy.equals(new MasterKey(previousRaw, Map.of()).id())
                                ? previousRaw : null;
                if (raw == null) {
                    throw new IllegalStateException(purposes + " was sealed by master key " + sealedBy + ", which is"
                            + " not in " + dataDir + "; put back the master.key this folder was used with.");
                }
                rotatedAt = openPurposes(purposes, new MasterKey(raw, Map.of()), pinned);
            }
            return new MasterKeyRing(dataDir, new MasterKey(currentRaw, pinned),
                    previousRaw == null ? null : new MasterKey(previousRaw, pinned), rotatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master keys in " + dataDir, e);
        }
    }

    public MasterKey current() {
        return current;
    }

    /** The key before the last rotation, until it is retired. */
    public Optional<MasterKey> previous() {
        return Optional.ofNullable(previous);
    }

    /** When the current key became current (empty for a folder's first key). */
    public Optional<Instant> rotatedAt() {
        return Optional.ofNullable(rotatedAt);
    }

    /**
     * Makes {@code newRaw} the current key and the current one the previous; the purpose values stay. Only
     * when no previous key is kept (one rotation at a time).
     */
    public MasterKeyRing rotate(byte[] newRaw, Instant now) {
        if (previous != null) {
            throw new IllegalStateException("a previous master key is still kept; retire it first");
        }
        MasterKey next = new MasterKey(newRaw, current.purposeValues());
        if (next.id().equals(current.id())) {
            throw new IllegalArgumentException("the new master key is the current one");
        }
        try {
            writeKey(dir.resolve(NEXT), newRaw);
            writePurposes(dir.resolve(PURPOSES), next, now);
            switchTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new master key in " + dir, e);
        }
        return new MasterKeyRing(dir, next, new MasterKey(current.encoded(), current.purposeValues()), now);
    }

    /** Deletes the previous key's file: what only it could open can no longer be opened. */
    public MasterKeyRing retire() {
        try {
            Files.deleteIfExists(dir.resolve(PREVIOUS));
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(PREVIOUS), e);
        }
        return new MasterKeyRing(dir, current, null, rotatedAt);
    }

    /** current → previous (a second name for the same file), next → current. */
    private static void switchTo(Path dir) throws IOException {
        Path master = dir.resolve(MasterKey.FILE_NAME);
        Path previous = dir.resolve(PREVIOUS);
        if (!Files.exists(previous)) {
            try {
                Files.createLink(previous, master);
            } catch (UnsupportedOperationException | IOException noLinks) {
                writeKey(previous, readKey(master));
            }
            forceDirectory(dir);
        }
        Files.move(dir.resolve(NEXT), master, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
    }

    private static byte[] readKey(Path file) throws IOException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(file + " does not hold a 256-bit key in Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(file + " does not hold a 256-bit key");
        }
        return raw;
    }

    private static void writeKey(Path file, byte[] raw) throws IOException {
        writeDurably(file, Base64.getEncoder().encode(raw));
    }

    private static void writePurposes(Path file, MasterKey sealer, Instant now) throws IOException {
        StringBuilder plain = new StringBuilder(ROTATED_AT + "=" + now + "\n");
        sealer.purposeValues().forEach((p, v) -> plain.append(p).append('=')
                .append(Base64.getEncoder().encodeToString(v)).append('\n'));
        byte[] sealed = Aead.encrypt(sealer.purposeSealingKey(), plain.toString().getBytes(StandardCharsets.UTF_8),
                aad(sealer.id()));
        writeDurably(file, (sealer.id() + "\n" + Base64.getEncoder().encodeToString(sealed) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String sealer(Path purposes) throws IOException {
        return Files.readAllLines(purposes, StandardCharsets.US_ASCII).get(0).strip();
    }

    private static Instant openPurposes(Path file, MasterKey sealer, Map<String, byte[]> into) throws IOException {
        String sealed = Files.readAllLines(file, StandardCharsets.US_ASCII).get(1).strip();
        byte[] plain;
        try {
            plain = Aead.decrypt(sealer.purposeSealingKey(), Base64.getDecoder().decode(sealed), aad(sealer.id()));
        } catch (TamperedDataException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is damaged or not of this folder's keys", e);
        }
        Instant rotatedAt = null;
        for (String line : new String(plain, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq);
            if (name.equals(ROTATED_AT)) {
                rotatedAt = Instant.parse(line.substring(eq + 1));
            } else {
                into.put(name, Base64.getDecoder().decode(line.substring(eq + 1)));
            }
        }
        return rotatedAt;
    }

    private static byte[] aad(String keyId) {
        return ("sitesign-purpose-keys|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** Temporary file (owner only), forced, renamed over the target, directory forced. */
    private static void writeDurably(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.getParent());
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notOnThisSystem) {
            // Some file systems cannot open a directory; the rename is then as durable as they make it.
        }
    }
}
