#!/usr/bin/env bash
# Backup benchmark (issue 11): N contracts, D of them with a PDF of B bytes, on the embedded H2; a full backup,
# 1 % of the contracts changed and a differential backup, then a restore of both into an empty folder.
# Usage: bench/backup.sh [N] [D] [B]     (defaults 100000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
mvn -q -B -pl sync-server test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/bench.cp)"
java -Xmx2g -cp "$CP" jp.sitesign.server.backup.BackupBench "$@" 2>/dev/null
