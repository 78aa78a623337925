#!/usr/bin/env bash
# Contract search benchmark (issue 3): N contracts of one company on the embedded H2, combined search.
# Usage: bench/search.sh [N]     (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
mvn -q -B install -DskipTests
mvn -q -B -pl sync-server test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/bench.cp)"
java -Xmx4g -cp "$CP" jp.sitesign.server.contracts.SearchBench "$N" 2>/dev/null
