package jp.sitesign.server.archfixture.cli;

import jp.sitesign.server.archfixture.demo.DemoSeed;

/** The command line that starts demo mode: the one place allowed to know the demo. */
public final class StartsTheDemo {
    public void run() {
        new DemoSeed().seed();
    }
}
