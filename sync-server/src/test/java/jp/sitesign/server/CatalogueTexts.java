package jp.sitesign.server;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.CataloguedMessage;

/**
 * The check every server message catalogue ({@code ContractMessage}, {@code SyncMessage} …) passes: both texts
 * read as something once the placeholders are filled, and they take the same number of arguments, so a
 * placeholder added to one language only (or a stray {@code %}) fails here rather than in front of a user. The
 * check itself is common-model's {@link CatalogueAssertions}, shared with the catalogues there.
 */
public final class CatalogueTexts {
    private CatalogueTexts() {
    }

    /** Asserts each message's texts, filled with markers, are non-blank in both languages with as many arguments. */
    public static void assertEveryMessageReads(CataloguedMessage... messages) {
        CatalogueAssertions.assertEveryMessageReads(messages);
    }
}
