package jp.sitesign.server.archfixture.demo;

/** Stands for the demo data. */
public final class DemoSeed {
    public void seed() {
        // nothing: only its package matters
    }
}
