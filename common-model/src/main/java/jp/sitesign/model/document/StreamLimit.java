package jp.sitesign.model.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Whether one stream stays within {@link PdfLimits#maxStreamBytes()} when decoded, found by decoding it once
 * with PDFBox's own filters into a counter that keeps nothing (a chain of filters keeps each intermediate
 * result, at most the limit).
 */
final class StreamLimit {
    /** Image codecs: PDFBox decodes them only to draw the image, which no check or verification does. */
    private static final Set<COSName> DECODED_ONLY_TO_DRAW = Set.of(COSName.DCT_DECODE,
            COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE, COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE, COSName.CRYPT);
    private static final long TIME_CHECK_BYTES = 1024 * 1024;

    private StreamLimit() {
    }

    /**
     * Checks a stream as it is parsed. An image is left alone (only drawing decodes it, and a scanned drawing
     * may rightly be larger than the limit) unless it declares cross-reference entries; a stream read as an
     * object stream is checked again as one ({@link #checkObjectStream}), whatever its type says.
     *
     * @return how many cross-reference entries it holds if it is read as cross-reference data (0 for others)
     */
    static long checkParsed(COSStream stream, SafePdf reading) throws IOException {
        long entryWidth = entryWidth(stream);
        if (entryWidth == 0 && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            return 0;
        }
        long decoded = decodedSize(stream, reading);
        // PDFBox reads any stream with /W as cross-reference data when the trailer points at it, /Type or not.
        return entryWidth > 0 && decoded > 0 ? decoded / entryWidth : 0;
    }

    /** Checks the size of a stream about to be unpacked as an object stream, unless it was checked when parsed. */
    static void checkObjectStream(COSStream stream, SafePdf reading) throws IOException {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) && entryWidth(stream) == 0) {
            decodedSize(stream, reading);
        }
    }

    /** The decoded length, or -1 when PDFBox could not decode it either (it fails there on its own). */
    private static long decodedSize(COSStream stream, SafePdf reading) throws IOException {
        Decoded decoded = decode(stream, reading, 0);
        return decoded == null ? -1 : decoded.size();
    }

    /**
     * What a stream decodes to: its length and its first {@code headBytes} bytes, under the limit; {@code null}
     * when it cannot be decoded. Image codecs are not applied (the head is then still encoded).
     */
    static Decoded decode(COSStream stream, SafePdf reading, int headBytes) throws IOException {
        List<Filter> chain = chain(stream);
        if (chain == null) {
            return null;
        }
        InputStream input = stream.createRawInputStream();
        try {
            if (chain.isEmpty()) {
                return new Decoded(stream.getLength(), input.readNBytes(headBytes));
            }
            Counter out = null;
            for (int i = 0; i < chain.size(); i++) {
                out = new Counter(reading.limits().maxStreamBytes(), reading,
                        i < chain.size() - 1 ? Integer.MAX_VALUE : headBytes);
                try {
                    chain.get(i).decode(input, out, stream, i);
                } catch (IOException damaged) {
                    return null;
                }
                input.close();
                input = new ByteArrayInputStream(out.kept.toByteArray());
            }
            return new Decoded(out.count, out.kept.toByteArray());
        } finally {
            input.close();
        }
    }

    /**
     * The filters PDFBox applies when it decodes the stream outside drawing: up to the first image codec, each
     * filter once (PDFBox drops a repeated filter, so must the check, or the two would decode differently).
     * {@code null} when PDFBox cannot decode it: a filter that is not a name, or one it does not know.
     */
    private static List<Filter> chain(COSStream stream) {
        List<COSName> names = filterNames(stream);
        if (names == null) {
            return null;
        }
        List<Filter> chain = new ArrayList<>();
        for (COSName name : names) {
            if (DECODED_ONLY_TO_DRAW.contains(name)) {
                break;
            }
            try {
                Filter filter = FilterFactory.INSTANCE.getFilter(name);
                if (!chain.contains(filter)) {
                    chain.add(filter);
                }
            } catch (IOException unknownFilter) {
                return null;
            }
        }
        return chain;
    }

    /** @param size the decoded length; @param head its first bytes */
    record Decoded(long size, byte[] head) {
    }

    /** The filter names, or {@code null} when they are not names (PDFBox refuses to decode such a stream). */
    private static List<COSName> filterNames(COSStream stream) {
        COSBase value = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (value instanceof COSName name) {
            names.add(name);
        } else if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName name)) {
                    return null;
                }
                names.add(name);
            }
        } else if (value != null) {
            return null;
        }
        return names;
    }

    /** The bytes per entry a cross-reference stream's /W declares, or 0 when it declares none. */
    private static long entryWidth(COSStream stream) {
        COSArray widths = stream.getCOSArray(COSName.W);
        long width = 0;
        for (int i = 0; widths != null && i < widths.size(); i++) {
            if (widths.getObject(i) instanceof COSNumber n) {
                width += Math.max(0, n.longValue());
            }
        }
        return width;
    }

    /** Counts what a filter writes, keeps the first bytes asked for, and stops at the limit or the deadline. */
    private static final class Counter extends OutputStream {
        private final long limit;
        private final SafePdf reading;
        private final int keep;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long count;
        private long nextTimeCheck = TIME_CHECK_BYTES;

        Counter(long limit, SafePdf reading, int keep) {
            this.limit = limit;
            this.reading = reading;
            this.keep = keep;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (count > limit) {
                throw reading.streamTooLarge(limit);
            }
            if (count >= nextTimeCheck) {
                reading.checkLimits();
                nextTimeCheck = count + TIME_CHECK_BYTES;
            }
            int wanted = (int) Math.min(len, keep - kept.size());
            if (wanted > 0) {
                kept.write(b, off, wanted);
            }
        }
    }
}
