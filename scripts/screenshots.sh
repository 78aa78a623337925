#!/usr/bin/env bash
# Screenshots of the desktop app's main screens for a person to look at (PNGs, never committed):
#   scripts/screenshots.sh [OUT_DIR] [name,name,...]     default target/screenshots, every screen
# The window is logged in to the demo server (./sitesign demo's data, started in-process on loopback) and
# walks through every main screen by id in Japanese, and the main ones in English (names: Screenshots.ALL).
# A screen that cannot be reached ends the script with a non-zero exit, so it doubles as a smoke test.
# The window is 1366×728 (a 1366×768 laptop less its taskbar), the smallest screen the app must fit.
# Runs the real window under Xvfb (Debian: xvfb xauth libgtk-3-0) when xvfb-run is installed; otherwise
# on JavaFX's headless Monocle platform, which draws the same scene graph without any display.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-target/screenshots}")
# In-reactor (no install): common-model comes from its target/ folders.
mvn -q -B -pl common-model,sync-server,desktop-app test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots.cp \
    -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:sync-server/target/test-classes:sync-server/target/classes:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/screenshots.cp)"
MAIN=jp.sitesign.desktop.tools.Screenshots
if command -v xvfb-run >/dev/null && ldconfig -p | grep -q libgtk-3.so.0; then
  echo "Xvfb with the GTK window system"
  xvfb-run -a -s "-screen 0 1366x768x24" java --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" "$MAIN" "$OUT" ${2:+"$2"}
else
  echo "xvfb-run or libgtk-3-0 missing (apt-get install xvfb xauth libgtk-3-0): using headless Monocle instead"
  java --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1366x768-32 -Dprism.order=sw -Djava.awt.headless=true \
      -cp "$CP" "$MAIN" "$OUT" ${2:+"$2"}
fi
ls -1 "$OUT"/*.png
