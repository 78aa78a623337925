package jp.sitesign.desktop.archfixture.feature;

import jp.sitesign.desktop.archfixture.kit.Kit;

/** A feature that uses the kit, as features should. */
public record Feature(String name) {
    public String heading() {
        return Kit.title(this);
    }
}
