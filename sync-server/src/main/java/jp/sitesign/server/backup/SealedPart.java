package jp.sitesign.server.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.SecretKey;
import jp.sitesign.model.crypto.Digests;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.io.CipherOutputStream;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One file of a backup: the content gzip-compressed, then encrypted with AES-256-GCM as one stream
 * (Bouncy Castle's streaming GCM, so a part of any size needs no more memory than a buffer), bound to
 * its backup and name by the associated data. Layout: {@code SSBK1}, the 12-byte nonce, the ciphertext
 * with its tag. The manifest records each file's SHA-256, checked before a part is opened.
 */
final class SealedPart {
    private static final byte[] MAGIC = "SSBK1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedPart() {
    }

    /** What a written part measured. */
    record Written(long bytes, String sha256) {
    }

    /** A stream that compresses and seals into {@code file}; {@link Writer#finish()} gives its size and hash. */
    static Writer create(Path file, SecretKey key, String associatedData) {
        try {
            OutputStream raw = Files.newOutputStream(file);
            restrict(file);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Counting counted = new Counting(new DigestOutputStream(new BufferedOutputStream(raw, 1 << 16), sha));
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            counted.write(MAGIC);
            counted.write(nonce);
            CipherOutputStream sealed = new CipherOutputStream(counted, gcm(true, key, nonce, associatedData));
            return new Writer(new GZIPOutputStream(sealed, 1 << 16), counted, sha);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a part for reading: the plaintext. A wrong key or changed bytes fail with
     * {@link TamperedPartException} by the end of the stream at the latest.
     */
    static InputStream open(Path file, SecretKey key, String associatedData) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        byte[] head = in.readNBytes(MAGIC.length + NONCE_BYTES);
        if (head.length != MAGIC.length + NONCE_BYTES || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
            in.close();
            throw new TamperedPartException(file.getFileName() + " is not a SiteSign backup part");
        }
        byte[] nonce = Arrays.copyOfRange(head, MAGIC.length, head.length);
        CipherInputStream plain = new CipherInputStream(in, gcm(false, key, nonce, associatedData), 1 << 16);
        return new Checked(new GZIPInputStream(new Checked(plain), 1 << 16));
    }

    /** SHA-256 of a whole file, in hex. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return Digests.hex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void restrict(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                    Files.isDirectory(file) ? "rwx------" : "rw-------"));
        }
    }

    private static AEADBlockCipher gcm(boolean encrypt, SecretKey key, byte[] nonce, String associatedData) {
        AEADBlockCipher cipher = (AEADBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key.getEncoded()), TAG_BITS, nonce,
                associatedData.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }

    /** The writing end of a part. */
    static final class Writer extends FilterOutputStream {
        private final Counting counted;
        private final MessageDigest sha;

        private Writer(OutputStream out, Counting counted, MessageDigest sha) {
            super(out);
            this.counted = counted;
            this.sha = sha;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /** Closes the part and returns its size and SHA-256. */
        Written finish() throws IOException {
            close();
            return new Written(counted.count, Digests.hex(sha.digest()));
        }
    }

    /** A part whose bytes do not authenticate under the key. */
    static final class TamperedPartException extends IOException {
        TamperedPartException(String message) {
            super(message);
        }
    }

    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Turns Bouncy Castle's tag failure and gzip's format errors into {@link TamperedPartException}. */
    private static final class Checked extends java.io.FilterInputStream {
        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (InvalidCipherTextIOException | java.util.zip.ZipException e) {
                throw new TamperedPartException(e.getMessage());
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (InvalidCipherTextIOException | java.util.zip.ZipException e) {
                throw new TamperedPartException(e.getMessage());
            }
        }
    }
}
