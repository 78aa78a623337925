#!/usr/bin/env bash
# Screenshots of the desktop app's main screens for a person to look at (not committed, not a test):
#   scripts/screenshots.sh [OUT_DIR]        default target/screenshots
# Runs the real window under Xvfb (Debian: xvfb xauth libgtk-3-0) when xvfb-run is installed; otherwise
# on JavaFX's headless Monocle platform, which draws the same scene graph without any display.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-target/screenshots}")
# In-reactor (no install): common-model comes from its target/ folders.
mvn -q -B -pl common-model,desktop-app test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots.cp \
    -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/screenshots.cp)"
MAIN=jp.sitesign.desktop.tools.Screenshots
if command -v xvfb-run >/dev/null && ldconfig -p | grep -q libgtk-3.so.0; then
  echo "Xvfb with the GTK window system"
  xvfb-run -a -s "-screen 0 1280x800x24" java -Djava.awt.headless=true -cp "$CP" "$MAIN" "$OUT"
else
  echo "xvfb-run or libgtk-3-0 missing (apt-get install xvfb xauth libgtk-3-0): using headless Monocle instead"
  java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
      -cp "$CP" "$MAIN" "$OUT"
fi
ls -1 "$OUT"/*.png
