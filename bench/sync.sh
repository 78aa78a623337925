#!/usr/bin/env bash
# Desktop sync benchmark (issue 4): the sync engine against the real server on loopback.
# Usage: bench/sync.sh [N] [BIG] [COMMANDS]     (defaults 10000 100000 1000)
#   first sync of N contracts (metadata only); a sync with nothing to do with N and with BIG contracts
#   stored locally; push of COMMANDS commands.
set -euo pipefail
cd "$(dirname "$0")/.."
# In-reactor (no install): common-model and sync-server come from their target/ folders.
mvn -q -B -o -pl common-model,sync-server,desktop-app test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="desktop-app/target/test-classes:desktop-app/target/classes:sync-server/target/test-classes:sync-server/target/classes"
CP="$CP:common-model/target/test-classes:common-model/target/classes:$(cat desktop-app/target/bench.cp)"
java -Xmx4g -cp "$CP" jp.sitesign.desktop.sync.SyncBench "$@" 2>/dev/null
