package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Compares one PDF object of two revisions as written: dictionaries and arrays item by item, streams
 * also by their raw (still encoded) bytes, and references by object number only — whether the
 * referenced object changed is asked of that object in turn. So a change is found in exactly the
 * object that was rewritten.
 */
final class CosComparison {
    private CosComparison() {
    }

    static boolean same(COSBase a, COSBase b) {
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject ra && b instanceof COSObject rb && Objects.equals(ra.getKey(), rb.getKey());
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSStream sa) {
            return b instanceof COSStream sb && sameEntries(sa, sb) && sameBytes(sa, sb);
        }
        if (a instanceof COSDictionary da) {
            return b instanceof COSDictionary db && !(b instanceof COSStream) && sameEntries(da, db);
        }
        if (a instanceof COSArray aa) {
            if (!(b instanceof COSArray ab) || aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa) {
            return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        return a.equals(b);
    }

    /** The keys whose values differ (present in one only, or different). */
    static Set<COSName> differingKeys(COSDictionary a, COSDictionary b) {
        Set<COSName> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(key -> same(a.getItem(key), b.getItem(key)));
        return keys;
    }

    static COSObjectKey keyOf(COSBase raw) {
        return raw instanceof COSObject reference ? reference.getKey() : null;
    }

    static COSBase resolve(COSBase raw) {
        return raw instanceof COSObject reference ? reference.getObject() : raw;
    }

    private static boolean sameEntries(COSDictionary a, COSDictionary b) {
        return differingKeys(a, b).isEmpty();
    }

    /** An unreadable stream compares unequal to everything, which reports it as changed. */
    private static boolean sameBytes(COSStream a, COSStream b) {
        byte[] rawA = raw(a);
        byte[] rawB = raw(b);
        return rawA != null && rawB != null && Arrays.equals(rawA, rawB);
    }

    private static byte[] raw(COSStream stream) {
        try (InputStream in = stream.createRawInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
