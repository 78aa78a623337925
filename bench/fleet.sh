#!/usr/bin/env bash
# A fleet of simulated desktop clients (issue 12): each logs in, syncs every INTERVAL_MS (an idle sync is one pull)
# and pushes a new draft every PUSH_EVERY syncs, against SERVERS real `serve` processes (one on the embedded H2; more
# share a throwaway PostgreSQL and the clients go round-robin, as behind a load balancer). INTERVAL_MS=0: back to
# back, the servers' capacity. Prints requests/s, errors, p50/p99/max over every request.
# Usage: bench/fleet.sh [CLIENTS] [SECONDS] [INTERVAL_MS] [PUSH_EVERY] [SERVERS]   (defaults 200 60 30000 6 1)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o install -DskipTests -pl common-model
mvn -q -B -o -pl sync-server test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/bench.cp)"
DB=()
if [ "${5:-1}" -gt 1 ] || [ -n "${FLEET_POSTGRES:-}" ]; then DB=(-Dsitesign.test.db=postgres); fi
java "${DB[@]}" -cp "$CP" jp.sitesign.server.bench.FleetBench "$@" 2>/dev/null
