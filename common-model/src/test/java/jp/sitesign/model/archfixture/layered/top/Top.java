package jp.sitesign.model.archfixture.layered.top;

import jp.sitesign.model.archfixture.layered.bottom.Bottom;

/** Depends downwards only. */
public final class Top {
    public Bottom below() {
        return new Bottom();
    }
}
