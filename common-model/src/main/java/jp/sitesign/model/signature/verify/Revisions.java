package jp.sitesign.model.signature.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the revisions of a PDF end: after each {@code %%EOF} marker and its end-of-line. An
 * incremental update appends a revision; a signature covers exactly one revision.
 */
final class Revisions {
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final List<Long> ends;

    private Revisions(List<Long> ends) {
        this.ends = ends;
    }

    static Revisions of(byte[] pdf) {
        List<Long> ends = new ArrayList<>();
        for (int i = 0; i + EOF.length <= pdf.length; i++) {
            if (startsAt(pdf, i)) {
                int end = i + EOF.length;
                if (end < pdf.length && pdf[end] == '\r') {
                    end++;
                }
                if (end < pdf.length && pdf[end] == '\n') {
                    end++;
                }
                ends.add((long) end);
                i = end - 1;
            }
        }
        return new Revisions(ends);
    }

    private static boolean startsAt(byte[] pdf, int i) {
        for (int j = 0; j < EOF.length; j++) {
            if (pdf[i + j] != EOF[j]) {
                return false;
            }
        }
        return true;
    }

    /** The 1-based revision ending exactly at {@code end}, or 0 if no revision ends there. */
    int revisionEndingAt(long end) {
        return ends.indexOf(end) + 1;
    }

    int count() {
        return ends.size();
    }

    /** The end offsets, first revision first. */
    List<Long> ends() {
        return List.copyOf(ends);
    }
}
