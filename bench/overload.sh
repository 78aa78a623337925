#!/usr/bin/env bash
# "Nobody stalled" (issue 10): the p99 of a plain authenticated GET /api/v1/me on an idle server, then in the
# same run while STALLED clients hold request bodies open and LOGINS clients log in at once. The server is the
# real `serve` command in its own JVM with default settings; the clients run in a second JVM.
# Usage: bench/overload.sh [SECONDS] [STALLED] [LOGINS]     (defaults 20 16 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl common-model
mvn -q -B -pl sync-server test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/bench.cp)"
java -cp "$CP" jp.sitesign.server.bench.OverloadBench "$@" 2>/dev/null
