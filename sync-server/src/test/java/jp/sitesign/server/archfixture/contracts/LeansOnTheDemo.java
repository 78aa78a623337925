package jp.sitesign.server.archfixture.contracts;

import jp.sitesign.server.archfixture.demo.DemoSeed;

/** Production code that reaches into the demo: what the rule forbids. */
public final class LeansOnTheDemo {
    public void run() {
        new DemoSeed().seed();
    }
}
