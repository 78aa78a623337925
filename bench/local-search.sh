#!/usr/bin/env bash
# Desktop local-store search benchmark (issue 4): N contracts in the encrypted local H2, combined search.
# Usage: bench/local-search.sh [N]     (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
# In-reactor (no install): common-model and sync-server (desktop-app's tests use its test jar) come from their
# target/ folders.
mvn -q -B -o -pl common-model,sync-server,desktop-app test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:sync-server/target/test-classes:sync-server/target/classes"
CP="$CP:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/bench.cp)"
java -Xmx2g -cp "$CP" jp.sitesign.desktop.store.LocalSearchBench "$N" 2>/dev/null
