package jp.sitesign.server.archfixture.cycle.a;

import jp.sitesign.server.archfixture.cycle.b.Beta;

/** Half of a package cycle: a depends on b. */
public final class Alpha {
    public Beta partner() {
        return new Beta();
    }
}
