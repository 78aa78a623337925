package jp.sitesign.model.archfixture.cycle.b;

import jp.sitesign.model.archfixture.cycle.a.Alpha;

/** The other half: b depends back on a. */
public final class Beta {
    public Alpha partner() {
        return new Alpha();
    }
}
