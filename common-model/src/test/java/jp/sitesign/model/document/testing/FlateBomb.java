package jp.sitesign.model.document.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * zlib data (what /FlateDecode decodes) that inflates to a few given bytes followed by a great many zero
 * bytes, made without ever holding the inflated form: a mebibyte of zeros compressed after a full flush does
 * not refer back to anything before it, so its compressed form can simply be repeated.
 */
public final class FlateBomb {
    private static final int BLOCK = 1024 * 1024;

    private FlateBomb() {
    }

    /** Inflates to {@code prefix} and then {@code mebibytes} MiB of zeros. */
    public static byte[] deflate(byte[] prefix, int mebibytes) {
        byte[] zeros = new byte[BLOCK];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] head = flush(deflater, prefix);
        byte[] block = flush(deflater, zeros);
        deflater.end();

        Adler32 checksum = new Adler32();
        checksum.update(prefix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        out.writeBytes(head);
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(block);
            checksum.update(zeros);
        }
        out.write(0x03); // an empty final block with fixed codes
        out.write(0x00);
        long value = checksum.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
        return out.toByteArray();
    }

    private static byte[] flush(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }
}
