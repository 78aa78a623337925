#!/usr/bin/env bash
# Desktop PDF preview and start-up benchmark (issue 5).
# Usage: bench/preview.sh [STARTS]     (default 5 cold processes for each start-up figure)
# Under Xvfb with the GTK window system when xvfb-run and libgtk-3-0 are installed, else headless Monocle.
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS=${1:-5}
mvn -q -B -pl common-model,desktop-app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
    -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/bench.cp)"
source bench/desktop-window.sh
for i in $(seq "$STARTS"); do run jp.sitesign.desktop.tools.StartupBench; done
for i in $(seq "$STARTS"); do run jp.sitesign.desktop.preview.PreviewBench cold; done
run jp.sitesign.desktop.preview.PreviewBench warm
