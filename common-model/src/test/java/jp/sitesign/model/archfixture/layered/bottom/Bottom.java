package jp.sitesign.model.archfixture.layered.bottom;

/** Knows nothing above it. */
public final class Bottom {
}
