#!/usr/bin/env bash
# Authenticated "who am I" over HTTPS keep-alive vs a bare Grizzly/Jersey HTTPS resource returning a
# constant, both measured with wrk from a second process in the same run; plus the cost of one login.
# Usage: bench/whoami.sh [DURATION] [CONNECTIONS]    (needs: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mvn -q -B install -DskipTests
mvn -q -B -pl sync-server test-compile
mvn -q -B -pl sync-server dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/bench.cp)"
OUT=$(mktemp -d)
mkfifo "$OUT/in"
java -cp "$CP" jp.sitesign.server.bench.WhoAmIBench <"$OUT/in" >"$OUT/fixture.log" 2>"$OUT/fixture.err" &
FIXTURE=$!
exec 3>"$OUT/in"
trap 'echo >&3; wait $FIXTURE 2>/dev/null; rm -rf "$OUT"' EXIT
until grep -q READY "$OUT/fixture.log"; do
  kill -0 $FIXTURE 2>/dev/null || { cat "$OUT/fixture.err"; exit 1; }
  sleep 0.5
done
get() { grep "^$1=" "$OUT/fixture.log" | cut -d= -f2-; }
echo "login (PBKDF2-HMAC-SHA256, 310,000 iterations), median of 25: $(get LOGIN_MEDIAN_MS) ms"
echo "warm-up..."
wrk -t2 -c"$CONNECTIONS" -d5s "$(get BARE_URL)" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $(get TOKEN)" "$(get WHOAMI_URL)" >/dev/null
# Two alternating rounds, so neither side profits from running second on a warmer JVM.
for round in 1 2; do
  echo "== round $round: bare Grizzly+Jersey HTTPS constant =="
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$(get BARE_URL)" | tee "$OUT/bare$round.txt"
  echo "== round $round: authenticated GET /api/v1/me =="
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $(get TOKEN)" "$(get WHOAMI_URL)" \
    | tee "$OUT/me$round.txt"
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/me$round.txt")
  [ -z "$non2xx" ] || { echo "whoami answered non-2xx: $non2xx" >&2; exit 1; }
  bare=$(awk '/Requests\/sec/ {print $2}' "$OUT/bare$round.txt")
  me=$(awk '/Requests\/sec/ {print $2}' "$OUT/me$round.txt")
  python3 -c "print(f'round $round: bare {float(\"$bare\"):.0f} req/s, who-am-I {float(\"$me\"):.0f} req/s = {float(\"$me\")/float(\"$bare\")*100:.1f} %')"
done
