package jp.sitesign.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page cache stays inside its byte budget and drops the least recently used pages first. */
class PageCacheTest {
    private static final long PAGE_BYTES = 4L * 100 * 100;

    @Test
    void staysWithinItsBudgetDroppingTheLeastRecentlyUsedPage() {
        PageCache cache = new PageCache(3 * PAGE_BYTES);
        for (int i = 0; i < 3; i++) {
            cache.put(key(i), page(i));
        }
        cache.get(key(0)); // page 0 used again: page 1 is now the oldest

        cache.put(key(3), page(3));

        assertThat(cache.bytes()).isLessThanOrEqualTo(3 * PAGE_BYTES);
        assertThat(cache.get(key(1))).isNull();
        assertThat(cache.get(key(0))).isNotNull();
        assertThat(cache.get(key(3))).isNotNull();
    }

    @Test
    void aPageLargerThanTheBudgetIsStillKeptAloneBecauseItIsTheOneOnScreen() {
        PageCache cache = new PageCache(PAGE_BYTES / 2);
        cache.put(key(0), page(0));

        assertThat(cache.get(key(0))).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void openingAnotherDocumentForgetsThePagesOfTheFirst() {
        PageCache cache = new PageCache(10 * PAGE_BYTES);
        cache.put(key(0), page(0));
        cache.put(new PageCache.Key(2, 0, 1000), page(0));

        cache.retainOnly(2);

        assertThat(cache.get(key(0))).isNull();
        assertThat(cache.bytes()).isEqualTo(PAGE_BYTES);
    }

    private static PageCache.Key key(int page) {
        return new PageCache.Key(1, page, 1000);
    }

    private static RenderedPage page(int index) {
        return new RenderedPage(index, 1000, 100, 100, new int[100 * 100]);
    }
}
