package jp.sitesign.desktop.archfixture.kit;

import jp.sitesign.desktop.archfixture.feature.Feature;

/** A shared kit class that wrongly knows a feature: the arrow back up that closes the cycle. */
public final class Kit {
    private Kit() {
    }

    public static String title(Feature feature) {
        return feature.name();
    }
}
