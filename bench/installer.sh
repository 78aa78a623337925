#!/usr/bin/env bash
# Installer figures (issue 16): the size of the .deb that `mvn -B -Pinstaller -DskipTests package` wrote to
# installer/target/, its installed size, and the installed launcher's start → first window (the first-run window,
# empty home) under Xvfb, N fresh starts (default 5). The package is unpacked with dpkg-deb -x into a temporary
# folder (no root needed) and given its class-data-sharing archive as postinst would; needs xvfb, x11-utils, libgtk-3-0.
#   bench/installer.sh [N] [file.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
# How often the window list is polled: every poll starts xwininfo, which takes CPU from the app on a two-core machine;
# 0.1 s (InstalledDebIT's interval) adds at most 0.1 s to a figure, polling every 0.02 s slowed the start itself.
poll=${POLL_SECONDS:-0.1}
deb=${2:-$(ls installer/target/sitesign_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] || { echo "no .deb in installer/target: run mvn -B -Pinstaller -DskipTests package first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
# What the package's postinst does on an installed machine: the class-data-sharing archive for this path (ADR 20).
sh "$tmp/root/opt/sitesign/lib/app/sitesign-cds.sh" make
printf 'installer %s: %.1f MB; installed (/opt/sitesign): %.1f MB\n' "$(basename "$deb")" \
  "$(echo "$(stat -c %s "$deb") / 1000000" | bc -l)" "$(echo "$(du -sb "$tmp/root/opt/sitesign" | cut -f1) / 1000000" | bc -l)"
exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
read -r _ xvfb <&3
read -r n <&3
display=":$n"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One start: the command under an empty home; prints ms from start to the first-run window being mapped (JavaFX also
# maps a 10x10 helper window first, which does not count).
first_window() {
  local home="$tmp/home$RANDOM$RANDOM" start app
  mkdir -p "$home"
  start=$(date +%s%N)
  env -i PATH=/usr/bin:/bin DISPLAY="$display" HOME="$home" XDG_DATA_HOME="$home/.local/share" LANG=C.UTF-8 "$@" \
    >/dev/null 2>&1 &
  app=$!
  until xwininfo -root -tree -display "$display" | grep -Eq '"SiteSign[^"]*": .* ([2-9][0-9]{2}|[0-9]{4,})x[0-9]{3,}'; do
    sleep "$poll"
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$app"; wait "$app" 2>/dev/null || true
}
# Alternating with the same window from the shaded jar on the JDK (as ./sitesign demo starts it, without
# MALLOC_ARENA_MAX), so a busy machine shows in both columns.
mapfile -t JVM < <(grep -v '^#' desktop-app/jvm.options | grep .)
jar=desktop-app/target/sitesign-desktop.jar
for i in $(seq 1 "$runs"); do
  installed=$(first_window "$tmp/root/opt/sitesign/bin/SiteSign")
  line="run $i: installed launcher start -> first window mapped: $installed ms"
  if [ -f "$jar" ]; then
    line="$line; java -jar on the JDK: $(first_window "$(command -v java)" "${JVM[@]}" -jar "$PWD/$jar") ms"
  fi
  echo "$line"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
