#!/usr/bin/env bash
# Signing benchmarks (issue 3): a 1 MB, 20-page PDF signed at B-T and B-B with the SoftHSM2 RSA-2048
# key and the loopback TSA (warm, median); then the CLI signing a batch of 100 PDFs (PDFs per second).
# Usage: bench/sign.sh [RUNS]      (needs softhsm2, opensc: see ./sitesign test)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
mvn -q -B install -DskipTests
mvn -q -B -pl common-model test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="common-model/target/test-classes:common-model/target/classes:$(cat common-model/target/bench.cp)"
WORK=$(mktemp -d)
export SOFTHSM2_CONF="$WORK/softhsm/softhsm2.conf"
JAVA_OPTS=(--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED)
mkfifo "$WORK/in"
java "${JAVA_OPTS[@]}" -cp "$CP" jp.sitesign.model.signature.bench.SignBench "$RUNS" "$WORK/in-pdfs" wait \
  <"$WORK/in" >"$WORK/bench.log" 2>&1 &
BENCH=$!
exec 3>"$WORK/in"
trap 'echo >&3; wait $BENCH 2>/dev/null; rm -rf "$WORK"' EXIT
until grep -q "^TSA:" "$WORK/bench.log"; do
  kill -0 $BENCH 2>/dev/null || { cat "$WORK/bench.log"; exit 1; }
  sleep 0.5
done
grep -E "^(pdf|B-T|B-B|verify)" "$WORK/bench.log"
TSA=$(grep "^TSA:" "$WORK/bench.log" | cut -d' ' -f2)
export BENCH_PIN=123456
start=$(date +%s.%N)
java -jar desktop-app/target/sitesign-desktop.jar sign $(for f in "$WORK"/in-pdfs/*.pdf; do printf -- '--in %s ' "$f"; done) \
  --out-dir "$WORK/out" --pkcs11 /usr/lib/softhsm/libsofthsm2.so --token-label sitesign-test --pin-env BENCH_PIN \
  --key-alias rsa --level B-T --tsa "$TSA" | tail -1
end=$(date +%s.%N)
python3 -c "print(f'CLI batch: 100 PDFs at B-T in {$end-$start:.1f} s = {100/($end-$start):.1f} PDFs/s (one JVM, cold start included)')"
