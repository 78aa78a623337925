package jp.sitesign.desktop.preview;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered pages, least recently used dropped first once their pixels pass a byte budget. Used from the
 * render thread (put) and the UI thread (get), hence synchronised.
 */
final class PageCache {
    record Key(long generation, int pageIndex, int scaleKey) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, RenderedPage> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized RenderedPage get(Key key) {
        return pages.get(key);
    }

    synchronized void put(Key key, RenderedPage page) {
        RenderedPage old = pages.put(key, page);
        if (old != null) {
            bytes -= old.bytes();
        }
        bytes += page.bytes();
        Iterator<Map.Entry<Key, RenderedPage>> eldest = pages.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Key, RenderedPage> e = eldest.next();
            if (e.getKey().equals(key)) {
                continue; // the page just drawn is the one wanted now
            }
            bytes -= e.getValue().bytes();
            eldest.remove();
        }
    }

    /** Forgets every page of other documents than {@code generation}. */
    synchronized void retainOnly(long generation) {
        Iterator<Map.Entry<Key, RenderedPage>> it = pages.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, RenderedPage> e = it.next();
            if (e.getKey().generation() != generation) {
                bytes -= e.getValue().bytes();
                it.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return pages.size();
    }
}
