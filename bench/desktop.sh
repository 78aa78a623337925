#!/usr/bin/env bash
# Desktop start-up, login and memory benchmark (issue 5).
# Usage: bench/desktop.sh [N] [STARTS] [LOGINS]     (defaults 10000 contracts, 5 cold starts, 5 logins)
#   The server (with N contracts for the user) runs in its own process; the desktop process is measured:
#   JVM start → login window (STARTS fresh processes), login → the list with N (LOGINS runs in one process
#   after a first login that syncs), and resident memory with a 50-page PDF open and the list alive.
# Under Xvfb with the GTK window system when xvfb-run and libgtk-3-0 are installed, else headless Monocle.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
STARTS=${2:-5}
LOGINS=${3:-5}
mvn -q -B -o -pl common-model,sync-server,desktop-app test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:sync-server/target/test-classes:sync-server/target/classes"
CP="$CP:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/bench.cp)"
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$work"' EXIT
# The server reads its standard input from this pipe and stops when the script ends.
mkfifo "$work/in"
java -Xmx4g -cp "$CP" jp.sitesign.desktop.tools.BenchServer "$N" "$work" <"$work/in" 2>/dev/null &
exec 3>"$work/in"
until [ -f "$work/server.properties" ]; do sleep 0.5; done
source bench/desktop-window.sh
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/home"
for i in $(seq "$STARTS"); do run jp.sitesign.desktop.tools.DesktopBench start "$work/home" "$work"; done
run jp.sitesign.desktop.tools.DesktopBench login "$work/home" "$work" "$LOGINS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
