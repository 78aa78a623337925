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
# The desktop JVM with the app's own options (desktop-app/jvm.options), as ./sitesign starts it.
mapfile -t JVM < <(grep -v '^#' desktop-app/jvm.options | grep .)
export MALLOC_ARENA_MAX=2
if command -v xvfb-run >/dev/null && ldconfig -p | grep -q libgtk-3.so.0; then
  echo "window system: GTK on Xvfb"
  run() { xvfb-run -a -s "-screen 0 1280x800x24" java "${JVM[@]}" -Djava.awt.headless=true -cp "$CP" "$@" 2>/dev/null; }
else
  echo "window system: headless Monocle (software rendering)"
  run() { java "${JVM[@]}" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
      -cp "$CP" "$@" 2>/dev/null; }
fi
for i in $(seq "$STARTS"); do run jp.sitesign.desktop.tools.StartupBench; done
for i in $(seq "$STARTS"); do run jp.sitesign.desktop.preview.PreviewBench cold; done
run jp.sitesign.desktop.preview.PreviewBench warm
