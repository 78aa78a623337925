package jp.sitesign.model.archfixture.cycle.a;

import jp.sitesign.model.archfixture.cycle.b.Beta;

/** Half of a package cycle: a depends on b. */
public final class Alpha {
    public Beta partner() {
        return new Beta();
    }
}
