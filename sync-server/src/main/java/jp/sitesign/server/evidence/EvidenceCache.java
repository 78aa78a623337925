package jp.sitesign.server.evidence;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Built packages kept in memory, least recently used dropped first beyond a byte budget (ADR 24). The key
 * names the contract PDF by its hash, so a renewed archive timestamp — a new PDF — is a new package.
 */
final class EvidenceCache {
    private final long budget;
    private final Map<String, byte[]> packages = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    EvidenceCache(long budget) {
        this.budget = budget;
    }

    static String key(String contractId, String pdfSha256, String viewerCompany) {
        return contractId + "/" + pdfSha256 + "/" + viewerCompany;
    }

    /**
     * The package under {@code key}, built now if absent. Built outside the lock (it calls the TSA); when two
     * requests build the same one at once, the first stored wins and both answer it.
     */
    byte[] get(String key, Supplier<byte[]> build) {
        synchronized (this) {
            byte[] found = packages.get(key);
            if (found != null) {
                return found;
            }
        }
        byte[] built = build.get();
        synchronized (this) {
            byte[] raced = packages.get(key);
            if (raced != null) {
                return raced;
            }
            // A renewed archive timestamp replaced the PDF: the package around the old one is not handed out again.
            String contract = key.substring(0, key.indexOf('/') + 1);
            String viewer = key.substring(key.lastIndexOf('/'));
            for (Iterator<Map.Entry<String, byte[]>> it = packages.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, byte[]> e = it.next();
                if (e.getKey().startsWith(contract) && e.getKey().endsWith(viewer)) {
                    held -= e.getValue().length;
                    it.remove();
                }
            }
            packages.put(key, built);
            held += built.length;
            for (Iterator<byte[]> it = packages.values().iterator(); held > budget && packages.size() > 1;) {
                held -= it.next().length;
                it.remove();
            }
            return built;
        }
    }
}
